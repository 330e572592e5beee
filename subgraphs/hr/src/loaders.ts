import type { Queryable } from '../../kit/src/db.ts';
import { manyLoader, oneLoader } from '../../kit/src/loaders.ts';
import { employeesByIds, reportsByManagers } from './data/employees.ts';
import { quotasByEmployees, quotasByKeys, type QuotaKey } from './data/quotas.ts';
import { latestReviewsByEmployees, reviewsByEmployees } from './data/reviews.ts';

// Loader keys are strings; JSON keeps a composite key unambiguous whatever characters its parts hold.
export function quotaKey(employeeId: string, period: string): string {
  return JSON.stringify([employeeId, period]);
}

function parseQuotaKey(key: string): QuotaKey {
  const [employeeId, period] = JSON.parse(key) as [string, string];
  return { employeeId, period };
}

/** Per-request loaders: every entity reference and relation of HR goes through one of these. */
export function createLoaders(db: Queryable) {
  return {
    employee: oneLoader((ids) => employeesByIds(db, ids), (r) => r.id),
    reports: manyLoader((ids) => reportsByManagers(db, ids), (r) => r.managerId ?? ''),
    quota: oneLoader(
      (keys) => quotasByKeys(db, keys.map(parseQuotaKey)),
      (r) => quotaKey(r.employeeId, r.period),
    ),
    quotas: manyLoader((ids) => quotasByEmployees(db, ids), (r) => r.employeeId),
    latestReview: oneLoader((ids) => latestReviewsByEmployees(db, ids), (r) => r.employeeId),
    reviews: manyLoader((ids) => reviewsByEmployees(db, ids), (r) => r.employeeId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
