import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import type { AcceptedChange } from './accepted.ts';

export interface SchemaChange {
  /** graphql-js change type, e.g. FIELD_REMOVED, VALUE_ADDED_TO_ENUM. */
  type: string;
  description: string;
}

export interface ChangeReport {
  /** Breaking changes nobody accepted: these fail the check. */
  breaking: SchemaChange[];
  /** Breaking changes matched by an entry of the accepted list. */
  accepted: { change: SchemaChange; acceptance: AcceptedChange }[];
  /** Changes that can break clients in subtle ways: warnings only. */
  dangerous: SchemaChange[];
}

/** Compares two API schemas; a missing base (first version) has nothing to break. */
export function diffApiSchemas(baseSdl: string | null, nextSdl: string, accepted: AcceptedChange[]): ChangeReport {
  const report: ChangeReport = { breaking: [], accepted: [], dangerous: [] };
  if (baseSdl === null) return report;
  const base = buildSchema(baseSdl);
  const next = buildSchema(nextSdl);
  const byDescription = new Map(accepted.map((a) => [a.change, a]));
  for (const { type, description } of findBreakingChanges(base, next)) {
    const acceptance = byDescription.get(description);
    if (acceptance) report.accepted.push({ change: { type, description }, acceptance });
    else report.breaking.push({ type, description });
  }
  report.dangerous = findDangerousChanges(base, next).map(({ type, description }) => ({ type, description }));
  return report;
}
