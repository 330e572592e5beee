/**
 * GCRA (generic cell rate algorithm), the rule both stores apply. Each key keeps one number,
 * its theoretical arrival time (TAT): when its budget would be full again. A request at `now`
 * is allowed when, after adding one emission interval T (windowMs/limit), the TAT is no more
 * than `limit` intervals ahead of `now`; a refused request leaves the TAT unchanged.
 *
 * Times are whole microseconds and T is rounded to a whole microsecond, so the arithmetic is
 * exact in doubles (no drift between a burst of `limit` and the next request). The Redis
 * script in ./redis.ts is the same computation in Lua; keep them in step.
 */

/** T, microseconds between two requests at the steady rate; at least 1 (checked by the caller). */
export function emissionIntervalUs(limit: number, windowMs: number): number {
  return Math.round((windowMs * 1000) / limit);
}

export interface GcraStep {
  allowed: boolean;
  remaining: number;
  /** 0 when allowed. */
  retryAfterUs: number;
  /** The key's TAT after this request (unchanged when refused). */
  tat: number;
}

/** One request of a key whose stored TAT is `storedTat` (undefined: unknown or idle key). */
export function gcraStep(storedTat: number | undefined, nowUs: number, limit: number, intervalUs: number): GcraStep {
  const base = storedTat === undefined || storedTat < nowUs ? nowUs : storedTat;
  const tat = base + intervalUs;
  const capacity = limit * intervalUs;
  const ahead = tat - nowUs;
  if (ahead > capacity) return { allowed: false, remaining: 0, retryAfterUs: ahead - capacity, tat: base };
  return { allowed: true, remaining: floorDiv(capacity - ahead, intervalUs), retryAfterUs: 0, tat };
}

/** Integer floor division, exact even where a / b rounds up to the next integer. */
function floorDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b > a ? q - 1 : q;
}

/** Microseconds to whole milliseconds, rounded up (a Retry-After never too early). */
export function usToMs(us: number): number {
  return Math.ceil(us / 1000);
}
