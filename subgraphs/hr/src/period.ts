import { badInput } from '../../kit/src/errors.ts';

// A year, a quarter of it or a month of it; exact text, because the period is part of the
// Quota key that other subgraphs send back in representations.
const QUOTA_PERIOD = /^[1-9]\d{3}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** True for 'YYYY', 'YYYY-Qn' (n 1-4) and 'YYYY-MM' (01-12). */
export function isQuotaPeriod(value: string): boolean {
  return QUOTA_PERIOD.test(value);
}

/** Returns `value` if it is a quota period, else a BAD_USER_INPUT naming `field`. */
export function quotaPeriod(field: string, value: string): string {
  if (!isQuotaPeriod(value)) throw badInput(field, `"${value}" is not a period (YYYY, YYYY-Qn or YYYY-MM)`);
  return value;
}
