import { pageSize } from '../../../kit/src/pagination.ts';
import type { EngagementEventResolvers, EngagementResolvers } from '../__generated__/resolvers.ts';

export const Engagement: EngagementResolvers = {
  score: async (e, _args, ctx) => (await ctx.loaders.engagement.load(e.customerId))?.score ?? 0,
  lastTouchAt: async (e, _args, ctx) => (await ctx.loaders.engagement.load(e.customerId))?.lastTouchAt ?? null,
  touches: (e, { first }, ctx) => ctx.loaders.touches.load({ key: e.customerId, limit: pageSize(first) }),
};

export const EngagementEvent: EngagementEventResolvers = {
  campaign: async (ev, _args, ctx) => {
    const campaign = await ctx.loaders.campaign.load(ev.campaignId);
    // events.campaign_id references campaigns(id), so a missing row is a broken invariant, not bad input.
    if (!campaign) throw new Error(`event ${ev.id} references missing campaign ${ev.campaignId}`);
    return campaign;
  },
  variant: (ev, _args, ctx) => (ev.variantId ? ctx.loaders.variant.load(ev.variantId) : null),
  customer: (ev) => ({ id: ev.customerId }),
};
