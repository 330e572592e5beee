import type { Queryable } from '../../kit/src/db.ts';
import { attribute, type AttributionModel } from './attribution.ts';
import { conversionsInRange, touchesInRange } from './data/conversions.ts';
import type { OrderTouchRow } from './data/rows.ts';

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

/**
 * Attributes every non-cancelled conversion in the range (two statements) and sums the
 * credits per campaign: the figures of every campaign at once, for one set of parameters.
 */
export async function campaignTotals(q: Queryable, p: AttributionParams): Promise<Map<string, CampaignTotals>> {
  const [conversions, touches] = await Promise.all([
    conversionsInRange(q, p.from, p.to),
    touchesInRange(q, p.from, p.to, p.lookbackDays),
  ]);
  const byOrder = new Map<string, OrderTouchRow[]>();
  for (const t of touches) {
    const list = byOrder.get(t.orderId);
    if (list) list.push(t);
    else byOrder.set(t.orderId, [t]);
  }
  const totals = new Map<string, CampaignTotals>();
  for (const c of conversions) {
    const credited = new Set<string>();
    for (const credit of attribute(BigInt(c.totalMinor), c.placedAt, byOrder.get(c.orderId) ?? [], p.model, p.halfLifeDays)) {
      if (credit.share === 0) continue;
      const t = totals.get(credit.touch.campaignId) ?? { orders: 0, revenue: new Map<string, bigint>() };
      t.revenue.set(c.currency, (t.revenue.get(c.currency) ?? 0n) + credit.creditMinor);
      if (!credited.has(credit.touch.campaignId)) t.orders += 1;
      credited.add(credit.touch.campaignId);
      totals.set(credit.touch.campaignId, t);
    }
  }
  return totals;
}
