import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { createHash } from 'node:crypto';
import { DEVELOPMENT_ORIGINS, type CorsOrigins } from './cors.ts';
import { createHandler, type RequestHandler } from './http.ts';

export interface GatewayOptions {
  /** The composed supergraph SDL (any federation-compliant supergraph, not only ours). */
  supergraphSdl: string;
  /** Routing URL overrides by subgraph name (lower-case). @default {} */
  subgraphUrls?: Record<string, string>;
  /** Allow introspection queries. @default true */
  introspection?: boolean;
  /** Serve the Apollo Sandbox landing page on GET. @default true */
  landingPage?: boolean;
  /** Serve a self-hosted GraphiQL (from npm packages) at /graphiql. @default true */
  graphiql?: boolean;
  /**
   * Trusted documents (sha256 hex of the exact text -> text) a client may send by hash alone
   * (APQ `extensions.persistedQuery`). Other APQ registrations keep working as usual.
   * @default undefined (Apollo Server's stock APQ cache)
   */
  persistedOperations?: Record<string, string>;
  /** Browser origins allowed to call from another origin (CORS). @default DEVELOPMENT_ORIGINS */
  cors?: CorsOrigins;
}

export interface Gateway {
  handler: RequestHandler;
  stop(): Promise<void>;
}

/** Builds and starts the gateway (loads the supergraph, plans queries) without listening. */
export async function buildGateway(opts: GatewayOptions): Promise<Gateway> {
  const overrides = opts.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: overrides[name.toLowerCase()] ?? url }),
  });
  const server = new ApolloServer({
    gateway,
    introspection: opts.introspection ?? true,
    plugins: opts.landingPage === false ? [ApolloServerPluginLandingPageDisabled()] : [],
    ...(opts.persistedOperations && { persistedQueries: { cache: trustedApqCache(opts.persistedOperations) } }),
  });
  await server.start();
  return { handler: createHandler(server, { graphiql: opts.graphiql ?? true, cors: opts.cors ?? DEVELOPMENT_ORIGINS }), stop: () => server.stop() };
}

/** Apollo Server prefixes APQ keys with this (APQ_CACHE_PREFIX in its request pipeline). */
const APQ_PREFIX = 'apq:';

/**
 * An APQ cache whose trusted documents are pinned: client registrations go to an LRU that
 * may evict them, never the manifest's entries.
 */
function trustedApqCache(documents: Record<string, string>): KeyValueCache<string> {
  const pinned = new Map<string, string>();
  for (const [hash, text] of Object.entries(documents)) {
    if (createHash('sha256').update(text).digest('hex') !== hash) {
      throw new Error(`persistedOperations: ${hash} is not the sha256 of its document`);
    }
    pinned.set(APQ_PREFIX + hash, text);
  }
  const lru = new InMemoryLRUCache<string>();
  return {
    get: async (key) => pinned.get(key) ?? lru.get(key),
    set: (key, value, options) => lru.set(key, value, options),
    delete: (key) => lru.delete(key),
  };
}
