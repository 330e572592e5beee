import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { CachedResponse, ResponseStore } from './store.ts';
import { connectRedis, report } from '../redis.ts';

/**
 * Stores a response and tags it, atomically, unless an invalidation happened since the
 * request looked it up (the epoch moved): KEYS[1] epoch, KEYS[2] entry, KEYS[3..] tag sets;
 * ARGV epoch at lookup, entry JSON, TTL in ms. A tag set lives as long as its longest entry.
 */
const STORE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current > tonumber(ARGV[1]) then return 0 end
local ttl = tonumber(ARGV[3])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl)
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return 1
`;

/** Moves the epoch, then deletes every entry of the tag sets KEYS[2..] and the sets. */
const INVALIDATE = `
redis.call('INCR', KEYS[1])
local removed = 0
for i = 2, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #members, 500 do
    removed = removed + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
end
return removed
`;

/** Tags per invalidation script call (a bulk mutation can name thousands of ids). */
const TAG_BATCH = 1000;
/** APQ registrations expire unless Apollo Server asks for a TTL: a client re-registers on PersistedQueryNotFound. */
const APQ_TTL_S = 86_400;

export interface RedisStoreOptions {
  url: string;
  /** Key prefix. */
  prefix: string;
  /** A failed command; the request goes on uncached (a failed invalidation is reported too). */
  onError: (err: Error) => void;
}

/**
 * The shared store. Keys: `<prefix>epoch` (invalidation counter), `<prefix>r:<key>` (a
 * response, with its TTL), `<prefix>t:<tag>` (set of response keys), `<prefix>apq:<hash>`.
 * Fails open: a Redis error is a miss, a skipped store, a reported invalidation failure.
 * Single Redis node (the scripts touch keys they do not declare).
 */
export async function createRedisStore(opts: RedisStoreOptions): Promise<ResponseStore> {
  const { client, close } = await connectRedis(opts.url, opts.onError);
  client.defineCommand('cacheStore', { lua: STORE });
  client.defineCommand('cacheInvalidate', { lua: INVALIDATE });
  const scripts = client as unknown as {
    cacheStore(numKeys: number, ...args: (string | number)[]): Promise<number>;
    cacheInvalidate(numKeys: number, ...args: string[]): Promise<number>;
  };

  const p = opts.prefix;
  const epochKey = `${p}epoch`;
  const entryKey = (key: string) => `${p}r:${key}`;
  const tagKey = (tag: string) => `${p}t:${tag}`;
  const apqKey = (key: string) => `${p}${key}`; // Apollo Server's keys already start with `apq:`

  const apq: KeyValueCache<string> = {
    async get(key) {
      try {
        return (await client.get(apqKey(key))) ?? undefined;
      } catch (err) {
        report(opts.onError, err);
        return undefined;
      }
    },
    async set(key, value, options) {
      try {
        await client.set(apqKey(key), value, 'EX', options?.ttl && options.ttl > 0 ? Math.ceil(options.ttl) : APQ_TTL_S);
      } catch (err) {
        report(opts.onError, err);
      }
    },
    async delete(key) {
      try {
        return (await client.del(apqKey(key))) > 0;
      } catch (err) {
        report(opts.onError, err);
        return false;
      }
    },
  };

  return {
    kind: 'redis',
    async lookup(keys) {
      try {
        const [epoch, ...found] = await client.mget(epochKey, ...keys.map(entryKey));
        const json = found.find((v) => v !== null);
        return { entry: json ? (JSON.parse(json) as CachedResponse) : undefined, epoch: Number(epoch ?? 0) };
      } catch (err) {
        report(opts.onError, err);
        return { entry: undefined, epoch: -1 }; // unknown: nothing computed now gets stored
      }
    },
    async store(key, entry, ttlSeconds, tags, epoch) {
      if (ttlSeconds <= 0 || epoch < 0) return false;
      try {
        const keys = [epochKey, entryKey(key), ...tags.map(tagKey)];
        return (await scripts.cacheStore(keys.length, ...keys, epoch, JSON.stringify(entry), Math.round(ttlSeconds * 1000))) === 1;
      } catch (err) {
        report(opts.onError, err);
        return false;
      }
    },
    async invalidate(tags) {
      let removed = 0;
      try {
        for (let i = 0; i === 0 || i < tags.length; i += TAG_BATCH) {
          const keys = [epochKey, ...tags.slice(i, i + TAG_BATCH).map(tagKey)];
          removed += await scripts.cacheInvalidate(keys.length, ...keys);
        }
      } catch (err) {
        report(opts.onError, new Error(`invalidation failed, cached responses may be stale until they expire: ${(err as Error).message}`));
      }
      return removed;
    },
    apq,
    close,
  };
}
