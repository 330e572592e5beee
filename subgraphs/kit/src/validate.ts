import { badInput } from './errors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function email(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (v.length > 254 || !EMAIL.test(v)) throw badInput(field, `"${value}" is not a valid email address`);
  return v;
}

export function nonEmpty(field: string, value: string, max = 200): string {
  const v = value.trim();
  if (v.length === 0) throw badInput(field, 'must not be empty');
  if (v.length > max) throw badInput(field, `must be at most ${max} characters`);
  return v;
}

export function intRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(field, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Strict ISO 8601: a date or date-time whose every part exists (no 30 February, no hour 24),
 * UTC when no offset is given. Returns null for anything else; never lets the JS Date
 * parser roll an impossible day into the next month or guess a local time zone.
 */
export function parseInstant(value: string): Date | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  const offsetHours = zone === 'Z' ? 0 : Number(zone.slice(1, 3));
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > daysInMonth) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59 || offsetHours > 14) return null;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac.slice(0, 4)}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO 8601 date-time (or date); returns it as a Date. */
export function dateTime(field: string, value: string): Date {
  const date = parseInstant(value);
  if (!date) throw badInput(field, `"${value}" is not an ISO 8601 date-time`);
  return date;
}

export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `"${value}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A client key makes a write idempotent: 1-128 printable ASCII characters. */
export function clientKey(field: string, key: string): string {
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) throw badInput(field, 'must be 1-128 printable characters');
  return key;
}

/** Client keys of a batch: each valid, none repeated within the batch. */
export function clientKeys(field: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    clientKey(`${field}[${i}].clientKey`, key);
    if (seen.has(key)) throw badInput(`${field}[${i}].clientKey`, `"${key}" appears twice in the batch`);
    seen.add(key);
  });
}

/** An IANA time zone name (e.g. Europe/Berlin), as both Node and PostgreSQL know them. */
export function timeZone(field: string, value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw badInput(field, `"${value}" is not an IANA time zone such as UTC or Europe/Berlin`);
  }
  return value;
}
