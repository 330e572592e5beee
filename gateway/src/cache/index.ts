import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayContext } from '../context.ts';
import { responseCachePlugin, type CacheStats, type LookupResult } from './plugin.ts';
import { createRedisStore } from './redis.ts';
import { createMemoryStore, type ResponseStore } from './store.ts';

export type { CacheStats, LookupResult } from './plugin.ts';
export { httpCacheScopePlugin } from './plugin.ts';

export interface ResponseCacheOptions {
  /** Redis URL: responses, their tags, invalidations and APQ registrations shared by every gateway on it (and prefix). @default in memory */
  redisUrl?: string;
  /** Key prefix in Redis. @default 'allygraph:cache:' */
  prefix?: string;
  /** Most responses kept in memory (least recently used go first; not used with Redis). @default 10000 */
  maxEntries?: number;
  /** Upper bound of a response's lifetime in seconds, whatever the hints allow. @default 300 */
  maxTtl?: number;
  /** Called on every lookup (a query that could be cached), e.g. for a metric. */
  onLookup?: (result: LookupResult) => void;
  /** Called when Redis fails; the request goes on uncached. @default a console.warn */
  onStoreError?: (err: Error) => void;
}

export interface ResponseCache {
  readonly store: 'memory' | 'redis';
  /** Counters since start: hits, misses, stores, invalidated entries. */
  readonly stats: Readonly<CacheStats>;
  /** The gateway plugin; `idAllowed(type)`: `Type.id` may be selected by anyone who may see the type. */
  plugin(idAllowed: (type: string) => boolean): ApolloServerPlugin<GatewayContext>;
  /** APQ registrations in the same store, for Apollo Server's `persistedQueries.cache`. */
  readonly apq: KeyValueCache<string>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_TTL_S = 300;
const MAX_TAGS = 5_000;

/** The response cache: in memory, or in Redis when `redisUrl` is set (waits for its first connection, at most ~2 s). */
export async function createResponseCache(opts: ResponseCacheOptions = {}): Promise<ResponseCache> {
  if (opts.redisUrl !== undefined && !/^rediss?:\/\//.test(opts.redisUrl)) {
    throw new Error(`redis URL must start with redis:// or rediss://, got "${opts.redisUrl.replace(/\/\/[^@/]*@/, '//***@')}"`);
  }
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new Error(`cache maxEntries must be a whole number above 0, got ${maxEntries}`);
  const store: ResponseStore =
    opts.redisUrl === undefined
      ? createMemoryStore(maxEntries)
      : await createRedisStore({
          url: opts.redisUrl,
          prefix: opts.prefix ?? 'allygraph:cache:',
          onError: opts.onStoreError ?? ((err) => console.warn(`response cache store (redis): ${err.message}; requests go on uncached`)),
        });
  const stats: CacheStats = { hits: 0, misses: 0, stores: 0, invalidated: 0 };
  return {
    store: store.kind,
    stats,
    plugin: (idAllowed) => responseCachePlugin({ store, stats, idAllowed, maxTtl: opts.maxTtl ?? DEFAULT_MAX_TTL_S, maxTags: MAX_TAGS, onLookup: opts.onLookup }),
    apq: store.apq,
    close: () => store.close(),
  };
}

/**
 * `CACHE` (on | off, default on) and `CACHE_MAX_ENTRIES` (default 10000): the response cache
 * options, or null when off. `redisUrl` (REDIS_URL) makes it shared.
 */
export function loadCacheConfig(env: Record<string, string | undefined>, redisUrl?: string): ResponseCacheOptions | null {
  const raw = (env.CACHE ?? '').trim().toLowerCase();
  if (raw === 'off' || raw === 'false' || raw === '0') return null;
  if (raw !== '' && raw !== 'on' && raw !== 'true' && raw !== '1') throw new Error(`CACHE must be on or off, got "${env.CACHE}"`);
  const entries = env.CACHE_MAX_ENTRIES?.trim();
  const maxEntries = entries ? Number(entries) : DEFAULT_MAX_ENTRIES;
  if (!/^\d+$/.test(entries ?? '1') || !Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new Error(`CACHE_MAX_ENTRIES must be a whole number above 0, got "${env.CACHE_MAX_ENTRIES}"`);
  }
  return { maxEntries, ...(redisUrl && { redisUrl }) };
}
