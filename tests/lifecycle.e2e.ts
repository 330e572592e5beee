import { createServer, request as httpRequest } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../gateway/src/app.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { openDb } from '../subgraphs/kit/src/db.ts';
import { hr } from '../subgraphs/hr/src/app.ts';
import { postJson, startGraph, type TestGraph } from './helpers/graph.ts';
import { startSubgraph } from './helpers/subgraph.ts';
import { spawnScript } from './helpers/process.ts';

// Liveness, readiness and graceful shutdown, as an orchestrator sees them.
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

const base = (url: string) => url.replace(/\/graphql$/, '');
const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('health and readiness', () => {
  it('gateway: live, and ready when every subgraph answers', async () => {
    expect(await getJson(`${base(graph.url)}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${base(graph.url)}/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', subgraphs: { crm: 'up', campaigns: 'up', sales: 'up', hr: 'up' } },
    });
  });

  it('gateway: not ready while a subgraph is unreachable, naming it', async () => {
    const gateway = await buildGateway({ supergraphSdl: graph.supergraphSdl, internalSecret: graph.internalSecret, subgraphUrls: { hr: 'http://127.0.0.1:1/graphql' } });
    const server = createServer(gateway.handler);
    const url = await listen(server, 0, '127.0.0.1');
    try {
      expect(await getJson(`${url}/ready`)).toEqual({
        status: 503,
        body: { status: 'unavailable', subgraphs: { crm: 'up', campaigns: 'up', sales: 'up', hr: 'down' } },
      });
    } finally {
      await closeServer(server);
      await gateway.stop();
    }
  });

  it('subgraph: live while its database is gone, but not ready', async () => {
    const sub = await startSubgraph(hr, async () => undefined);
    const ask = async (path: string) => {
      const res = await sub.app.inject({ method: 'GET', url: path });
      return { status: res.statusCode, body: res.json() as unknown };
    };
    expect(await ask('/ready')).toEqual({ status: 200, body: { status: 'ready', service: 'hr' } });
    await sub.db.close();
    expect(await ask('/health')).toEqual({ status: 200, body: { status: 'ok', service: 'hr' } });
    expect(await ask('/ready')).toEqual({ status: 503, body: { status: 'unavailable', service: 'hr', reason: 'database unreachable' } });
    await sub.app.close();
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses readiness while draining, then stops accepting', async () => {
    // A subgraph that answers slowly, in front of the real crm.
    const slow = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        setTimeout(() => {
          const upstream = httpRequest(graph.subgraphUrls.crm, { method: 'POST', headers: req.headers }, (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          });
          upstream.end(Buffer.concat(chunks));
        }, 600);
      });
    });
    const slowUrl = `${await listen(slow, 0, '127.0.0.1')}/graphql`;
    const gateway = await buildGateway({
      supergraphSdl: graph.supergraphSdl,
      internalSecret: graph.internalSecret,
      subgraphUrls: { crm: slowUrl },
      authenticator: (await import('../gateway/src/auth/jwt.ts')).createAuthenticator({
        required: false, secret: graph.jwtSecret, issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30,
        roles: (await import('../gateway/src/auth/roles.ts')).loadRoles(),
      }),
    });
    const server = createServer(gateway.handler);
    const url = await listen(server, 0, '127.0.0.1');
    const token = await graph.token({ roles: ['it'] });
    const inFlight = postJson<{ segments: { id: string }[] }>(`${url}/graphql`, { query: '{ segments { id } }' }, { authorization: `Bearer ${token}` });
    await new Promise((r) => setTimeout(r, 150));
    gateway.drain();
    expect(await getJson(`${url}/ready`)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } });
    const closed = closeServer(server, 5000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.data?.segments.length).toBeGreaterThan(0);
    await closed;
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    await gateway.stop();
    await closeServer(slow);
  });

  it('SIGTERM during a bulk write: the write completed or left nothing', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'allygraph-sigterm-'));
    const env = { PORT: '0', CRM_PORT: '0', CAMPAIGNS_PORT: '0', SALES_PORT: '0', HR_PORT: '0', DATA_DIR: dataDir, DATABASE_URL: undefined, SEED_SCALE: '1', FEED_SYNC_MS: '0' };
    const run = spawnScript('scripts/start.ts', [], env);
    const [, url] = await run.waitFor(/Gateway \(GraphQL\):\s+(\S+)/, 90_000);
    const minted = spawnScript('scripts/token.ts', ['--role', 'it'], { DATA_DIR: dataDir });
    expect(await minted.exit()).toBe(0);
    const auth = { authorization: `Bearer ${minted.output().split('\n')[0].trim()}` };
    const ids = await postJson<{ campaigns: { edges: { node: { id: string } }[] }; customers: { edges: { node: { id: string } }[] } }>(
      url, { query: '{ campaigns(first: 1) { edges { node { id } } } customers(first: 1) { edges { node { id } } } }' }, auth);
    const campaignId = ids.body.data!.campaigns.edges[0].node.id;
    const customerId = ids.body.data!.customers.edges[0].node.id;
    const events = Array.from({ length: 5000 }, (_, i) => ({
      clientKey: `sigterm-${i}`, campaignId, customerId, type: 'OPENED', occurredAt: '2026-01-01T00:00:00Z',
    }));
    const write = postJson(url, { query: 'mutation($e: [EngagementEventInput!]!) { recordEngagementEvents(events: $e) { stored } }', variables: { e: events } }, auth)
      .then((r) => r.status, () => 'cut');
    await new Promise((r) => setTimeout(r, 50));
    const exit = await run.stop('SIGTERM');
    const outcome = await write;
    expect(exit).toBe(0);
    const db = await openDb({ kind: 'pglite', dataDir: join(dataDir, 'graph') });
    try {
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.events WHERE client_key LIKE 'sigterm-%'`);
      expect([0, 5000]).toContain(n);
      // The drain lets a request that had arrived finish: it answered, and everything is stored.
      if (outcome === 200) expect(n).toBe(5000);
    } finally {
      await db.close();
    }
  });
});
