import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A cached response: its data, the policy it was cached under, and when it was stored. */
export interface CachedResponse {
  data: Record<string, unknown>;
  maxAge: number;
  scope: CacheScope;
  /** Epoch milliseconds when it was stored (for the `age` header). */
  storedAt: number;
}

export interface Lookup {
  /** The first of the keys that holds a response. */
  entry: CachedResponse | undefined;
  /** The invalidation counter now; a response computed from here on is stored only if no invalidation happens meanwhile. */
  epoch: number;
}

/**
 * Where responses, their tags and APQ registrations live. Every store gives the same answers;
 * the Redis one shares them between gateways.
 */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  lookup(keys: string[]): Promise<Lookup>;
  /**
   * Stores `entry` under `key` for `ttlSeconds`, tagged; not when an invalidation happened since
   * `epoch` (the response may predate it). Resolves whether it stored.
   */
  store(key: string, entry: CachedResponse, ttlSeconds: number, tags: string[], epoch: number): Promise<boolean>;
  /** Removes every entry with one of the tags; resolves how many. */
  invalidate(tags: string[]): Promise<number>;
  /** APQ registrations (hash -> document), for Apollo Server's `persistedQueries.cache`. */
  readonly apq: KeyValueCache<string>;
  close(): Promise<void>;
}

interface MemoryEntry {
  json: string;
  tags: string[];
  expiresAt: number;
}

/**
 * One process's store: a least-recently-used map of at most `maxEntries` responses (each also
 * expiring with its TTL) and an index from tag to keys, kept in step on every removal.
 */
export function createMemoryStore(maxEntries: number, now: () => number = Date.now): ResponseStore {
  const entries = new Map<string, MemoryEntry>();
  const index = new Map<string, Set<string>>();
  let epoch = 0;

  const remove = (key: string): boolean => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = index.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) index.delete(tag);
    }
    return true;
  };
  const live = (key: string): MemoryEntry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    // Most recently used last.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  return {
    kind: 'memory',
    async lookup(keys) {
      for (const key of keys) {
        const entry = live(key);
        if (entry) return { entry: JSON.parse(entry.json) as CachedResponse, epoch };
      }
      return { entry: undefined, epoch };
    },
    async store(key, entry, ttlSeconds, tags, since) {
      if (epoch > since || ttlSeconds <= 0) return false;
      remove(key);
      entries.set(key, { json: JSON.stringify(entry), tags, expiresAt: now() + ttlSeconds * 1000 });
      for (const tag of tags) {
        let keys = index.get(tag);
        if (!keys) index.set(tag, (keys = new Set()));
        keys.add(key);
      }
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        remove(oldest);
      }
      return true;
    },
    async invalidate(tags) {
      epoch++;
      let removed = 0;
      for (const tag of tags) for (const key of [...(index.get(tag) ?? [])]) if (remove(key)) removed++;
      return removed;
    },
    apq: new InMemoryLRUCache<string>(),
    async close() {
      entries.clear();
      index.clear();
    },
  };
}
