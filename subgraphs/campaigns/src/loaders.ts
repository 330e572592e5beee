import DataLoader from 'dataloader';
import type { Queryable } from '../../kit/src/db.ts';
import { limitedLoader, manyLoader, oneLoader } from '../../kit/src/loaders.ts';
import { campaignsByIds, campaignsByOwners, campaignsBySegments } from './data/campaigns.ts';
import { armsByCampaigns, variantsByCampaigns, variantsByIds } from './data/variants.ts';
import { funnelsByCampaigns, funnelsByVariants } from './data/funnels.ts';
import { engagementByCustomers, touchesByCustomers } from './data/events.ts';
import { conversionsByOrderIds, touchesForOrders } from './data/conversions.ts';
import { campaignTotalsBatch, type CampaignAttributionKey, type CampaignTotals } from './attribution-totals.ts';

/** Per-request loaders: every entity reference, relation and aggregate of campaigns goes through one of these. */
export function createLoaders(db: Queryable) {
  return {
    campaign: oneLoader((ids) => campaignsByIds(db, ids), (r) => r.id),
    variant: oneLoader((ids) => variantsByIds(db, ids), (r) => r.id),
    variants: manyLoader((ids) => variantsByCampaigns(db, ids), (r) => r.campaignId),
    abArms: manyLoader((ids) => armsByCampaigns(db, ids), (r) => r.campaignId),
    campaignFunnel: oneLoader((ids) => funnelsByCampaigns(db, ids), (r) => r.key),
    variantFunnel: oneLoader((ids) => funnelsByVariants(db, ids), (r) => r.key),
    segmentCampaigns: manyLoader((ids) => campaignsBySegments(db, ids), (r) => r.segmentId ?? ''),
    ownedCampaigns: manyLoader((ids) => campaignsByOwners(db, ids), (r) => r.ownerId ?? ''),
    engagement: oneLoader((ids) => engagementByCustomers(db, ids), (r) => r.customerId),
    touches: limitedLoader((ids, limit) => touchesByCustomers(db, ids, limit), (r) => r.customerId),
    conversion: oneLoader((ids) => conversionsByOrderIds(db, ids), (r) => r.orderId),
    // The lookback window is the "limit" of this grouping: orders asking for the same window share a statement.
    orderTouches: limitedLoader((ids, lookbackDays) => touchesForOrders(db, ids, lookbackDays), (r) => r.orderId),
    // Every campaign of a request asking with the same parameters shares one statement.
    campaignAttribution: new DataLoader<CampaignAttributionKey, CampaignTotals, string>(
      (keys) => campaignTotalsBatch(db, keys),
      { cacheKeyFn: (k) => JSON.stringify([k.campaignId, k.params]) },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
