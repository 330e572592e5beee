import type { Queryable } from '../../../kit/src/db.ts';
import { fetchPage, when, type Connection, type PageArgs, type SortKey } from '../../../kit/src/pagination.ts';
import type { CampaignRow, ChannelValue } from './rows.ts';

/** campaigns.campaigns with camelCase columns; a view-like subquery so filters and keyset use the aliases. */
const CAMPAIGNS = `(SELECT id, name, channel, status, currency, budget_minor::text AS "budgetMinor",
  spend_minor::text AS "spendMinor", starts_at AS "startsAt", ends_at AS "endsAt",
  segment_id AS "segmentId", owner_id AS "ownerId", created_at AS "createdAt"
  FROM campaigns.campaigns) c`;

export const SORTS = {
  STARTS_AT: { name: 'STARTS_AT', column: '"startsAt"', type: 'timestamptz' },
  NAME: { name: 'NAME', column: 'name', type: 'text' },
} as const satisfies Record<string, SortKey>;

export interface CampaignQuery extends PageArgs {
  filter?: {
    channel?: string | null;
    status?: string | null;
    segmentId?: string | null;
    ownerId?: string | null;
  } | null;
  sort: keyof typeof SORTS;
}

export function campaignsByIds(q: Queryable, ids: readonly string[]): Promise<CampaignRow[]> {
  return q.query<CampaignRow>(`SELECT * FROM ${CAMPAIGNS} WHERE id = ANY($1)`, [ids]);
}

/** Campaigns of many segments, newest first within each segment. */
export function campaignsBySegments(q: Queryable, segmentIds: readonly string[]): Promise<CampaignRow[]> {
  return q.query<CampaignRow>(
    `SELECT * FROM ${CAMPAIGNS} WHERE "segmentId" = ANY($1) ORDER BY "startsAt" DESC, id DESC`,
    [segmentIds],
  );
}

/** Campaigns of many owners, newest first within each owner. */
export function campaignsByOwners(q: Queryable, ownerIds: readonly string[]): Promise<CampaignRow[]> {
  return q.query<CampaignRow>(
    `SELECT * FROM ${CAMPAIGNS} WHERE "ownerId" = ANY($1) ORDER BY "startsAt" DESC, id DESC`,
    [ownerIds],
  );
}

export function pageCampaigns(q: Queryable, query: CampaignQuery): Promise<Connection<CampaignRow>> {
  const f = query.filter ?? {};
  const where = [
    when(f.channel, 'channel = $?'),
    when(f.status, 'status = $?'),
    when(f.segmentId, '"segmentId" = $?'),
    when(f.ownerId, '"ownerId" = $?'),
  ];
  return fetchPage<CampaignRow>(q, { ...query, from: CAMPAIGNS, sort: SORTS[query.sort], where });
}

export interface CampaignWrite {
  name: string;
  channel: ChannelValue;
  currency: string;
  budgetMinor: bigint;
  startsAt: Date;
  endsAt: Date;
  segmentId: string | null;
  ownerId: string | null;
}

/** Inserts a DRAFT campaign with nothing spent yet; returns its id. */
export async function insertCampaign(q: Queryable, c: CampaignWrite): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO campaigns.campaigns
       (name, channel, status, currency, budget_minor, spend_minor, starts_at, ends_at, segment_id, owner_id)
     VALUES ($1, $2, 'DRAFT', $3, $4, 0, $5, $6, $7, $8) RETURNING id`,
    [
      c.name,
      c.channel,
      c.currency,
      c.budgetMinor.toString(),
      c.startsAt.toISOString(),
      c.endsAt.toISOString(),
      c.segmentId,
      c.ownerId,
    ],
  );
  return rows[0].id;
}

export async function existingCampaignIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM campaigns.campaigns WHERE id = ANY($1)`, [ids]);
  return new Set(rows.map((r) => r.id));
}
