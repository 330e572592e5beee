import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { listen } from '../gateway/src/listen.ts';
import { createLogger } from '../gateway/src/log.ts';
import type { CircuitState } from '../gateway/src/resilience/index.ts';
import { startForeignGraph, type ForeignGraph } from './helpers/foreign-graph.ts';

// Steady load on a gateway over the foreign graph while its inventory subgraph goes away
// (its listening server closed, connections cut) and comes back on the same port. The
// gateway sees inventory only through `door`, a pass-through node:http server we stop and
// restart: to the gateway that is the subgraph's server going down and up again.

const CLIENTS = 20;
const STOP_AT = 700;
const RESTART_AT = 1_700;
const END_AT = 3_700;
const QUERY = '{ topProducts { upc name warehouse } }';

/** A pass-through server in front of `target` that can be stopped and started again on its port. */
function door(target: string) {
  let server: Server | undefined;
  let port = 0;
  return {
    get url() {
      return `http://127.0.0.1:${port}/graphql`;
    },
    async start() {
      server = createServer((req, res) => {
        const upstream = request(target, { method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      });
      await listen(server, port, '127.0.0.1');
      port = (server.address() as AddressInfo).port;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve());
        server!.closeAllConnections();
      }),
  };
}

let foreign: ForeignGraph;
let inventory: ReturnType<typeof door>;
let gateway: Gateway;
let server: Server;
let url: string;
const changes: [number, string, CircuitState][] = [];
/** The gateway's warn and error log lines (JSON). */
const logged: Record<string, unknown>[] = [];
let t0 = 0;

beforeAll(async () => {
  foreign = await startForeignGraph();
  const target = /name: "inventory", url: "([^"]+)"/.exec(foreign.supergraphSdl)![1];
  inventory = door(target);
  await inventory.start();
  gateway = await buildGateway({
    supergraphSdl: foreign.supergraphSdl,
    subgraphUrls: { inventory: inventory.url },
    resilience: { timeoutMs: 2_000, breaker: { failures: 5, cooldownMs: 500 }, onCircuitChange: (service, state) => changes.push([performance.now() - t0, service, state]) },
    logger: createLogger({ level: 'warn', destination: { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) } }),
  });
  server = createServer(gateway.handler);
  url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => {
    server?.close(resolve);
    server?.closeAllConnections();
  });
  await gateway?.stop();
  await inventory?.stop().catch(() => {});
  await foreign?.close();
});

type Body = { data?: { topProducts: { upc: string; name: string; warehouse: string | null }[] } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
interface Sample {
  start: number;
  end: number;
  status: number;
  body?: Body;
  failure?: string;
}

async function client(samples: Sample[]): Promise<void> {
  while (performance.now() - t0 < END_AT) {
    const start = performance.now() - t0;
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      samples.push({ start, end: performance.now() - t0, status: res.status, body: (await res.json()) as Body });
    } catch (err) {
      samples.push({ start, end: performance.now() - t0, status: 0, failure: String((err as Error).cause ?? err) });
    }
  }
}

/** Both subgraphs answered: inventory's warehouse for upc 1 (upc 2's lookup fails by design). */
const healthy = (s: Sample) => s.body?.data?.topProducts[0]?.warehouse === 'WH-1' && !s.body.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');

describe('a subgraph stopped and restarted under load', () => {
  it('keeps the gateway and the other subgraph answering, opens the circuit and recovers', { timeout: 10_000 }, async () => {
    const crashes: unknown[] = [];
    const onCrash = (err: unknown) => crashes.push(err);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    const samples: Sample[] = [];
    let restartedAt = 0;
    try {
      t0 = performance.now();
      const schedule = (async () => {
        await new Promise((resolve) => setTimeout(resolve, STOP_AT));
        await inventory.stop();
        await new Promise((resolve) => setTimeout(resolve, RESTART_AT - STOP_AT));
        await inventory.start();
        restartedAt = performance.now() - t0;
      })();
      await Promise.all([schedule, ...Array.from({ length: CLIENTS }, () => client(samples))]);
    } finally {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    }

    // The gateway never failed a request, and catalogue's fields answered every time.
    expect({ crashes, failures: samples.filter((s) => s.status !== 200).map((s) => s.failure ?? s.status).slice(0, 3) }).toEqual({ crashes: [], failures: [] });
    expect(samples.length).toBeGreaterThan(CLIENTS * 5);
    const names = new Set(samples.map((s) => JSON.stringify(s.body?.data?.topProducts.map((p) => p.name))));
    expect([...names]).toEqual([JSON.stringify(['Table', 'Couch', 'Chair'])]);

    // Every error names inventory; while it was down they were SUBGRAPH_UNAVAILABLE, then fast fails.
    const errors = samples.flatMap((s) => s.body?.errors ?? []);
    expect(errors.filter((e) => e.extensions?.serviceName !== 'inventory')).toEqual([]);
    const unavailable = errors.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((e) => e.extensions?.circuit === 'open').length).toBeGreaterThan(0);
    expect(unavailable.every((e) => /^subgraph inventory is unavailable \(request id [0-9a-f-]{36}\)$/.test(e.message))).toBe(true);
    const failed = logged.filter((l) => l.msg === 'subgraph fetch failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((l) => l.level === 'error' && l.service === 'inventory' && typeof l.requestId === 'string')).toBe(true);

    // Healthy before the stop; the circuit opened while down and closed again after the restart.
    expect(samples.some((s) => s.end < STOP_AT && healthy(s))).toBe(true);
    const states = changes.map(([, service, state]) => `${service}:${state}`);
    expect(states[0]).toBe('inventory:open');
    expect(states.at(-1)).toBe('inventory:closed');
    expect(changes[0][0]).toBeGreaterThanOrEqual(STOP_AT - 50);
    const transitions = logged.filter((l) => l.msg === 'subgraph circuit changed').map((l) => `${l.service}:${l.state}`);
    expect({ level: logged.find((l) => l.msg === 'subgraph circuit changed')?.level, transitions }).toEqual({ level: 'warn', transitions: states });

    // Recovered within a few seconds of the restart, and stayed healthy from then on.
    const recovered = samples.filter((s) => s.start >= restartedAt && healthy(s)).sort((a, b) => a.end - b.end)[0];
    expect(recovered, 'a healthy answer after the restart').toBeDefined();
    expect(recovered.end - restartedAt).toBeLessThan(3_000);
    expect(samples.filter((s) => s.start > recovered.end && !healthy(s))).toEqual([]);

    const after = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(healthy({ start: 0, end: 0, status: after.status, body: (await after.json()) as Body })).toBe(true);
  });
});
