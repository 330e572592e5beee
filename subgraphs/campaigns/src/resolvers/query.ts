import { pageCampaigns } from '../data/campaigns.ts';
import { feedPosition } from '../data/conversions.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  campaign: (_root, { id }, ctx) => ctx.loaders.campaign.load(id),
  conversionFeedPosition: (_root, _args, ctx) => feedPosition(ctx.db),
  campaigns: (_root, args, ctx) =>
    pageCampaigns(ctx.db, {
      filter: args.filter,
      sort: args.orderBy?.field ?? 'STARTS_AT',
      direction: args.orderBy?.direction ?? 'ASC',
      first: args.first,
      after: args.after,
    }),
};
