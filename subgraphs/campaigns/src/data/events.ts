import type { Queryable } from '../../../kit/src/db.ts';
import type { EngagementTypeValue, EventRow } from './rows.ts';

const EVENT = `id::text AS id, campaign_id AS "campaignId", variant_id AS "variantId", customer_id AS "customerId",
  type, occurred_at AS "occurredAt"`;

/** The newest `limit` touches per customer (newest first, id breaking ties), for many customers at once. */
export function touchesByCustomers(q: Queryable, customerIds: readonly string[], limit: number): Promise<EventRow[]> {
  return q.query<EventRow>(
    `SELECT t.* FROM unnest($1::text[]) AS c(id)
     CROSS JOIN LATERAL (SELECT ${EVENT} FROM campaigns.events
       WHERE customer_id = c.id ORDER BY occurred_at DESC, id DESC LIMIT $2) t`,
    [customerIds, limit],
  );
}

export interface EngagementScoreRow {
  customerId: string;
  score: number;
  lastTouchAt: Date;
}

/**
 * Engagement score per customer over the 90 days up to the customer's latest touch (so a
 * quiet customer keeps the score of their last active period), floored at 0. Customers
 * without any event are absent.
 */
export function engagementByCustomers(q: Queryable, customerIds: readonly string[]): Promise<EngagementScoreRow[]> {
  // Per customer (LATERAL), so each step is a short range of events_customer_idx whatever the
  // planner's statistics say: a join form let it hash the whole events table (tens of ms).
  return q.query<EngagementScoreRow>(
    `SELECT c.id AS "customerId", l.last AS "lastTouchAt", GREATEST(0, s.score)::int AS score
     FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS u(id)) c
     CROSS JOIN LATERAL (SELECT max(occurred_at) AS last FROM campaigns.events WHERE customer_id = c.id) l
     CROSS JOIN LATERAL (
       SELECT sum(CASE e.type WHEN 'OPENED' THEN 1 WHEN 'CLICKED' THEN 3 WHEN 'CONVERTED' THEN 10
         WHEN 'UNSUBSCRIBED' THEN -10 WHEN 'BOUNCED' THEN -2 ELSE 0 END) AS score
       FROM campaigns.events e
       WHERE e.customer_id = c.id AND e.occurred_at >= l.last - interval '90 days') s
     WHERE l.last IS NOT NULL`,
    [customerIds],
  );
}

export interface EventWrite {
  clientKey: string;
  campaignId: string;
  variantId: string | null;
  customerId: string;
  type: EngagementTypeValue;
  occurredAt: Date;
}

/** Inserts the batch in one statement; rows whose client key exists are skipped. Returns rows stored. */
export async function insertEvents(q: Queryable, items: readonly EventWrite[]): Promise<number> {
  // Held to commit, so event ids (the engagement feed's positions) become visible in order.
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('campaigns.engagement_feed'))`);
  // Counting inside the statement avoids shipping back one row per stored event (up to 10,000).
  const rows = await q.query<{ stored: number }>(
    `WITH stored AS (
       INSERT INTO campaigns.events (client_key, campaign_id, variant_id, customer_id, type, occurred_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
       ON CONFLICT (client_key) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS stored FROM stored`,
    [
      items.map((i) => i.clientKey),
      items.map((i) => i.campaignId),
      items.map((i) => i.variantId),
      items.map((i) => i.customerId),
      items.map((i) => i.type),
      items.map((i) => i.occurredAt.toISOString()),
    ],
  );
  return rows[0].stored;
}

export interface FeedScan {
  /** Id of the last event scanned (null when none was). */
  position: string | null;
  scanned: number;
  events: EventRow[];
}

/** Scans up to `limit` events after `after` in id order; returns those of `types` and where the scan stopped. */
export async function engagementFeed(q: Queryable, after: string | null, limit: number, types: readonly string[]): Promise<FeedScan> {
  const rows = await q.query<EventRow & { position: string | null; scanned: number }>(
    `WITH scan AS (SELECT id FROM campaigns.events WHERE id > $1::bigint ORDER BY id LIMIT $2),
          span AS (SELECT max(id) AS last, count(*)::int AS scanned FROM scan)
     SELECT span.last::text AS position, span.scanned, e.*
     FROM span LEFT JOIN LATERAL (
       SELECT ${EVENT} FROM campaigns.events
       WHERE id > $1::bigint AND id <= span.last AND type = ANY($3) ORDER BY id) e ON true`,
    [after ?? '0', limit, types],
  );
  const first = rows[0];
  return {
    position: first?.position ?? null,
    scanned: first?.scanned ?? 0,
    events: rows.filter((r) => r.id !== null).map(({ position: _p, scanned: _s, ...event }) => event),
  };
}
