/**
 * The fixed calendar of the demo world. Nothing reads the clock: the same scale gives the
 * same rows on any day. Orders, events and responses fall inside [WINDOW_START, WINDOW_END).
 */

export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;

/** 2025-01-01T00:00:00Z */
export const WINDOW_START = Date.UTC(2025, 0, 1);
/** 2026-07-01T00:00:00Z, exclusive: the last instant of the window is 2026-06-30T23:59:59Z. */
export const WINDOW_END = Date.UTC(2026, 6, 1);

/** Quarters that sales quotas are set for. */
export const QUOTA_PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'] as const;

/** Half-year review periods: when the period ends and when its reviews are written. */
export const REVIEW_PERIODS: readonly { period: string; ends: number; reviewFrom: number; reviewTo: number }[] = [
  { period: '2025-H1', ends: Date.UTC(2025, 6, 1), reviewFrom: Date.UTC(2025, 6, 1), reviewTo: Date.UTC(2025, 7, 1) },
  { period: '2025-H2', ends: Date.UTC(2026, 0, 1), reviewFrom: Date.UTC(2026, 0, 5), reviewTo: Date.UTC(2026, 1, 1) },
  { period: '2026-H1', ends: Date.UTC(2026, 6, 1), reviewFrom: Date.UTC(2026, 5, 1), reviewTo: Date.UTC(2026, 5, 30) },
];

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `pad(7, 4)` -> `0007`; longer numbers keep all their digits. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
