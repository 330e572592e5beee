import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '../../kit/src/server.ts';
import { DateTime } from '../../kit/src/scalars.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { Query } from './resolvers/query.ts';
import { Mutation } from './resolvers/mutation.ts';
import { Campaign, Funnel, Variant } from './resolvers/campaign.ts';
import { Engagement, EngagementEvent } from './resolvers/engagement.ts';
import { Customer, Employee, Segment } from './resolvers/entities.ts';
import { CampaignAttribution, Order, OrderAttribution, TouchCredit } from './resolvers/attribution.ts';
import type { Resolvers } from './__generated__/resolvers.ts';

const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Campaign,
  Variant,
  Funnel,
  Engagement,
  EngagementEvent,
  Customer,
  Segment,
  Employee,
  Order,
  OrderAttribution,
  TouchCredit,
  CampaignAttribution,
};

/** Campaigns: channel, budget, spend, A/B variants, funnel; extends Customer, Segment and Employee. */
export const campaigns: SubgraphDefinition<Loaders> = {
  name: 'campaigns',
  sdl: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  references: {
    Campaign: (ref, ctx) => ctx.loaders.campaign.load(String(ref.id)),
    // Entities of other departments: known here by id only; their fields load through loaders.
    Customer: async (ref) => ({ id: String(ref.id) }),
    Segment: async (ref) => ({ id: String(ref.id) }),
    Employee: async (ref) => ({ id: String(ref.id) }),
    Order: async (ref) => ({ id: String(ref.id) }),
  },
  createLoaders,
  migrationsDir: new URL('../migrations', import.meta.url).pathname,
};
