import DataLoader from 'dataloader';

/** One row per key (or null), fetched for a whole batch of keys with one statement. */
export function oneLoader<R>(
  fetch: (keys: readonly string[]) => Promise<R[]>,
  keyOf: (row: R) => string,
): DataLoader<string, R | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** All rows per key (possibly none), fetched for a whole batch of keys with one statement. */
export function manyLoader<R>(
  fetch: (keys: readonly string[]) => Promise<R[]>,
  keyOf: (row: R) => string,
): DataLoader<string, R[]> {
  return new DataLoader(async (keys) => groupRows(keys, await fetch(keys), keyOf));
}

export interface LimitedKey {
  key: string;
  limit: number;
}

/**
 * The first `limit` rows per key (e.g. recent orders per customer). Keys asking for the
 * same limit share one statement; `fetch` must return rows already in the wanted order.
 */
export function limitedLoader<R>(
  fetch: (keys: readonly string[], limit: number) => Promise<R[]>,
  keyOf: (row: R) => string,
): DataLoader<LimitedKey, R[], string> {
  return new DataLoader(
    async (reqs) => {
      const byLimit = new Map<number, string[]>();
      for (const r of reqs) byLimit.set(r.limit, [...(byLimit.get(r.limit) ?? []), r.key]);
      const results = new Map<string, R[]>();
      await Promise.all(
        [...byLimit].map(async ([limit, keys]) => {
          const grouped = groupRows(keys, await fetch(keys, limit), keyOf);
          keys.forEach((k, i) => results.set(`${limit}:${k}`, grouped[i]));
        }),
      );
      return reqs.map((r) => results.get(`${r.limit}:${r.key}`) ?? []);
    },
    { cacheKeyFn: (r) => `${r.limit}:${r.key}` },
  );
}

function groupRows<R>(keys: readonly string[], rows: R[], keyOf: (row: R) => string): R[][] {
  const groups = new Map<string, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
