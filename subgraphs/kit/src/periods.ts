import { badInput } from './errors.ts';
import { dateTime, timeZone } from './validate.ts';

/** A half-open UTC interval [start, end). */
export interface Window {
  start: Date;
  end: Date;
}

// Exact text, because the period is part of the Quota key that subgraphs pass around.
const PERIOD = /^([1-9]\d{3})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** True for 'YYYY', 'YYYY-Qn' (n 1-4) and 'YYYY-MM' (01-12). */
export function isQuotaPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** Returns `value` if it is a quota period, else a BAD_USER_INPUT naming `field`. */
export function quotaPeriod(field: string, value: string): string {
  parsePeriod(field, value);
  return value;
}

/**
 * A quota period as HR writes it: 'YYYY', 'YYYY-Qn' (n 1-4) or 'YYYY-MM', as the UTC
 * instants [start, end) that orders must be placed in to count toward it.
 */
export function parsePeriod(field: string, period: string): Window {
  const m = PERIOD.exec(period);
  if (!m) throw badInput(field, `"${period}" is not a period; expected YYYY, YYYY-Qn or YYYY-MM`);
  const year = Number(m[1]);
  const [month, span] = m[2] ? [(Number(m[2]) - 1) * 3, 3] : m[3] ? [Number(m[3]) - 1, 1] : [0, 12];
  return { start: utc(year, month), end: utc(year, month + span) };
}

export type BucketUnit = 'day' | 'week' | 'month';

/** How many UTC buckets (as Postgres date_trunc cuts them; weeks start on Monday) [from, to) touches. */
export function bucketCount(from: Date, to: Date, unit: BucketUnit): number {
  if (to <= from) return 0;
  const last = new Date(to.getTime() - 1);
  if (unit === 'month') {
    return (last.getUTCFullYear() - from.getUTCFullYear()) * 12 + last.getUTCMonth() - from.getUTCMonth() + 1;
  }
  const days = (d: Date) => Math.floor(d.getTime() / 86_400_000);
  if (unit === 'day') return days(last) - days(from) + 1;
  // Day 0 (1970-01-01) was a Thursday; shifting by 3 makes Monday the start of a week.
  const weeks = (d: Date) => Math.floor((days(d) + 3) / 7);
  return weeks(last) - weeks(from) + 1;
}

/** Midnight UTC on the 1st of `month` (0-based; 12 rolls into the next year). */
function utc(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

/** Enough for ~2.7 years of days or ~83 years of months; more is an accident, not a chart. */
export const MAX_BUCKETS = 1000;

const UNITS: Record<'DAY' | 'WEEK' | 'MONTH', BucketUnit> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** The `from`/`to` arguments of a report as instants, `to` strictly after `from`. */
export function timeRange(fromArg: string, toArg: string): { from: Date; to: Date } {
  const from = dateTime('from', fromArg);
  const to = dateTime('to', toArg);
  if (to <= from) throw badInput('to', 'must be after from');
  return { from, to };
}

/**
 * A time series request: its range, bucket unit and time zone (buckets start at local
 * midnight there), refusing more than MAX_BUCKETS buckets.
 */
export function bucketRange(fromArg: string, toArg: string, interval: 'DAY' | 'WEEK' | 'MONTH', zone: string) {
  const { from, to } = timeRange(fromArg, toArg);
  const unit = UNITS[interval];
  const tz = timeZone('timeZone', zone);
  // Counted in UTC: a zone shifts the count by at most one bucket.
  const buckets = bucketCount(from, to, unit);
  if (buckets > MAX_BUCKETS) {
    throw badInput('to', `the range spans ${buckets} ${unit} buckets; at most ${MAX_BUCKETS} are allowed`);
  }
  return { from, to, unit, timeZone: tz };
}

/**
 * SQL for every bucket start (column `b`, local time without zone) touching [$1, $2) in
 * units of $3 ('day', 'week', 'month') in time zone $4: the left side of a series' outer join.
 * Bucket a timestamp with `date_trunc($3, ts AT TIME ZONE $4)`; the bucket's instant is `b AT TIME ZONE $4`.
 */
export const BUCKETS_SQL = `SELECT generate_series(date_trunc($3, $1::timestamptz AT TIME ZONE $4),
  $2::timestamptz AT TIME ZONE $4 - interval '1 microsecond', ('1 ' || $3)::interval) AS b`;

/** The loader key of a Quota entity (employeeId, period); JSON keeps the two parts unambiguous. */
export function quotaKey(employeeId: string, period: string): string {
  return JSON.stringify([employeeId, period]);
}

export function parseQuotaKey(key: string): { employeeId: string; period: string } {
  const [employeeId, period] = JSON.parse(key) as [string, string];
  return { employeeId, period };
}
