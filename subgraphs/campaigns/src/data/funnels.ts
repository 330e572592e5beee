import type { Queryable } from '../../../kit/src/db.ts';
import { BUCKETS_SQL, type BucketUnit } from '../../../kit/src/periods.ts';
import type { FunnelCounts } from './rows.ts';

export type KeyedFunnel = FunnelCounts & { key: string };

/** Unique customers per engagement type; an event repeated for one customer counts once. */
const COUNTS = (['SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'CONVERTED', 'UNSUBSCRIBED', 'BOUNCED'] as const)
  .map((t) => `count(DISTINCT customer_id) FILTER (WHERE type = '${t}')::int AS ${t.toLowerCase()}`)
  .join(',\n  ');

export const EMPTY_FUNNEL: FunnelCounts = {
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  converted: 0,
  unsubscribed: 0,
  bounced: 0,
};

/** Funnels of many campaigns over all their events (with or without a variant); campaigns without events are absent. */
export function funnelsByCampaigns(q: Queryable, campaignIds: readonly string[]): Promise<KeyedFunnel[]> {
  return q.query<KeyedFunnel>(
    `SELECT campaign_id AS key, ${COUNTS} FROM campaigns.events WHERE campaign_id = ANY($1) GROUP BY campaign_id`,
    [campaignIds],
  );
}

/** Funnels of many variants; variants without events are absent. */
export function funnelsByVariants(q: Queryable, variantIds: readonly string[]): Promise<KeyedFunnel[]> {
  return q.query<KeyedFunnel>(
    `SELECT variant_id AS key, ${COUNTS} FROM campaigns.events WHERE variant_id = ANY($1) GROUP BY variant_id`,
    [variantIds],
  );
}

/** A rate as the Funnel type defines it: a plain 0..1 ratio, null when nothing is in the denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export interface EngagementKpiRow {
  periodStart: Date;
  delivered: number;
  clicked: number;
  converted: number;
}

/** Unique customers delivered, clicking and converting per local bucket in [from, to), every bucket present. */
export function engagementKpis(
  q: Queryable,
  opts: { from: Date; to: Date; unit: BucketUnit; timeZone: string; campaignId: string | null },
): Promise<EngagementKpiRow[]> {
  return q.query<EngagementKpiRow>(
    `WITH buckets AS (${BUCKETS_SQL}),
     touched AS (
       SELECT date_trunc($3, occurred_at AT TIME ZONE $4) AS b, type, customer_id
       FROM campaigns.events
       WHERE occurred_at >= $1 AND occurred_at < $2 AND type IN ('DELIVERED', 'CLICKED', 'CONVERTED')
         AND ($5::text IS NULL OR campaign_id = $5))
     SELECT (buckets.b AT TIME ZONE $4) AS "periodStart",
       count(DISTINCT t.customer_id) FILTER (WHERE t.type = 'DELIVERED')::int AS delivered,
       count(DISTINCT t.customer_id) FILTER (WHERE t.type = 'CLICKED')::int AS clicked,
       count(DISTINCT t.customer_id) FILTER (WHERE t.type = 'CONVERTED')::int AS converted
     FROM buckets LEFT JOIN touched t ON t.b = buckets.b
     GROUP BY buckets.b ORDER BY buckets.b`,
    [opts.from.toISOString(), opts.to.toISOString(), opts.unit, opts.timeZone, opts.campaignId],
  );
}
