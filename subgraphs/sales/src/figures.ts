import { formatMinor, type Money } from '../../kit/src/money.ts';

/** Per-currency sums as a Money list: one entry per currency, sorted by code, empty when none. */
export function moneyList(rows: readonly { currency: string; minor: string }[]): Money[] {
  return [...rows]
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((r) => formatMinor(r.minor, r.currency));
}

/** The exact sum in one currency (0 when nothing was sold in it). */
export function minorIn(rows: readonly { currency: string; minor: string }[], currency: string): bigint {
  return rows.filter((r) => r.currency === currency).reduce((sum, r) => sum + BigInt(r.minor), 0n);
}

/**
 * `numerator / denominator` as a float, or null for a zero denominator. Both sides stay exact
 * bigints until this single division, so the only rounding is the final one to a double.
 */
export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return Number(numerator) / Number(denominator);
}
