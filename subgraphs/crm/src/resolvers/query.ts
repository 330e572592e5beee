import { pageCustomers, customerByEmail } from '../data/customers.ts';
import { allSegments, npsScore } from '../data/segments.ts';
import { npsTrend } from '../data/satisfaction.ts';
import { bucketRange } from '../../../kit/src/periods.ts';
import { intRange } from '../../../kit/src/validate.ts';
import { pageAudience, suppressionFeedPosition } from '../data/audiences.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  customer: (_root, { id }, ctx) => ctx.loaders.customer.load(id),
  customerByEmail: (_root, { email }, ctx) => customerByEmail(ctx.db, email),
  customers: (_root, args, ctx) =>
    pageCustomers(ctx.db, {
      filter: args.filter,
      sort: args.orderBy?.field ?? 'CREATED_AT',
      direction: args.orderBy?.direction ?? 'ASC',
      first: args.first,
      after: args.after,
    }),
  audience: (_root, args, ctx) =>
    pageAudience(ctx.db, {
      ...args,
      minNps: args.minNps == null ? null : intRange('minNps', args.minNps, 0, 10),
      maxNps: args.maxNps == null ? null : intRange('maxNps', args.maxNps, 0, 10),
    }),
  suppressionFeedPosition: (_root, _args, ctx) => suppressionFeedPosition(ctx.db),
  segments: (_root, _args, ctx) => allSegments(ctx.db),
  segment: (_root, { id }, ctx) => ctx.loaders.segment.load(id),
  npsTrend: async (_root, args, ctx) => {
    const range = bucketRange(args.from, args.to, args.interval, args.timeZone);
    const rows = await npsTrend(ctx.db, { ...range, segmentId: args.segmentId ?? null });
    return rows.map((r) => ({ ...r, nps: npsScore(r) }));
  },
};
