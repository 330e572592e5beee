import type { Queryable } from '../../../kit/src/db.ts';
import { fetchPage, when, type Connection, type PageArgs, type SortKey } from '../../../kit/src/pagination.ts';
import type { OrderLineRow, OrderRow, OrderStatus } from './rows.ts';

const ORDER_COLUMNS = `id, client_key AS "clientKey", customer_id AS "customerId", sales_rep_id AS "salesRepId",
  campaign_id AS "campaignId", status, currency, total_minor AS "totalMinor", placed_at AS "placedAt",
  feed_position::text AS "feedPosition"`;

/** sales.orders with camelCase columns; a view-like subquery so filters and keyset use the aliases. */
const ORDERS = `(SELECT ${ORDER_COLUMNS} FROM sales.orders) o`;

export const SORTS = {
  PLACED_AT: { name: 'PLACED_AT', column: '"placedAt"', type: 'timestamptz' },
  TOTAL: { name: 'TOTAL', column: '"totalMinor"', type: 'bigint' },
} as const satisfies Record<string, SortKey>;

export interface OrderQuery extends PageArgs {
  filter: {
    customerId?: string | null;
    salesRepId?: string | null;
    campaignId?: string | null;
    status?: OrderStatus | null;
    placedFrom?: Date | null;
    placedTo?: Date | null;
  };
  sort: keyof typeof SORTS;
}

export function ordersByIds(q: Queryable, ids: readonly string[]): Promise<OrderRow[]> {
  return q.query<OrderRow>(`SELECT * FROM ${ORDERS} WHERE id = ANY($1)`, [ids]);
}

export async function orderByClientKey(q: Queryable, clientKey: string): Promise<OrderRow | null> {
  const rows = await q.query<OrderRow>(`SELECT * FROM ${ORDERS} WHERE "clientKey" = $1`, [clientKey]);
  return rows[0] ?? null;
}

/** The newest `limit` orders per customer (cancelled included), for many customers at once. */
export function ordersByCustomers(q: Queryable, customerIds: readonly string[], limit: number): Promise<OrderRow[]> {
  return q.query<OrderRow>(
    `SELECT o.* FROM unnest($1::text[]) AS c(id)
     CROSS JOIN LATERAL (SELECT ${ORDER_COLUMNS} FROM sales.orders
       WHERE customer_id = c.id ORDER BY placed_at DESC, id DESC LIMIT $2) o`,
    [customerIds, limit],
  );
}

export function pageOrders(q: Queryable, query: OrderQuery): Promise<Connection<OrderRow>> {
  const f = query.filter;
  const where = [
    when(f.customerId, '"customerId" = $?'),
    when(f.salesRepId, '"salesRepId" = $?'),
    when(f.campaignId, '"campaignId" = $?'),
    when(f.status, 'status = $?'),
    when(f.placedFrom?.toISOString(), '"placedAt" >= $?'),
    when(f.placedTo?.toISOString(), '"placedAt" < $?'),
  ];
  return fetchPage<OrderRow>(q, { ...query, from: ORDERS, sort: SORTS[query.sort], where });
}

/** Lines of many orders, in line order; each line carries its order's currency. */
export function linesByOrders(q: Queryable, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  return q.query<OrderLineRow>(
    `SELECT l.order_id AS "orderId", l.line_no AS "lineNo", l.sku, l.quantity,
       l.unit_price_minor AS "unitPriceMinor", o.currency
     FROM sales.order_lines l JOIN sales.orders o ON o.id = l.order_id
     -- o.id repeats the key filter so orders is probed by its primary key, never hashed whole.
     WHERE l.order_id = ANY($1) AND o.id = ANY($1) ORDER BY l.order_id, l.line_no`,
    [orderIds],
  );
}

export interface OrderWrite {
  clientKey: string;
  customerId: string;
  salesRepId: string | null;
  campaignId: string | null;
  currency: string;
  totalMinor: bigint;
  placedAt: Date | null;
  lines: { sku: string; quantity: number; unitPriceMinor: bigint }[];
}

/**
 * Inserts the order and its lines. Returns null when another call stored the same client
 * key first (the unique index settles the race), in which case nothing was written here.
 */
export async function insertOrder(q: Queryable, o: OrderWrite): Promise<string | null> {
  // Held to commit: feed positions become visible in the order they are drawn (see 002_order_feed.sql).
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('sales.order_feed'))`);
  const rows = await q.query<{ id: string }>(
    `INSERT INTO sales.orders (client_key, customer_id, sales_rep_id, campaign_id, status, currency, total_minor, placed_at)
     VALUES ($1, $2, $3, $4, 'PLACED', $5, $6, COALESCE($7::timestamptz, now()))
     ON CONFLICT (client_key) DO NOTHING RETURNING id`,
    [o.clientKey, o.customerId, o.salesRepId, o.campaignId, o.currency, o.totalMinor.toString(), o.placedAt?.toISOString() ?? null],
  );
  const id = rows[0]?.id;
  if (id === undefined) return null;
  await q.query(
    `INSERT INTO sales.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
     SELECT $1, n, sku, quantity, price
     FROM unnest($2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS l(sku, quantity, price, n)`,
    [id, o.lines.map((l) => l.sku), o.lines.map((l) => l.quantity), o.lines.map((l) => l.unitPriceMinor.toString())],
  );
  return id;
}

/** Orders after `position` in feed order (every write of an order gets a new position). */
export function orderFeed(q: Queryable, afterPosition: string | null, limit: number): Promise<OrderRow[]> {
  return q.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM sales.orders
     WHERE feed_position > $1::bigint ORDER BY feed_position LIMIT $2`,
    [afterPosition ?? '0', limit],
  );
}
