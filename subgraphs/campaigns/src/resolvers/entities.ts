import type { CustomerResolvers, EmployeeResolvers, SegmentResolvers } from '../__generated__/resolvers.ts';

export const Customer: CustomerResolvers = {
  // Score, last touch and touches each load through batched loaders keyed by the customer id.
  engagement: (c) => ({ customerId: c.id }),
};

export const Segment: SegmentResolvers = {
  campaigns: (s, _args, ctx) => ctx.loaders.segmentCampaigns.load(s.id),
};

export const Employee: EmployeeResolvers = {
  ownedCampaigns: (e, _args, ctx) => ctx.loaders.ownedCampaigns.load(e.id),
};
