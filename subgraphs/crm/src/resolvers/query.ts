import { pageCustomers, customerByEmail } from '../data/customers.ts';
import { allSegments, npsScore } from '../data/segments.ts';
import { npsTrend } from '../data/satisfaction.ts';
import { bucketRange } from '../../../kit/src/periods.ts';
import { intRange } from '../../../kit/src/validate.ts';
import { pageAudience, suppressionFeedPosition } from '../data/audiences.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { GraphError } from '../../../kit/src/errors.ts';
import type { Context } from '../context.ts';

export const Query: QueryResolvers = {
  customer: (_root, { id }, ctx) => ctx.loaders.customer.load(id),
  customerByEmail: (_root, { email }, ctx) => customerByEmail(ctx.db, email),
  customers: (_root, args, ctx) =>
    pageCustomers(ctx.db, {
      filter: args.filter,
      // Without pii:read, emails are no oracle: search ignores them and sorting by them is refused.
      searchEmail: ctx.identity.scopes.includes('pii:read'),
      sort: emailSortAllowed(args.orderBy?.field ?? 'CREATED_AT', ctx),
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

/** Sorting by email reveals emails (order and cursors): only for callers who read PII. */
function emailSortAllowed<F extends string>(field: F, ctx: Context): F {
  if (field === 'EMAIL' && !ctx.identity.scopes.includes('pii:read')) {
    throw new GraphError('FORBIDDEN', 'not authorized to sort customers by EMAIL: needs scope pii:read', { field: 'orderBy.field' });
  }
  return field;
}
