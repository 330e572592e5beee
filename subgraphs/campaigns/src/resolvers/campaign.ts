import { formatMinor } from '../../../kit/src/money.ts';
import { buildAbTest } from '../data/abtest.ts';
import { EMPTY_FUNNEL, ratio } from '../data/funnels.ts';
import { attributionParams } from './attribution.ts';
import type { CampaignResolvers, FunnelResolvers, VariantResolvers } from '../__generated__/resolvers.ts';

export const Campaign: CampaignResolvers = {
  budget: (c) => formatMinor(c.budgetMinor, c.currency),
  spend: (c) => formatMinor(c.spendMinor, c.currency),
  segment: (c) => (c.segmentId ? { id: c.segmentId } : null),
  owner: (c) => (c.ownerId ? { id: c.ownerId } : null),
  variants: (c, _args, ctx) => ctx.loaders.variants.load(c.id),
  funnel: async (c, _args, ctx) => (await ctx.loaders.campaignFunnel.load(c.id)) ?? EMPTY_FUNNEL,
  abTest: async (c, _args, ctx) => buildAbTest(await ctx.loaders.abArms.load(c.id)),
  attribution: async (c, args, ctx) => {
    const params = attributionParams(args);
    const { orders, revenue } = await ctx.loaders.campaignAttribution.load({ campaignId: c.id, params });
    return { ...params, campaign: c, orders, revenue };
  },
};

export const Variant: VariantResolvers = {
  funnel: async (v, _args, ctx) => (await ctx.loaders.variantFunnel.load(v.id)) ?? EMPTY_FUNNEL,
};

/** Rates exactly as the Funnel type documents them. */
export const Funnel: FunnelResolvers = {
  deliveryRate: (f) => ratio(f.delivered, f.sent),
  openRate: (f) => ratio(f.opened, f.delivered),
  clickThroughRate: (f) => ratio(f.clicked, f.delivered),
  clickToOpenRate: (f) => ratio(f.clicked, f.opened),
  conversionRate: (f) => ratio(f.converted, f.clicked),
  unsubscribeRate: (f) => ratio(f.unsubscribed, f.delivered),
  bounceRate: (f) => ratio(f.bounced, f.sent),
};
