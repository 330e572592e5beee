import { createServer } from 'node:http';
import type { Db } from '../subgraphs/kit/src/db.ts';
import type { SubgraphLogger } from '../subgraphs/kit/src/telemetry.ts';
import { DEFAULT_PORTS, DEPARTMENTS, type Department } from '../subgraphs/kit/src/config.ts';
import { buildGateway, type GatewayOptions } from '../gateway/src/app.ts';
import { composeSupergraph, localSubgraphs } from '../gateway/src/compose.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { SUBGRAPHS } from './subgraphs.ts';
import persistedOperations from '../client/src/__generated__/persisted-operations.json' with { type: 'json' };

export interface LocalGraphOptions {
  dbs: Record<Department, Db>;
  /** @default 127.0.0.1 */
  host?: string;
  /** Ports per subgraph and for the gateway; 0 picks a free one. @default 4001-4004, gateway 4000 */
  ports?: Partial<Record<Department | 'gateway', number>>;
  /** JSON logs of the subgraphs (a level, and optionally where the lines go). @default false */
  logger?: SubgraphLogger;
  /** Signs (gateway) and verifies (subgraphs) the forwarded caller identity. */
  internalSecret: Uint8Array;
  /** Gateway settings (tokens, limits, explorers, CORS...). @default buildGateway's defaults */
  gateway?: Omit<GatewayOptions, 'supergraphSdl' | 'subgraphUrls' | 'persistedOperations' | 'internalSecret'>;
}

export interface LocalGraph {
  gatewayUrl: string;
  subgraphUrls: Record<Department, string>;
  supergraphSdl: string;
  close(): Promise<void>;
}

/**
 * The whole graph in one process: four subgraphs, a supergraph composed from their SDL at
 * the URLs they actually listen on, and the gateway in front. Data must be migrated already.
 */
export async function startLocalGraph(opts: LocalGraphOptions): Promise<LocalGraph> {
  const host = opts.host ?? '127.0.0.1';
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const subgraphUrls = {} as Record<Department, string>;
    for (const d of DEPARTMENTS) {
      const app = await SUBGRAPHS[d].createServer(opts.dbs[d], { logger: opts.logger ?? false, trust: { secret: opts.internalSecret } });
      closers.push(() => app.close());
      const base = await app.listen({ port: opts.ports?.[d] ?? DEFAULT_PORTS[d], host });
      subgraphUrls[d] = `${base}/graphql`;
    }
    const { supergraphSdl } = composeSupergraph(await localSubgraphs(subgraphUrls));
    // The typed client's trusted documents, so it can send them by hash.
    const gateway = await buildGateway({ ...opts.gateway, supergraphSdl, persistedOperations, internalSecret: opts.internalSecret });
    closers.push(() => gateway.stop());
    const server = createServer(gateway.handler);
    const gatewayBase = await listen(server, opts.ports?.gateway ?? 4000, host);
    closers.push(() => {
      gateway.drain();
      return closeServer(server);
    });
    return { gatewayUrl: `${gatewayBase}/graphql`, subgraphUrls, supergraphSdl, close };
  } catch (err) {
    await close();
    throw err;
  }
}
