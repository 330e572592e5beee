import DataLoader from 'dataloader';
import type { Queryable } from '../../kit/src/db.ts';
import { limitedLoader, manyLoader, oneLoader } from '../../kit/src/loaders.ts';
import { customersByIds, customersByManagers } from './data/customers.ts';
import { lifecycleCounts, segmentNps, segmentsByIds } from './data/segments.ts';
import { consentsByCustomers, latestNpsByCustomers, responsesByCustomers } from './data/satisfaction.ts';
import type { CustomerRow } from './data/rows.ts';

export interface ManagedKey {
  managerId: string;
  limit: number;
  afterId: string | null;
}

/** Per-request loaders: every entity reference and relation of CRM goes through one of these. */
export function createLoaders(db: Queryable) {
  return {
    customer: oneLoader((ids) => customersByIds(db, ids), (r) => r.id),
    segment: oneLoader((ids) => segmentsByIds(db, ids), (r) => r.id),
    lifecycleCounts: manyLoader((ids) => lifecycleCounts(db, ids), (r) => r.segmentId),
    segmentNps: oneLoader((ids) => segmentNps(db, ids), (r) => r.key),
    consents: manyLoader((ids) => consentsByCustomers(db, ids), (r) => r.customerId),
    latestNps: oneLoader((ids) => latestNpsByCustomers(db, ids), (r) => r.customerId),
    responses: limitedLoader((ids, limit) => responsesByCustomers(db, ids, limit), (r) => r.customerId),
    managedCustomers: new DataLoader<ManagedKey, CustomerRow[], string>(
      async (keys) => {
        // Managers asking for the same page shape share one LATERAL statement.
        const groups = new Map<string, ManagedKey[]>();
        for (const k of keys) {
          const g = `${k.limit}:${k.afterId ?? ''}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const rows = new Map<string, CustomerRow[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { limit, afterId } = group[0];
            const found = await customersByManagers(db, group.map((k) => k.managerId), limit, afterId);
            for (const k of group) rows.set(managedKey(k), found.filter((c) => c.accountManagerId === k.managerId));
          }),
        );
        return keys.map((k) => rows.get(managedKey(k)) ?? []);
      },
      { cacheKeyFn: managedKey },
    ),
  };
}

function managedKey(k: ManagedKey): string {
  return `${k.limit}:${k.afterId ?? ''}:${k.managerId}`;
}

export type Loaders = ReturnType<typeof createLoaders>;
