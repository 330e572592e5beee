import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '../../kit/src/server.ts';
import { DateTime } from '../../kit/src/scalars.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { Query } from './resolvers/query.ts';
import { Mutation } from './resolvers/mutation.ts';
import { Customer, Employee, Segment } from './resolvers/entities.ts';
import type { Resolvers } from './__generated__/resolvers.ts';

const resolvers: Resolvers = { DateTime, Query, Mutation, Customer, Segment, Employee };

/** CRM: customers, segments, consent, satisfaction; extends Employee with managed customers. */
export const crm: SubgraphDefinition<Loaders> = {
  name: 'crm',
  sdl: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  references: {
    Customer: (ref, ctx) => ctx.loaders.customer.load(String(ref.id)),
    Segment: (ref, ctx) => ctx.loaders.segment.load(String(ref.id)),
    Employee: async (ref) => ({ id: String(ref.id) }),
  },
  createLoaders,
  migrationsDir: new URL('../migrations', import.meta.url).pathname,
};
