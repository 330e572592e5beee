import type { Queryable } from '../../kit/src/db.ts';
import { manyLoader, oneLoader } from '../../kit/src/loaders.ts';
import { employeesByIds, reportsByManagers } from './data/employees.ts';
import { quotasByEmployees, quotasByKeys } from './data/quotas.ts';
import { parseQuotaKey, quotaKey } from '../../kit/src/periods.ts';
import { latestReviewsByEmployees, reviewsByEmployees } from './data/reviews.ts';

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
