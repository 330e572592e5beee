import type { Queryable } from '../../../kit/src/db.ts';
import type { ConversionRow, OrderTouchRow } from './rows.ts';

/** The feed the conversions projection follows. */
export const ORDER_FEED = 'sales.orders';

const CONVERSION = `order_id AS "orderId", customer_id AS "customerId", placed_at AS "placedAt", currency,
  total_minor::text AS "totalMinor", cancelled, source_campaign_id AS "sourceCampaignId"`;

export interface ConversionWrite {
  orderId: string;
  customerId: string;
  placedAt: Date;
  currency: string;
  totalMinor: bigint;
  cancelled: boolean;
  sourceCampaignId: string | null;
  feedPosition: bigint;
}

/**
 * Applies feed writes in one statement: new orders are inserted, known ones updated only by
 * a newer feed position. Returns how many rows changed; also advances the feed position.
 */
export async function applyConversions(tx: Queryable, items: readonly ConversionWrite[]): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO campaigns.conversions
       (order_id, customer_id, placed_at, currency, total_minor, cancelled, source_campaign_id, feed_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::bigint[], $6::boolean[], $7::text[], $8::bigint[])
     ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, placed_at = EXCLUDED.placed_at,
       currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor, cancelled = EXCLUDED.cancelled,
       source_campaign_id = EXCLUDED.source_campaign_id, feed_position = EXCLUDED.feed_position
     WHERE conversions.feed_position < EXCLUDED.feed_position
     RETURNING order_id`,
    [
      items.map((i) => i.orderId),
      items.map((i) => i.customerId),
      items.map((i) => i.placedAt.toISOString()),
      items.map((i) => i.currency),
      items.map((i) => i.totalMinor.toString()),
      items.map((i) => i.cancelled),
      items.map((i) => i.sourceCampaignId),
      items.map((i) => i.feedPosition.toString()),
    ],
  );
  const newest = items.reduce((max, i) => (i.feedPosition > max ? i.feedPosition : max), 0n);
  await tx.query(
    `INSERT INTO campaigns.feed_positions (feed, position) VALUES ($1, $2)
     ON CONFLICT (feed) DO UPDATE SET position = greatest(feed_positions.position, EXCLUDED.position)`,
    [ORDER_FEED, newest.toString()],
  );
  return rows.length;
}

export async function feedPosition(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ position: string }>(`SELECT position::text AS position FROM campaigns.feed_positions WHERE feed = $1`, [
    ORDER_FEED,
  ]);
  return rows[0]?.position ?? null;
}

export function conversionsByOrderIds(q: Queryable, orderIds: readonly string[]): Promise<ConversionRow[]> {
  return q.query<ConversionRow>(`SELECT ${CONVERSION} FROM campaigns.conversions WHERE order_id = ANY($1)`, [orderIds]);
}

/** Non-cancelled conversions placed in [from, to) (either bound may be open). */
export function conversionsInRange(q: Queryable, from: Date | null, to: Date | null): Promise<ConversionRow[]> {
  return q.query<ConversionRow>(
    `SELECT ${CONVERSION} FROM campaigns.conversions
     WHERE NOT cancelled AND ($1::timestamptz IS NULL OR placed_at >= $1) AND ($2::timestamptz IS NULL OR placed_at < $2)`,
    [from?.toISOString() ?? null, to?.toISOString() ?? null],
  );
}

const TOUCHES = `SELECT c.order_id AS "orderId", e.id::text AS id, e.campaign_id AS "campaignId",
    e.variant_id AS "variantId", e.customer_id AS "customerId", e.type, e.occurred_at AS "occurredAt"
  FROM campaigns.conversions c
  JOIN campaigns.events e ON e.customer_id = c.customer_id
    AND e.occurred_at < c.placed_at AND e.occurred_at >= c.placed_at - make_interval(hours => 24 * $1::int)
    AND e.type IN ('OPENED', 'CLICKED', 'CONVERTED')`;

/**
 * Touches in each order's lookback window: the ordering customer's OPENED, CLICKED and
 * CONVERTED events in [placedAt - lookbackDays × 24 h, placedAt) (hours, so a daylight-saving
 * change in the session's time zone cannot stretch a day). One statement for many orders.
 */
export function touchesForOrders(q: Queryable, orderIds: readonly string[], lookbackDays: number): Promise<OrderTouchRow[]> {
  return q.query<OrderTouchRow>(`${TOUCHES} WHERE c.order_id = ANY($2)`, [lookbackDays, orderIds]);
}

/** The same for every non-cancelled conversion placed in [from, to) (either bound may be open). */
export function touchesInRange(q: Queryable, from: Date | null, to: Date | null, lookbackDays: number): Promise<OrderTouchRow[]> {
  return q.query<OrderTouchRow>(
    `${TOUCHES} WHERE NOT c.cancelled AND ($2::timestamptz IS NULL OR c.placed_at >= $2) AND ($3::timestamptz IS NULL OR c.placed_at < $3)`,
    [lookbackDays, from?.toISOString() ?? null, to?.toISOString() ?? null],
  );
}
