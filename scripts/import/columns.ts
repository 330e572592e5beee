import { ImportError, type Reject } from './types.ts';

/** text: sent as written; int: a whole number; bool: true/false (or 1/0), any case. */
export type ColumnKind = 'text' | 'int' | 'bool';

export interface Column {
  name: string;
  kind: ColumnKind;
  required: boolean;
}

/** A row's values after the column checks: absent or empty optional values are null. */
export type Values = Record<string, string | number | boolean | null>;

/** A CSV header must name every required column, no unknown one, none twice. */
export function checkHeader(columns: readonly Column[], header: readonly string[]): void {
  const known = new Set(columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name)) throw new ImportError(`line 1: unknown column "${name}"; the columns are ${describeColumns(columns)}`);
    if (seen.has(name)) throw new ImportError(`line 1: column "${name}" appears twice in the header`);
    seen.add(name);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new ImportError(`line 1: the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
}

/** "clientKey, campaignId, variantId (optional), ...": for messages and usage. */
export function describeColumns(columns: readonly Column[]): string {
  return columns.map((c) => (c.required ? c.name : `${c.name} (optional)`)).join(', ');
}

/**
 * The structural checks of one row, in column order; the first failure rejects the row.
 * Everything else (enums, dates, ranges, references) is the subgraphs' to judge.
 */
export function checkValues(
  columns: readonly Column[],
  line: number,
  raw: Record<string, unknown>,
): { values: Values } | { reject: Reject } {
  const reject = (field: string | null, code: string, reason: string) => ({ reject: { line, field, code, reason } });
  const known = new Set(columns.map((c) => c.name));
  const unknown = Object.keys(raw).find((key) => !known.has(key));
  if (unknown !== undefined) return reject(unknown, 'EXTRA_COLUMN', `"${unknown}" is not a column of this entity`);
  const values: Values = {};
  for (const column of columns) {
    const value = Object.hasOwn(raw, column.name) ? raw[column.name] : undefined;
    if (value === undefined || isEmpty(value)) {
      if (!column.required) {
        values[column.name] = null;
        continue;
      }
      return value === undefined
        ? reject(column.name, 'MISSING_COLUMN', 'the row has no value for this required column')
        : reject(column.name, 'MISSING_VALUE', 'a required value is empty');
    }
    const checked = convert(column.kind, value);
    if (typeof checked === 'object') return reject(column.name, checked.code, checked.reason);
    values[column.name] = checked;
  }
  return { values };
}

function isEmpty(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

type Problem = { code: string; reason: string };

function convert(kind: ColumnKind, value: unknown): string | number | boolean | Problem {
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : { code: 'NOT_A_STRING', reason: `must be a string, got ${shown}` };
    case 'int': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
      return Number.isSafeInteger(n) ? n : { code: 'NOT_AN_INTEGER', reason: `must be an integer, got ${shown}` };
    }
    case 'bool': {
      if (typeof value === 'boolean') return value;
      const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (word === 'true' || word === '1') return true;
      if (word === 'false' || word === '0') return false;
      return { code: 'NOT_A_BOOLEAN', reason: `must be true or false, got ${shown}` };
    }
  }
}
