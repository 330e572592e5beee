import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import type { Db } from '../../subgraphs/kit/src/db.ts';
import { DEPARTMENTS, type Department } from '../../subgraphs/kit/src/config.ts';
import { startLocalGraph } from '../../scripts/local-graph.ts';
import { GraphClient } from '../../scripts/import/graph.ts';
import { createAuthenticator } from '../../gateway/src/auth/jwt.ts';
import type { AuthConfig } from '../../gateway/src/auth/config.ts';
import { loadRoles } from '../../gateway/src/auth/roles.ts';
import { mintedTokenSource, mintToken, type MintOptions } from '../../gateway/src/auth/mint.ts';
import type { GatewayOptions } from '../../gateway/src/app.ts';
import type { SubgraphLogger } from '../../subgraphs/kit/src/telemetry.ts';
import { copyTemplate } from './template.ts';
import { syncConversions, syncFeeds } from '../../scripts/feed-sync.ts';

export interface GraphResponse<T> {
  status: number;
  body: { data?: T | null; errors?: GraphQLFormattedError[] };
}

/** Who a test request is: a token for these roles (and employee), or anonymous (null). */
export type As = { roles: string[]; employeeId?: string; subject?: string } | null;

/** Full access: the `it` role. */
export const ADMIN: As = { roles: ['it'], subject: 'test-admin' };

export interface TestGraph {
  /** The gateway's GraphQL endpoint. */
  url: string;
  subgraphUrls: Record<Department, string>;
  /** The supergraph the gateway serves (composed at the subgraphs' actual URLs), for more gateways in front of them. */
  supergraphSdl: string;
  /** The test's own copy of the seeded data (all four departments), for expected values. */
  db: Db;
  /** Secrets of this graph: tokens signed with `jwtSecret` are accepted; subgraphs trust `internalSecret`. */
  jwtSecret: Uint8Array;
  internalSecret: Uint8Array;
  /** A bearer token of this graph for `who` (expired with `expired: true`). */
  token(who: NonNullable<As>, extra?: Partial<MintOptions>): Promise<string>;
  /** Brings campaigns' conversions up to date with sales' orders (npm start does it periodically). */
  syncConversions(): Promise<number>;
  /** Runs every feed sync (conversions and suppressions) once. */
  syncFeeds(): Promise<number>;
  /** POSTs an operation to the gateway over HTTP, as `as` (default: ADMIN). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphResponse<T>>;
  close(): Promise<void>;
}

export const TEST_AUTH = { issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30 };

/** The whole graph on ephemeral ports over a private copy of the seeded template (subgraph logs off unless `subgraphs.logger`). */
export async function startGraph(gateway: Partial<GatewayOptions> = {}, subgraphs: { logger?: SubgraphLogger } = {}): Promise<TestGraph> {
  const copy = await copyTemplate(inject('template'));
  const dbs = Object.fromEntries(DEPARTMENTS.map((d) => [d, copy.db])) as Record<Department, Db>;
  const ports = { crm: 0, campaigns: 0, sales: 0, hr: 0, gateway: 0 };
  // Printable, so a spawned process can be given the same secrets through its environment.
  const jwtSecret = Buffer.from(randomBytes(24).toString('hex'));
  const internalSecret = Buffer.from(randomBytes(24).toString('hex'));
  const auth: AuthConfig = { required: false, secret: jwtSecret, ...TEST_AUTH, roles: loadRoles() };
  const graph = await startLocalGraph({
    dbs,
    ports,
    internalSecret,
    logger: subgraphs.logger,
    gateway: { authenticator: createAuthenticator(auth), authRequired: false, ...gateway },
  });
  const token = (who: NonNullable<As>, extra: Partial<MintOptions> = {}) =>
    mintToken({ config: auth, roles: who.roles, subject: who.subject, employeeId: who.employeeId, ...extra });
  // As npm start does: projections follow their feeds (orders -> conversions, engagement -> suppressions).
  const sync = new GraphClient(graph.gatewayUrl, mintedTokenSource({ config: auth, roles: ['feed-sync'], subject: 'feed-sync' }));
  await syncFeeds(sync);
  return {
    url: graph.gatewayUrl,
    subgraphUrls: graph.subgraphUrls,
    supergraphSdl: graph.supergraphSdl,
    db: copy.db,
    jwtSecret,
    internalSecret,
    token,
    syncConversions: () => syncConversions(sync),
    syncFeeds: () => syncFeeds(sync),
    gql: async (query, variables, as = ADMIN) =>
      postJson(graph.gatewayUrl, { query, variables }, as ? { authorization: `Bearer ${await token(as)}` } : {}),
    close: async () => {
      await graph.close();
      await copy.dispose();
    },
  };
}

export async function postJson<T>(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<GraphResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as GraphResponse<T>['body'] };
}
