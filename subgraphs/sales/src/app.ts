import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '../../kit/src/server.ts';
import { DateTime } from '../../kit/src/scalars.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { Query } from './resolvers/query.ts';
import { Mutation } from './resolvers/mutation.ts';
import { Campaign, Customer, Quota } from './resolvers/entities.ts';
import { Order, OrderLine, Product } from './resolvers/orders.ts';
import { references } from './resolvers/references.ts';
import type { Resolvers } from './__generated__/resolvers.ts';

const resolvers: Resolvers = { DateTime, Query, Mutation, Order, OrderLine, Product, Customer, Campaign, Quota };

/** Sales: products and orders; extends Customer, Campaign and Quota with figures from orders. */
export const sales: SubgraphDefinition<Loaders> = {
  name: 'sales',
  sdl: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  references,
  createLoaders,
  migrationsDir: new URL('../migrations', import.meta.url).pathname,
};
