import type { Queryable } from '../../../kit/src/db.ts';
import type { ConversionRow, ConversionTouchRow, OrderTouchRow } from './rows.ts';

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

const TOUCH_TYPES = `('OPENED', 'CLICKED', 'CONVERTED')`;

/** Event `e` is a touch in conversion c's lookback window of $1 days (written as events_touch_idx's predicate). */
const inWindow = (e: string) => `${e}.customer_id = c.customer_id
    AND ${e}.occurred_at < c.placed_at AND ${e}.occurred_at >= c.placed_at - make_interval(hours => 24 * $1::int)
    AND ${e}.type IN ${TOUCH_TYPES}`;

const TOUCH = `e.id::text AS id, e.campaign_id AS "campaignId", e.variant_id AS "variantId", e.customer_id AS "customerId",
  e.type, e.occurred_at AS "occurredAt"`;

/**
 * Touches in each order's lookback window: the ordering customer's OPENED, CLICKED and
 * CONVERTED events in [placedAt - lookbackDays × 24 h, placedAt) (hours, so a daylight-saving
 * change in the session's time zone cannot stretch a day). One statement for many orders.
 */
export function touchesForOrders(q: Queryable, orderIds: readonly string[], lookbackDays: number): Promise<OrderTouchRow[]> {
  return q.query<OrderTouchRow>(
    `SELECT c.order_id AS "orderId", ${TOUCH} FROM campaigns.conversions c JOIN campaigns.events e ON ${inWindow('e')}
     WHERE c.order_id = ANY($2)`,
    [lookbackDays, orderIds],
  );
}

/**
 * Every touch (by any campaign) of the non-cancelled conversions placed in [from, to) (either
 * bound may be open) that have a touch by one of `campaignIds` in their lookback window: all
 * those campaigns can be credited for, with each order's whole touch list so its split among
 * campaigns is exact. The conversions are looked up by the customers those campaigns touched,
 * so the work follows the campaigns' touches, not the size of the whole conversions table.
 */
export function campaignConversionTouches(
  q: Queryable,
  campaignIds: readonly string[],
  from: Date | null,
  to: Date | null,
  lookbackDays: number,
): Promise<ConversionTouchRow[]> {
  return q.query<ConversionTouchRow>(
    `WITH candidates AS (
       SELECT c.order_id, c.customer_id, c.placed_at, c.currency, c.total_minor FROM campaigns.conversions c
       WHERE c.customer_id = ANY (ARRAY(SELECT DISTINCT t.customer_id FROM campaigns.events t
           WHERE t.campaign_id = ANY($2) AND t.type IN ${TOUCH_TYPES}))
         AND NOT c.cancelled AND ($3::timestamptz IS NULL OR c.placed_at >= $3) AND ($4::timestamptz IS NULL OR c.placed_at < $4)
         AND EXISTS (SELECT FROM campaigns.events t WHERE ${inWindow('t')} AND t.campaign_id = ANY($2))
     )
     SELECT c.order_id AS "orderId", c.placed_at AS "placedAt", c.currency, c.total_minor::text AS "totalMinor", ${TOUCH}
     FROM candidates c JOIN campaigns.events e ON ${inWindow('e')}`,
    [lookbackDays, campaignIds, from?.toISOString() ?? null, to?.toISOString() ?? null],
  );
}
