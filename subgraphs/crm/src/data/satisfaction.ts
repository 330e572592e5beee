import type { Queryable } from '../../../kit/src/db.ts';
import { BUCKETS_SQL, type BucketUnit } from '../../../kit/src/periods.ts';
import type { ConsentRow, SatisfactionRow } from './rows.ts';
import type { NpsTally } from './segments.ts';

const RESPONSE = `id::text AS id, customer_id AS "customerId", kind, score, comment, responded_at AS "respondedAt"`;

/** The newest `limit` answers per customer, newest first, for many customers at once. */
export function responsesByCustomers(q: Queryable, customerIds: readonly string[], limit: number): Promise<SatisfactionRow[]> {
  return q.query<SatisfactionRow>(
    `SELECT r.* FROM unnest($1::text[]) AS c(id)
     CROSS JOIN LATERAL (SELECT ${RESPONSE} FROM crm.satisfaction_responses
       WHERE customer_id = c.id ORDER BY responded_at DESC, id DESC LIMIT $2) r`,
    [customerIds, limit],
  );
}

export function latestNpsByCustomers(q: Queryable, customerIds: readonly string[]): Promise<SatisfactionRow[]> {
  return q.query<SatisfactionRow>(
    `SELECT DISTINCT ON (customer_id) ${RESPONSE} FROM crm.satisfaction_responses
     WHERE kind = 'NPS' AND customer_id = ANY($1) ORDER BY customer_id, responded_at DESC, id DESC`,
    [customerIds],
  );
}

export function consentsByCustomers(q: Queryable, customerIds: readonly string[]): Promise<ConsentRow[]> {
  return q.query<ConsentRow>(
    `SELECT customer_id AS "customerId", channel, granted, source, recorded_at AS "recordedAt"
     FROM crm.consents WHERE customer_id = ANY($1) ORDER BY customer_id, channel`,
    [customerIds],
  );
}

export async function upsertConsent(
  q: Queryable,
  c: { customerId: string; channel: string; granted: boolean; source: string },
): Promise<ConsentRow> {
  const rows = await q.query<ConsentRow>(
    `INSERT INTO crm.consents (customer_id, channel, granted, source, recorded_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (customer_id, channel) DO UPDATE
       SET granted = EXCLUDED.granted, source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at
     RETURNING customer_id AS "customerId", channel, granted, source, recorded_at AS "recordedAt"`,
    [c.customerId, c.channel, c.granted, c.source],
  );
  return rows[0];
}

export interface ResponseWrite {
  clientKey: string;
  customerId: string;
  kind: string;
  score: number;
  comment: string | null;
  respondedAt: Date;
}

/** Inserts the batch in one statement; rows whose client key exists are skipped. Returns rows stored. */
export async function insertResponses(q: Queryable, items: readonly ResponseWrite[]): Promise<number> {
  const rows = await q.query(
    `INSERT INTO crm.satisfaction_responses (client_key, customer_id, kind, score, comment, responded_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[])
     ON CONFLICT (client_key) DO NOTHING RETURNING id`,
    [
      items.map((i) => i.clientKey),
      items.map((i) => i.customerId),
      items.map((i) => i.kind),
      items.map((i) => i.score),
      items.map((i) => i.comment),
      items.map((i) => i.respondedAt.toISOString()),
    ],
  );
  return rows.length;
}

export type NpsBucket = NpsTally & { periodStart: Date };

/** NPS tallies per local bucket in [from, to), every bucket present (empty ones with 0 responses). */
export function npsTrend(
  q: Queryable,
  opts: { from: Date; to: Date; unit: BucketUnit; timeZone: string; segmentId: string | null },
): Promise<NpsBucket[]> {
  return q.query<NpsBucket>(
    `WITH buckets AS (${BUCKETS_SQL}),
     answers AS (
       SELECT date_trunc($3, r.responded_at AT TIME ZONE $4) AS b, r.score
       FROM crm.satisfaction_responses r JOIN crm.customers c ON c.id = r.customer_id
       WHERE r.kind = 'NPS' AND r.responded_at >= $1 AND r.responded_at < $2
         AND ($5::text IS NULL OR c.segment_id = $5))
     SELECT (buckets.b AT TIME ZONE $4) AS "periodStart", buckets.b::text AS key,
       count(a.score)::int AS responses,
       count(a.score) FILTER (WHERE a.score >= 9)::int AS promoters,
       count(a.score) FILTER (WHERE a.score <= 6)::int AS detractors
     FROM buckets LEFT JOIN answers a ON a.b = buckets.b
     GROUP BY buckets.b ORDER BY buckets.b`,
    [opts.from.toISOString(), opts.to.toISOString(), opts.unit, opts.timeZone, opts.segmentId],
  );
}
