import type { Queryable } from '../../../kit/src/db.ts';
import { fetchPage, when, type Connection, type SortKey } from '../../../kit/src/pagination.ts';
import { CUSTOMERS } from './customers.ts';
import type { CustomerRow } from './rows.ts';

/** The feed the suppressions projection follows. */
export const ENGAGEMENT_FEED = 'campaigns.events';

export interface SuppressionWrite {
  customerId: string;
  channel: string;
  reason: 'UNSUBSCRIBED' | 'BOUNCED';
  occurredAt: Date;
  source: string;
}

/** Stores suppressions (keeping the latest per customer, channel and reason) and the feed position, in one transaction. */
export async function applySuppressions(tx: Queryable, items: readonly SuppressionWrite[], position: string): Promise<number> {
  const rows = items.length === 0 ? [] : await tx.query(
    `INSERT INTO crm.suppressions (customer_id, channel, reason, occurred_at, source)
     SELECT DISTINCT ON (c, ch, r) c, ch, r, at, src
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS s(c, ch, r, at, src)
     ORDER BY c, ch, r, at DESC
     ON CONFLICT (customer_id, channel, reason) DO UPDATE
       SET occurred_at = EXCLUDED.occurred_at, source = EXCLUDED.source
       WHERE suppressions.occurred_at < EXCLUDED.occurred_at
     RETURNING customer_id`,
    [
      items.map((i) => i.customerId),
      items.map((i) => i.channel),
      items.map((i) => i.reason),
      items.map((i) => i.occurredAt.toISOString()),
      items.map((i) => i.source),
    ],
  );
  await tx.query(
    `INSERT INTO crm.feed_positions (feed, position) VALUES ($1, $2)
     ON CONFLICT (feed) DO UPDATE SET position = greatest(feed_positions.position, EXCLUDED.position)`,
    [ENGAGEMENT_FEED, position],
  );
  return rows.length;
}

export async function suppressionFeedPosition(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ position: string }>(`SELECT position::text AS position FROM crm.feed_positions WHERE feed = $1`, [
    ENGAGEMENT_FEED,
  ]);
  return rows[0]?.position ?? null;
}

export interface AudienceQuery {
  channel: string;
  segmentId?: string | null;
  lifecycleStage?: string | null;
  minNps?: number | null;
  maxNps?: number | null;
  first?: number | null;
  after?: string | null;
}

const BY_ID: SortKey = { name: 'ID', column: 'id', type: 'text' };

/**
 * Customers who may be targeted on `channel`: a granted consent for it, recorded after their
 * latest unsubscribe or bounce on it, plus the optional segment, lifecycle and latest-NPS filters.
 */
export function pageAudience(q: Queryable, a: AudienceQuery): Promise<Connection<CustomerRow>> {
  const where = [
    when(a.channel, `EXISTS (SELECT 1 FROM crm.consents k WHERE k.customer_id = c.id AND k.channel = $? AND k.granted
      AND NOT EXISTS (SELECT 1 FROM crm.suppressions s
        WHERE s.customer_id = k.customer_id AND s.channel = k.channel AND s.occurred_at >= k.recorded_at))`),
    when(a.segmentId, '"segmentId" = $?'),
    when(a.lifecycleStage, '"lifecycleStage" = $?'),
    when(a.minNps, `(SELECT score FROM crm.satisfaction_responses r WHERE r.customer_id = c.id AND r.kind = 'NPS'
      ORDER BY responded_at DESC, r.id DESC LIMIT 1) >= $?`),
    when(a.maxNps, `(SELECT score FROM crm.satisfaction_responses r WHERE r.customer_id = c.id AND r.kind = 'NPS'
      ORDER BY responded_at DESC, r.id DESC LIMIT 1) <= $?`),
  ];
  return fetchPage<CustomerRow>(q, { from: CUSTOMERS, where, sort: BY_ID, direction: 'ASC', first: a.first, after: a.after });
}
