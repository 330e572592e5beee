import type { Queryable } from '../../../kit/src/db.ts';
import type { ProductRow } from './rows.ts';

const PRODUCT = `sku, name, category, currency, price_minor AS "priceMinor"`;

export function allProducts(q: Queryable): Promise<ProductRow[]> {
  return q.query<ProductRow>(`SELECT ${PRODUCT} FROM sales.products ORDER BY sku`);
}

export function productsBySkus(q: Queryable, skus: readonly string[]): Promise<ProductRow[]> {
  return q.query<ProductRow>(`SELECT ${PRODUCT} FROM sales.products WHERE sku = ANY($1)`, [skus]);
}
