import type { Queryable } from '../../kit/src/db.ts';
import { limitedLoader, manyLoader, oneLoader } from '../../kit/src/loaders.ts';
import { linesByOrders, ordersByCustomers, ordersByIds } from './data/orders.ts';
import { productsBySkus } from './data/products.ts';
import { campaignTotals, customerTotals, quotaTotals } from './data/totals.ts';
import { parsePeriod, parseQuotaKey } from '../../kit/src/periods.ts';

/** Per-request loaders: every entity reference and relation of sales goes through one of these. */
export function createLoaders(db: Queryable) {
  return {
    order: oneLoader((ids) => ordersByIds(db, ids), (r) => r.id),
    product: oneLoader((skus) => productsBySkus(db, skus), (r) => r.sku),
    lines: manyLoader((ids) => linesByOrders(db, ids), (r) => r.orderId),
    customerOrders: limitedLoader((ids, limit) => ordersByCustomers(db, ids, limit), (r) => r.customerId),
    customerTotals: manyLoader((ids) => customerTotals(db, ids), (r) => r.key),
    campaignTotals: manyLoader((ids) => campaignTotals(db, ids), (r) => r.key),
    quotaTotals: manyLoader(
      (keys) =>
        quotaTotals(
          db,
          keys.map((key) => {
            const { employeeId, period } = parseQuotaKey(key);
            return { key, employeeId, ...parsePeriod('period', period) };
          }),
        ),
      (r) => r.key,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
