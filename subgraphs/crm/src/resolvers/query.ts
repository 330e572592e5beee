import { pageCustomers, customerByEmail } from '../data/customers.ts';
import { allSegments } from '../data/segments.ts';
import { npsScore } from '../data/segments.ts';
import { npsTrend } from '../data/satisfaction.ts';
import { badInput } from '../../../kit/src/errors.ts';
import { dateTime } from '../../../kit/src/validate.ts';
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
  segments: (_root, _args, ctx) => allSegments(ctx.db),
  segment: (_root, { id }, ctx) => ctx.loaders.segment.load(id),
  npsTrend: async (_root, args, ctx) => {
    const from = dateTime('from', args.from);
    const to = dateTime('to', args.to);
    if (to <= from) throw badInput('to', 'must be after from');
    const rows = await npsTrend(ctx.db, {
      from,
      to,
      unit: args.interval === 'DAY' ? 'day' : args.interval === 'WEEK' ? 'week' : 'month',
      segmentId: args.segmentId ?? null,
    });
    return rows.map((r) => ({ ...r, nps: npsScore(r) }));
  },
};
