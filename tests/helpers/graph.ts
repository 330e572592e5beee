import { inject } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import type { Db } from '../../subgraphs/kit/src/db.ts';
import { DEPARTMENTS, type Department } from '../../subgraphs/kit/src/config.ts';
import { startLocalGraph } from '../../scripts/local-graph.ts';
import { copyTemplate } from './template.ts';
import { syncConversions, syncFeeds } from '../../scripts/feed-sync.ts';

export interface GraphResponse<T> {
  status: number;
  body: { data?: T | null; errors?: GraphQLFormattedError[] };
}

export interface TestGraph {
  /** The gateway's GraphQL endpoint. */
  url: string;
  subgraphUrls: Record<Department, string>;
  /** The test's own copy of the seeded data (all four departments), for expected values. */
  db: Db;
  /** Brings campaigns' conversions up to date with sales' orders (npm start does it periodically). */
  syncConversions(): Promise<number>;
  /** Runs every feed sync (conversions and suppressions) once. */
  syncFeeds(): Promise<number>;
  /** POSTs an operation to the gateway over HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphResponse<T>>;
  close(): Promise<void>;
}

/** The whole graph on ephemeral ports over a private copy of the seeded template. */
export async function startGraph(): Promise<TestGraph> {
  const copy = await copyTemplate(inject('template'));
  const dbs = Object.fromEntries(DEPARTMENTS.map((d) => [d, copy.db])) as Record<Department, Db>;
  const ports = { crm: 0, campaigns: 0, sales: 0, hr: 0, gateway: 0 };
  const graph = await startLocalGraph({ dbs, ports });
  // As npm start does: projections follow their feeds (orders -> conversions, engagement -> suppressions).
  await syncFeeds(graph.gatewayUrl);
  return {
    url: graph.gatewayUrl,
    subgraphUrls: graph.subgraphUrls,
    db: copy.db,
    syncConversions: () => syncConversions(graph.gatewayUrl),
    syncFeeds: () => syncFeeds(graph.gatewayUrl),
    gql: (query, variables) => postJson(graph.gatewayUrl, { query, variables }),
    close: async () => {
      await graph.close();
      await copy.dispose();
    },
  };
}

export async function postJson<T>(url: string, payload: unknown): Promise<GraphResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as GraphResponse<T>['body'] };
}
