import type { Customer } from './customers.ts';
import type { Conversion } from './engagement.ts';
import { rngFor, type Rng } from './prng.ts';
import type { OrderLineRow, OrderRow, ProductRow } from './tables.ts';
import { DAY, iso, pad, SECOND, WINDOW_END } from './time.ts';
import { PRODUCT_CATEGORIES } from './vocabulary.ts';

export const PRODUCT_COUNT = 50;
const QUANTITIES = [[1, 40], [2, 25], [3, 15], [4, 10], [5, 10]] as const;
const MAX_LINES = 4;

/** 50 products, SKU-0001..SKU-0050, spread over the categories. */
export function productRows(): ProductRow[] {
  const rows: ProductRow[] = [];
  for (let no = 1; no <= PRODUCT_COUNT; no++) {
    const [category, items, minEur, maxEur] = PRODUCT_CATEGORIES[(no - 1) % PRODUCT_CATEGORIES.length];
    const round = Math.floor((no - 1) / PRODUCT_CATEGORIES.length);
    const edition = Math.floor(round / items.length);
    const rng = rngFor('product', no);
    rows.push({
      sku: `SKU-${pad(no, 4)}`,
      name: `${items[round % items.length]}${edition > 0 ? ` Plus` : ''}`,
      category,
      currency: 'EUR',
      price_minor: rng.int(minEur, maxEur) * 100 - 1,
    });
  }
  return rows;
}

/** Expected revenue a buying customer brings per quarter: used to size sales quotas. */
export function quarterRevenuePerCustomer(products: readonly ProductRow[]): number {
  const avgPrice = products.reduce((sum, p) => sum + p.price_minor, 0) / products.length;
  const qtyWeight = QUANTITIES.reduce((sum, [, w]) => sum + w, 0);
  const avgQty = QUANTITIES.reduce((sum, [q, w]) => sum + q * w, 0) / qtyWeight;
  const avgLines = (1 + MAX_LINES) / 2;
  // A buyer places 1 + Binomial(7, 3/7) = 4 orders on average, 95% not cancelled; late
  // sign-ups and churned customers are active for only part of the six quarters (~85%).
  const ordersPerQuarter = (4 * 0.95 * 0.85) / 6;
  return ordersPerQuarter * avgLines * avgQty * avgPrice;
}

export interface CustomerOrders {
  orders: OrderRow[];
  lines: OrderLineRow[];
}

/**
 * The orders of one customer, numbered from `firstNo`: buying customers place 1-8 orders
 * (churned ones only before they left), and every campaign conversion brings one order
 * attributed to that campaign shortly after the CONVERTED event.
 */
export function ordersFor(
  customer: Customer,
  conversions: readonly Conversion[],
  products: readonly ProductRow[],
  firstNo: number,
): CustomerOrders {
  const rng = rngFor('orders', customer.no);
  const stage = customer.row.lifecycle_stage;
  const buying = stage === 'CUSTOMER' || stage === 'CHURNED';
  let count = 0;
  if (buying) {
    count = 1;
    for (let i = 0; i < 7; i++) if (rng.chance(3 / 7)) count++;
  }
  const from = customer.activeFrom;
  const until = stage === 'CHURNED' ? from + Math.floor((WINDOW_END - from) * (0.3 + rng.next() * 0.4)) : WINDOW_END;
  const planned: { at: number; campaignId: string | null }[] = [];
  for (let i = 0; i < count; i++) planned.push({ at: rng.instant(from, until), campaignId: null });
  // Within 12 h of the conversion: campaigns end a day before the window does, so it fits.
  for (const c of conversions) planned.push({ at: c.at + rng.int(60, 12 * 3_600) * SECOND, campaignId: c.campaignId });
  planned.sort((a, b) => a.at - b.at || (a.campaignId ?? '').localeCompare(b.campaignId ?? ''));

  const orders: OrderRow[] = [];
  const lines: OrderLineRow[] = [];
  planned.forEach((p, i) => {
    const id = `ord-${pad(firstNo + i, 7)}`;
    let total = 0;
    const picked = rng.sample(products, rng.int(1, MAX_LINES));
    picked.forEach((product, n) => {
      const quantity = rng.weighted(QUANTITIES);
      total += quantity * product.price_minor;
      lines.push({ order_id: id, line_no: n + 1, sku: product.sku, quantity, unit_price_minor: product.price_minor });
    });
    orders.push({
      id,
      client_key: `seed:${id}`,
      customer_id: customer.row.id,
      sales_rep_id: customer.row.account_manager_id,
      campaign_id: p.campaignId,
      status: orderStatus(rng, p.at),
      currency: 'EUR',
      total_minor: total,
      placed_at: iso(p.at),
    });
  });
  return { orders, lines };
}

/** Recent orders are still PLACED or PAID; older ones mostly SHIPPED; ~5% get cancelled. */
function orderStatus(rng: Rng, placedAt: number): OrderRow['status'] {
  if (rng.chance(0.05)) return 'CANCELLED';
  const age = WINDOW_END - placedAt;
  if (age < 14 * DAY) return rng.weighted([['PLACED', 50], ['PAID', 50]] as const);
  if (age < 45 * DAY) return rng.weighted([['PLACED', 5], ['PAID', 50], ['SHIPPED', 45]] as const);
  return rng.weighted([['PLACED', 3], ['PAID', 12], ['SHIPPED', 85]] as const);
}
