import { pageCampaigns } from '../data/campaigns.ts';
import { feedPosition } from '../data/conversions.ts';
import { engagementFeed } from '../data/events.ts';
import { engagementKpis, ratio } from '../data/funnels.ts';
import { bucketRange } from '../../../kit/src/periods.ts';
import { badInput } from '../../../kit/src/errors.ts';
import { intRange } from '../../../kit/src/validate.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  campaign: (_root, { id }, ctx) => ctx.loaders.campaign.load(id),
  conversionFeedPosition: (_root, _args, ctx) => feedPosition(ctx.db),
  engagementKpis: async (_root, args, ctx) => {
    const range = bucketRange(args.from, args.to, args.interval, args.timeZone);
    const rows = await engagementKpis(ctx.db, { ...range, campaignId: args.campaignId ?? null });
    return rows.map((r) => ({ ...r, conversionRate: ratio(r.converted, r.delivered) }));
  },
  engagementFeed: async (_root, { after, first, types }, ctx) => {
    const size = intRange('first', first ?? 1000, 1, 10_000);
    if (after != null && !/^\d{1,18}$/.test(after)) throw badInput('after', 'is not a position returned by engagementFeed');
    const scan = await engagementFeed(ctx.db, after ?? null, size, types);
    return { events: scan.events, position: scan.position ?? after ?? null, hasMore: scan.scanned === size };
  },
  campaigns: (_root, args, ctx) =>
    pageCampaigns(ctx.db, {
      filter: args.filter,
      sort: args.orderBy?.field ?? 'STARTS_AT',
      direction: args.orderBy?.direction ?? 'ASC',
      first: args.first,
      after: args.after,
    }),
};
