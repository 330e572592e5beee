import { encodeCursor, decodeCursor, pageSize, toConnection, type SortKey } from '../../../kit/src/pagination.ts';
import { npsScore } from '../data/segments.ts';
import type { CustomerResolvers, EmployeeResolvers, SegmentResolvers } from '../__generated__/resolvers.ts';

export const Customer: CustomerResolvers = {
  segment: (c, _args, ctx) => (c.segmentId ? ctx.loaders.segment.load(c.segmentId) : null),
  consents: (c, _args, ctx) => ctx.loaders.consents.load(c.id),
  latestNps: (c, _args, ctx) => ctx.loaders.latestNps.load(c.id),
  satisfactionResponses: (c, { first }, ctx) => ctx.loaders.responses.load({ key: c.id, limit: pageSize(first) }),
  accountManager: (c) => (c.accountManagerId ? { id: c.accountManagerId } : null),
};

export const Segment: SegmentResolvers = {
  customerCount: async (s, _args, ctx) =>
    (await ctx.loaders.lifecycleCounts.load(s.id)).reduce((sum, r) => sum + r.count, 0),
  lifecycleBreakdown: (s, _args, ctx) => ctx.loaders.lifecycleCounts.load(s.id),
  nps: async (s, _args, ctx) => {
    const tally = await ctx.loaders.segmentNps.load(s.id);
    return tally ? npsScore(tally) : null;
  },
};

const BY_ID: SortKey = { name: 'ID', column: 'id', type: 'text' };

export const Employee: EmployeeResolvers = {
  managedCustomers: async (e, { first, after }, ctx) => {
    const size = pageSize(first);
    const afterId = after == null ? null : decodeCursor(after, BY_ID)[1];
    const rows = await ctx.loaders.managedCustomers.load({ managerId: e.id, limit: size + 1, afterId });
    return toConnection(rows, size, after != null, (c) => encodeCursor(BY_ID.name, c.id, c.id));
  },
};
