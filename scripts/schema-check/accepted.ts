import { readFile, writeFile } from 'node:fs/promises';
import type { SchemaChange } from './diff.ts';

/** One breaking change a human decided to ship, as committed in schema/accepted-changes.json. */
export interface AcceptedChange {
  /** The change's description exactly as the check prints it. */
  change: string;
  reason: string;
  /** YYYY-MM-DD */
  acceptedOn: string;
}

export const ACCEPTED_PATH = 'schema/accepted-changes.json';

export class AcceptedChangesError extends Error {}

function isAcceptedChange(value: unknown): value is AcceptedChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.change === 'string' && typeof v.reason === 'string' && typeof v.acceptedOn === 'string';
}

/** Parses and validates the accepted list; `source` names the file (or commit) in errors. */
export function parseAccepted(json: string, source: string): AcceptedChange[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new AcceptedChangesError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(value)) throw new AcceptedChangesError(`${source}: expected a JSON array`);
  const bad = value.findIndex((entry) => !isAcceptedChange(entry));
  if (bad >= 0) {
    throw new AcceptedChangesError(`${source}: entry ${bad} needs string "change", "reason" and "acceptedOn"`);
  }
  return value as AcceptedChange[];
}

/** Reads the working tree's accepted list; a missing file means nothing is accepted. */
export async function readAccepted(path: string): Promise<AcceptedChange[]> {
  const json = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '[]';
    throw err;
  });
  return parseAccepted(json, path);
}

export async function writeAccepted(path: string, accepted: AcceptedChange[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(accepted, null, 2)}\n`);
}

/** Returns `accepted` with `changes` appended; refuses a blank reason because the reason is the review. */
export function acceptChanges(
  accepted: AcceptedChange[],
  changes: SchemaChange[],
  reason: string,
  acceptedOn: string,
): AcceptedChange[] {
  if (reason.trim() === '') throw new AcceptedChangesError('--accept needs a non-empty reason');
  const known = new Set(accepted.map((a) => a.change));
  const added = changes
    .filter((c) => !known.has(c.description))
    .map((c) => ({ change: c.description, reason: reason.trim(), acceptedOn }));
  return [...accepted, ...added];
}
