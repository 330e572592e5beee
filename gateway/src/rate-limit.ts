import { createMemoryLimiter } from './rate-limit/memory.ts';
import { createRedisLimiter } from './rate-limit/redis.ts';

/** `limit` requests per sliding window of `windowMs` milliseconds, per client key. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The answer for one request. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The configured `limit` (for a `RateLimit-Limit` header). */
  limit: number;
  /** Requests the key may still make right now (0 when refused). */
  remaining: number;
  /** Milliseconds until the key may make one more request (for `Retry-After`); 0 when allowed. */
  retryAfterMs: number;
}

/** A per-key limiter; every store gives the same answers for the same requests. */
export interface RateLimiter {
  /** Spends one request of `key` (a token subject, or the client IP when anonymous) if its budget allows. */
  take(key: string): Promise<RateLimitDecision>;
  /** Stops timers and closes the Redis connection; idempotent. */
  close(): Promise<void>;
  readonly store: 'memory' | 'redis';
}

export interface RateLimiterOptions extends RateLimit {
  /** Redis URL: the budget is shared by every gateway using the same Redis and prefix. */
  redisUrl?: string;
  /** Key prefix in Redis. @default 'allygraph:ratelimit:' */
  prefix?: string;
  /**
   * Called when Redis fails (a take, or a connection attempt); the request is then allowed
   * (fail open) so a Redis outage is not a gateway outage. Called once per failed take, so
   * throttle logging here if needed. @default a console.warn
   */
  onStoreError?: (err: Error) => void;
}

const MIN_INTERVAL_US = 100;
const MAX_WINDOW_MS = 365 * 86_400_000;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses `RATE_LIMIT`: `<requests>/<duration>` such as `600/1m`, `20/10s`, `1000/1h`
 * (units ms, s, m, h, d), or `off` (null: no limit). Throws naming the bad value.
 */
export function parseRateLimit(raw: string): RateLimit | null {
  const value = raw.trim();
  if (value.toLowerCase() === 'off') return null;
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h|d)$/.exec(value);
  const limit = match ? Number(match[1]) : 0;
  const windowMs = match ? Number(match[2]) * UNITS[match[3]] : 0;
  if (!match || !(limit > 0) || !(windowMs > 0) || !Number.isSafeInteger(limit) || !Number.isSafeInteger(windowMs)) {
    throw new Error(`"${raw}" is not a rate limit: expected requests/duration with both above 0 (600/1m, 20/10s, 1000/1h; units ms, s, m, h, d) or off`);
  }
  checkRate({ limit, windowMs }, `"${raw}"`);
  return { limit, windowMs };
}

/**
 * A limiter giving each key `limit` requests per sliding `windowMs` (GCRA: a burst of up to
 * `limit`, refilling one request every windowMs/limit). In memory (one process), or in Redis
 * when `redisUrl` is set (shared by every gateway on that Redis and prefix; fails open).
 * With Redis it waits for the first connection (at most ~2 s) and resolves even if Redis is down.
 */
export async function createRateLimiter(opts: RateLimiterOptions): Promise<RateLimiter> {
  checkRate(opts, 'rate limit');
  if (opts.redisUrl === undefined) return createMemoryLimiter(opts.limit, opts.windowMs);
  if (!/^rediss?:\/\//.test(opts.redisUrl)) {
    throw new Error(`redis URL must start with redis:// or rediss://, got "${redactUrl(opts.redisUrl)}"`);
  }
  return createRedisLimiter({
    limit: opts.limit,
    windowMs: opts.windowMs,
    url: opts.redisUrl,
    prefix: opts.prefix ?? 'allygraph:ratelimit:',
    onError: opts.onStoreError ?? ((err) => console.warn(`rate limit store (redis): ${err.message}; requests are allowed while it fails`)),
  });
}

function checkRate({ limit, windowMs }: RateLimit, name: string): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || !Number.isSafeInteger(windowMs) || windowMs < 1) {
    throw new Error(`${name}: limit and windowMs must be whole numbers above 0, got ${limit} per ${windowMs} ms`);
  }
  if (windowMs > MAX_WINDOW_MS) {
    throw new Error(`${name}: the window may be at most 365 days, got ${windowMs} ms`);
  }
  // T is rounded to a whole microsecond (./rate-limit/gcra.ts); from 100 µs on that is exact to 0.5%.
  if (windowMs * 1000 < limit * MIN_INTERVAL_US) {
    throw new Error(`${name}: at most 10 requests per millisecond (10000/1s), got ${limit} per ${windowMs} ms`);
  }
}

function redactUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}
