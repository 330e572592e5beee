import Fastify, { type FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import { mercuriusFederationPlugin } from '@mercuriusjs/federation';
import { composeSupergraph } from '../../gateway/src/compose.ts';

// A small supergraph that is not ours (no allygraph code in its subgraphs): a catalogue and
// an inventory service, joined by entity, with @requires, nullable errors and a failing field.

const CATALOGUE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  type Product @key(fields: "upc") { upc: String! name: String! price: Int! weight: Int! }
  type Query { topProducts(first: Int = 5): [Product!]! product(upc: String!): Product broken: String }
`;

const INVENTORY_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
  type Product @key(fields: "upc") {
    upc: String!
    weight: Int! @external
    price: Int! @external
    inStock: Boolean!
    shippingEstimate: Int! @requires(fields: "price weight")
    warehouse: String
  }
`;

const PRODUCTS = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Chair', price: 54, weight: 50 },
];

async function serve(sdl: string, resolvers: Record<string, unknown>): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  await app.register(mercuriusFederationPlugin, { schema: sdl, resolvers: resolvers as mercurius.IResolvers });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${base}/graphql` };
}

export interface ForeignGraph {
  supergraphSdl: string;
  close(): Promise<void>;
}

export async function startForeignGraph(): Promise<ForeignGraph> {
  const catalogue = await serve(CATALOGUE_SDL, {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
      product: (_: unknown, { upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc) ?? null,
      broken: () => {
        throw new mercurius.ErrorWithProps('catalogue is on fire', { code: 'CATALOGUE_DOWN' });
      },
    },
    Product: { __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc) ?? null },
  });
  const inventory = await serve(INVENTORY_SDL, {
    Product: {
      __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
      inStock: (p: { upc: string }) => p.upc !== '3',
      shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : Math.round(p.weight / 2)),
      warehouse: (p: { upc: string }) => {
        if (p.upc === '2') throw new mercurius.ErrorWithProps('warehouse lookup failed', { code: 'WAREHOUSE_UNKNOWN' });
        return `WH-${p.upc}`;
      },
    },
  });
  const { supergraphSdl } = composeSupergraph([
    { name: 'catalogue', url: catalogue.url, sdl: CATALOGUE_SDL },
    { name: 'inventory', url: inventory.url, sdl: INVENTORY_SDL },
  ]);
  return {
    supergraphSdl,
    close: async () => {
      await catalogue.app.close();
      await inventory.app.close();
    },
  };
}
