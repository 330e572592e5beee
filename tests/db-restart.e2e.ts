import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// The database goes away under load (every connection of the graph's database is terminated,
// as a PostgreSQL restart or failover does): subgraphs answer errors meanwhile, never crash,
// and recover by themselves — no restart. PostgreSQL only (PGlite lives in the process).
describe.runIf(process.env.DATABASE_URL)('database restarted mid-load', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('recovers without restarting anything', { timeout: 30_000 }, async () => {
    const query = '{ segments { id } customers(first: 5) { edges { node { id orderCount } } } }';
    const outcomes: ('ok' | 'error')[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const res = await graph.gql(query).catch(() => null);
        outcomes.push(res?.status === 200 && !res.body.errors ? 'ok' : 'error');
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 500));
    const before = outcomes.length;
    const [{ killed }] = await graph.db.query<{ killed: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(killed).toBeGreaterThan(0);
    // Recovered: a run of successful answers after the outage.
    const deadline = Date.now() + 10_000;
    let streak = 0;
    while (Date.now() < deadline && streak < 20) {
      const res = await graph.gql(query).catch(() => null);
      streak = res?.status === 200 && !res.body.errors ? streak + 1 : 0;
    }
    running = false;
    await Promise.all(clients);
    expect(streak).toBe(20);
    expect(outcomes.slice(0, before).every((o) => o === 'ok')).toBe(true);
    expect(outcomes.at(-1)).toBe('ok');
    // The gateway still answers its health probes.
    expect((await fetch(graph.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
  });
});
