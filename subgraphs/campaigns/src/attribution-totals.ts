import type { Queryable } from '../../kit/src/db.ts';
import { attribute, type AttributionModel } from './attribution.ts';
import { campaignConversionTouches } from './data/conversions.ts';
import type { ConversionTouchRow } from './data/rows.ts';

export interface AttributionParams {
  model: AttributionModel;
  lookbackDays: number;
  halfLifeDays: number;
  from: Date | null;
  to: Date | null;
}

export interface CampaignTotals {
  /** Orders that gave the campaign a share of their revenue. */
  orders: number;
  /** Credited minor units per currency. */
  revenue: Map<string, bigint>;
}

/** One campaign's figures under one set of parameters: the key of the attribution loader. */
export interface CampaignAttributionKey {
  campaignId: string;
  params: AttributionParams;
}

/**
 * The totals of each key. Keys with the same parameters share one statement (and one
 * attribution pass), so a page of campaigns costs one statement per parameter set.
 */
export async function campaignTotalsBatch(q: Queryable, keys: readonly CampaignAttributionKey[]): Promise<CampaignTotals[]> {
  const groups = new Map<string, { params: AttributionParams; campaignIds: Set<string> }>();
  for (const { campaignId, params } of keys) {
    const key = JSON.stringify(params);
    const group = groups.get(key) ?? { params, campaignIds: new Set<string>() };
    group.campaignIds.add(campaignId);
    groups.set(key, group);
  }
  const byParams = new Map<string, Map<string, CampaignTotals>>();
  await Promise.all(
    [...groups].map(async ([key, g]) => byParams.set(key, await campaignTotals(q, g.params, [...g.campaignIds]))),
  );
  return keys.map(
    (k) => byParams.get(JSON.stringify(k.params))?.get(k.campaignId) ?? { orders: 0, revenue: new Map<string, bigint>() },
  );
}

/**
 * Attributes the non-cancelled conversions in the range that `campaignIds` could be credited
 * for (one statement) and sums the credits of those campaigns. An order only credits campaigns
 * with a touch in its window, so the other orders cannot change these totals; each loaded order
 * is split over all its touches, other campaigns' included, so every share is the one the
 * order gives when attributed on its own.
 */
export async function campaignTotals(
  q: Queryable,
  p: AttributionParams,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignTotals>> {
  const touches = await campaignConversionTouches(q, campaignIds, p.from, p.to, p.lookbackDays);
  const byOrder = new Map<string, ConversionTouchRow[]>();
  for (const t of touches) {
    const list = byOrder.get(t.orderId);
    if (list) list.push(t);
    else byOrder.set(t.orderId, [t]);
  }
  const wanted = new Set(campaignIds);
  const totals = new Map<string, CampaignTotals>();
  for (const orderTouches of byOrder.values()) {
    const { placedAt, currency, totalMinor } = orderTouches[0];
    const credited = new Set<string>();
    for (const credit of attribute(BigInt(totalMinor), placedAt, orderTouches, p.model, p.halfLifeDays)) {
      const campaignId = credit.touch.campaignId;
      // Other campaigns' credits here cover only the orders they share with the requested ones.
      if (credit.share === 0 || !wanted.has(campaignId)) continue;
      const t = totals.get(campaignId) ?? { orders: 0, revenue: new Map<string, bigint>() };
      t.revenue.set(currency, (t.revenue.get(currency) ?? 0n) + credit.creditMinor);
      if (!credited.has(campaignId)) t.orders += 1;
      credited.add(campaignId);
      totals.set(campaignId, t);
    }
  }
  return totals;
}
