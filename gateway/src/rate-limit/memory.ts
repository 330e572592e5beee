import { performance } from 'node:perf_hooks';
import type { RateLimiter } from '../rate-limit.ts';
import { emissionIntervalUs, gcraStep, usToMs } from './gcra.ts';

/** How often idle keys (budget full again) are dropped: every window, between 1 s and 1 min. */
function sweepIntervalMs(windowMs: number): number {
  return Math.min(Math.max(windowMs, 1000), 60_000);
}

/**
 * The in-process store: a Map of key -> TAT on a monotonic clock. A key whose TAT has passed
 * holds a full budget, the same as an unknown key, so an unref'd timer deletes it; the Map
 * only holds keys seen within about one window.
 */
export function createMemoryLimiter(limit: number, windowMs: number): RateLimiter {
  const intervalUs = emissionIntervalUs(limit, windowMs);
  const tats = new Map<string, number>();
  const nowUs = () => Math.floor(performance.now() * 1000);
  const sweep = setInterval(() => {
    const now = nowUs();
    for (const [key, tat] of tats) if (tat <= now) tats.delete(key);
  }, sweepIntervalMs(windowMs));
  sweep.unref();

  return {
    store: 'memory',
    async take(key) {
      const step = gcraStep(tats.get(key), nowUs(), limit, intervalUs);
      if (step.allowed) tats.set(key, step.tat);
      return { allowed: step.allowed, limit, remaining: step.remaining, retryAfterMs: usToMs(step.retryAfterUs) };
    },
    async close() {
      clearInterval(sweep);
      tats.clear();
    },
  };
}
