import { createHash } from 'node:crypto';
import type { RateLimitDecision, RateLimiter } from '../rate-limit.ts';
import { emissionIntervalUs, usToMs } from './gcra.ts';
import { connectRedis, report } from '../redis.ts';

/**
 * gcraStep (./gcra.ts) in Lua, run atomically by Redis. The clock is Redis's own (TIME), so
 * gateways with skewed clocks agree. KEYS[1] holds the TAT in microseconds and expires when
 * the budget is full again. ARGV: limit, T in microseconds. Returns {allowed, remaining,
 * retryAfterUs}. Integers stay below 2^53, so Lua's doubles are exact.
 */
const SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local limit = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local base = now
local stored = redis.call('GET', KEYS[1])
if stored then
  stored = tonumber(stored)
  if stored and stored > now then base = stored end
end
local tat = base + interval
local capacity = limit * interval
local ahead = tat - now
if ahead > capacity then return {0, 0, ahead - capacity} end
redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.ceil(ahead / 1000))
local remaining = math.floor((capacity - ahead) / interval)
if remaining * interval > capacity - ahead then remaining = remaining - 1 end
return {1, remaining, 0}
`;
const SCRIPT_SHA = createHash('sha1').update(SCRIPT).digest('hex');

export interface RedisLimiterOptions {
  limit: number;
  windowMs: number;
  url: string;
  prefix: string;
  onError: (err: Error) => void;
}

/**
 * The shared store: one EVALSHA per take (EVAL when Redis lost the script). Any failure is
 * reported to `onError` and the request allowed with a full budget. Connection errors are
 * reported once per outage. Resolves after the first connection succeeds or fails.
 */
export async function createRedisLimiter(opts: RedisLimiterOptions): Promise<RateLimiter> {
  const { limit, prefix, onError } = opts;
  const intervalUs = emissionIntervalUs(limit, opts.windowMs);
  const { client, close } = await connectRedis(opts.url, onError);

  const run = async (key: string): Promise<unknown> => {
    try {
      return await client.evalsha(SCRIPT_SHA, 1, key, limit, intervalUs);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return client.eval(SCRIPT, 1, key, limit, intervalUs);
    }
  };

  return {
    store: 'redis',
    async take(key): Promise<RateLimitDecision> {
      try {
        const [allowed, remaining, retryAfterUs] = (await run(prefix + key)) as [number, number, number];
        return { allowed: allowed === 1, limit, remaining, retryAfterMs: usToMs(retryAfterUs) };
      } catch (err) {
        report(onError, err);
        return { allowed: true, limit, remaining: limit, retryAfterMs: 0 };
      }
    },
    close,
  };
}
