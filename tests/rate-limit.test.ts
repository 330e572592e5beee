import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  parseRateLimit,
  type RateLimiter,
  type RateLimiterOptions,
} from '../gateway/src/rate-limit.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('parseRateLimit', () => {
  it('reads requests/duration in ms, s, m, h and d', () => {
    expect(parseRateLimit('600/1m')).toEqual({ limit: 600, windowMs: 60_000 });
    expect(parseRateLimit('20/10s')).toEqual({ limit: 20, windowMs: 10_000 });
    expect(parseRateLimit('1000/1h')).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(parseRateLimit('3/300ms')).toEqual({ limit: 3, windowMs: 300 });
    expect(parseRateLimit(' 5000 / 1d ')).toEqual({ limit: 5000, windowMs: 86_400_000 });
    expect(parseRateLimit('10000/1s')).toEqual({ limit: 10_000, windowMs: 1000 });
  });

  it('reads off as no limit', () => {
    expect(parseRateLimit('off')).toBeNull();
    expect(parseRateLimit('OFF')).toBeNull();
  });

  it.each(['abc', '10/0s', '0/1m', '10/5x', '', '10', '/1m', '-1/1m', '1.5/1m', '10/1.5s', '10/m', '20/1ms', '20000/1s', '1/400d'])(
    'refuses %j, naming it',
    (raw) => {
      expect(() => parseRateLimit(raw)).toThrow(`"${raw}"`);
    },
  );
});

/** Every limiter a test creates, closed after it. */
const open: RateLimiter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((limiter) => limiter.close()));
});
async function limiter(opts: RateLimiterOptions): Promise<RateLimiter> {
  const created = await createRateLimiter(opts);
  open.push(created);
  return created;
}
async function takes(l: RateLimiter, key: string, n: number) {
  const decisions = [];
  for (let i = 0; i < n; i++) decisions.push(await l.take(key));
  return decisions;
}

/** The same behaviour from both stores; `options` adds the store's settings. */
function behavesAsGcra(options: () => Partial<RateLimiterOptions>) {
  it('allows limit takes, then refuses with remaining 0 and a retry within the window', async () => {
    const l = await limiter({ limit: 3, windowMs: 60_000, ...options() });
    const allowed = await takes(l, 'alice', 3);
    expect(allowed.map((d) => [d.allowed, d.remaining, d.retryAfterMs, d.limit])).toEqual([
      [true, 2, 0, 3],
      [true, 1, 0, 3],
      [true, 0, 0, 3],
    ]);
    const refused = await l.take('alice');
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    // One request refills every window/limit = 20 s.
    expect(refused.retryAfterMs).toBeGreaterThan(19_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it('allows exactly limit when window/limit is not a whole number', async () => {
    const l = await limiter({ limit: 7, windowMs: 1000, ...options() });
    const decisions = await takes(l, 'odd', 8);
    expect(decisions.map((d) => d.remaining)).toEqual([6, 5, 4, 3, 2, 1, 0, 0]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it('keeps keys independent', async () => {
    const l = await limiter({ limit: 2, windowMs: 60_000, ...options() });
    await takes(l, '10.0.0.1', 2);
    expect((await l.take('10.0.0.1')).allowed).toBe(false);
    expect(await l.take('10.0.0.2')).toMatchObject({ allowed: true, remaining: 1 });
    expect(await l.take('sub:alice')).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('allows the key again after waiting retryAfterMs', async () => {
    const l = await limiter({ limit: 3, windowMs: 300, ...options() });
    await takes(l, 'bob', 3);
    const refused = await l.take('bob');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(300);
    await sleep(refused.retryAfterMs + 20);
    expect((await l.take('bob')).allowed).toBe(true);
    // One request refilled, not the whole burst.
    expect((await l.take('bob')).allowed).toBe(false);
    // After a whole idle window the full burst is back.
    await sleep(300 + 50);
    expect((await takes(l, 'bob', 3)).every((d) => d.allowed)).toBe(true);
  });

  it('allows exactly limit of 50 concurrent takes', async () => {
    const l = await limiter({ limit: 10, windowMs: 60_000, ...options() });
    const decisions = await Promise.all(Array.from({ length: 50 }, () => l.take('burst')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.remaining === 0 && d.retryAfterMs > 0)).toBe(true);
  });
}

describe('memory store', () => {
  it('is the store without redisUrl', async () => {
    expect((await limiter({ limit: 1, windowMs: 1000 })).store).toBe('memory');
  });
  behavesAsGcra(() => ({}));

  it('refuses impossible settings, naming them', async () => {
    await expect(createRateLimiter({ limit: 0, windowMs: 1000 })).rejects.toThrow('0 per 1000 ms');
    await expect(createRateLimiter({ limit: 10, windowMs: 1000, redisUrl: 'http://x' })).rejects.toThrow('"http://x"');
  });
});

describe('redis store', () => {
  let prefix = '';
  let admin: Redis;
  const errors: Error[] = [];
  const redisOptions = () => ({ redisUrl: REDIS_URL, prefix, onStoreError: (err: Error) => errors.push(err) });

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await admin.quit();
  });
  afterEach(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    expect(errors.splice(0)).toEqual([]);
    prefix = `allygraph-test:${randomUUID()}:`;
  });
  prefix = `allygraph-test:${randomUUID()}:`;

  it('is the store with redisUrl', async () => {
    expect((await limiter({ limit: 1, windowMs: 1000, ...redisOptions() })).store).toBe('redis');
  });
  behavesAsGcra(redisOptions);

  it('shares one budget between two gateways on the same Redis and prefix', async () => {
    const a = await limiter({ limit: 3, windowMs: 60_000, ...redisOptions() });
    const b = await limiter({ limit: 3, windowMs: 60_000, ...redisOptions() });
    expect((await takes(a, 'carol', 3)).every((d) => d.allowed)).toBe(true);
    expect(await b.take('carol')).toMatchObject({ allowed: false, remaining: 0 });
    // Another prefix is another budget.
    const other = await limiter({ limit: 3, windowMs: 60_000, ...redisOptions(), prefix: `${prefix}other:` });
    expect((await other.take('carol')).allowed).toBe(true);
  });

  it('stores the key under the prefix with a TTL of at most the window', async () => {
    const l = await limiter({ limit: 5, windowMs: 10_000, ...redisOptions() });
    await l.take('dave');
    const ttl = await admin.pttl(`${prefix}dave`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it('loads the script again when Redis has lost it (NOSCRIPT)', async () => {
    const l = await limiter({ limit: 2, windowMs: 60_000, ...redisOptions() });
    expect((await l.take('erin')).allowed).toBe(true);
    await admin.script('FLUSH');
    expect(await l.take('erin')).toMatchObject({ allowed: true, remaining: 0 });
    expect((await l.take('erin')).allowed).toBe(false);
  });
});

describe('redis unreachable', () => {
  it('allows requests with a full budget and reports the error, within seconds', async () => {
    const errors: Error[] = [];
    const started = Date.now();
    const l = await limiter({ limit: 3, windowMs: 60_000, redisUrl: 'redis://127.0.0.1:1', onStoreError: (err) => errors.push(err) });
    expect(l.store).toBe('redis');
    for (let i = 0; i < 5; i++) expect(await l.take('frank')).toEqual({ allowed: true, limit: 3, remaining: 3, retryAfterMs: 0 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((err) => err instanceof Error)).toBe(true);
  });
});
