import type { Queryable } from '../../../kit/src/db.ts';
import type { ArmCounts } from './abtest.ts';
import type { VariantRow } from './rows.ts';

const VARIANT = `v.id, v.campaign_id AS "campaignId", v.name, v.is_control AS "isControl"`;

/** Control first, then by name: the order variants are listed everywhere. */
const ORDER = `v.campaign_id, v.is_control DESC, v.name, v.id`;

export function variantsByCampaigns(q: Queryable, campaignIds: readonly string[]): Promise<VariantRow[]> {
  return q.query<VariantRow>(
    `SELECT ${VARIANT} FROM campaigns.variants v WHERE v.campaign_id = ANY($1) ORDER BY ${ORDER}`,
    [campaignIds],
  );
}

export function variantsByIds(q: Queryable, ids: readonly string[]): Promise<VariantRow[]> {
  return q.query<VariantRow>(`SELECT ${VARIANT} FROM campaigns.variants v WHERE v.id = ANY($1)`, [ids]);
}

/** Every variant of many campaigns with its unique delivered and converted customers: the A/B test's input. */
export function armsByCampaigns(q: Queryable, campaignIds: readonly string[]): Promise<ArmCounts[]> {
  return q.query<ArmCounts>(
    // Counted per variant (LATERAL) from events_variant_idx (003_perf_indexes.sql) alone; a
    // variant without events still gets its row, with zeros.
    `SELECT ${VARIANT}, a.delivered, a.converted
     FROM campaigns.variants v
     CROSS JOIN LATERAL (
       SELECT count(DISTINCT e.customer_id) FILTER (WHERE e.type = 'DELIVERED')::int AS delivered,
         count(DISTINCT e.customer_id) FILTER (WHERE e.type = 'CONVERTED')::int AS converted
       FROM campaigns.events e WHERE e.variant_id = v.id AND e.type IN ('DELIVERED', 'CONVERTED')) a
     WHERE v.campaign_id = ANY($1)
     ORDER BY ${ORDER}`,
    [campaignIds],
  );
}

/** Inserts a campaign's variants in one statement. */
export async function insertVariants(
  q: Queryable,
  campaignId: string,
  variants: readonly { name: string; isControl: boolean }[],
): Promise<void> {
  if (variants.length === 0) return;
  await q.query(
    `INSERT INTO campaigns.variants (campaign_id, name, is_control)
     SELECT $1, name, is_control FROM unnest($2::text[], $3::boolean[]) AS v(name, is_control)`,
    [campaignId, variants.map((v) => v.name), variants.map((v) => v.isControl)],
  );
}

/** Variants among `ids`, with the campaign each belongs to (to check event batches in one statement). */
export async function variantCampaigns(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; campaignId: string }>(
    `SELECT id, campaign_id AS "campaignId" FROM campaigns.variants WHERE id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.campaignId]));
}
