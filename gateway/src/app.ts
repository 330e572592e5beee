import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
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
  });
  await server.start();
  return { handler: createHandler(server), stop: () => server.stop() };
}
