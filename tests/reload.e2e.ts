import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { postJson, startGraph, TEST_AUTH, type TestGraph } from './helpers/graph.ts';
import { spawnScript } from './helpers/process.ts';

// Supergraph hot reload: a new supergraph is swapped in without dropping in-flight requests;
// one that does not load is refused and the old one keeps serving.
let graph: TestGraph;
let gateway: Gateway;
let server: Server;
let url: string;
let auth: Record<string, string>;

/** The graph's supergraph without `Query.segments`: a visible, valid change. */
const withoutSegments = (sdl: string) => sdl.replace(/\n\s*"""\(crm\) All marketing segments\."""\n\s*segments: \[Segment!\]! @join__field\(graph: CRM\)/, '');

beforeAll(async () => {
  graph = await startGraph();
  gateway = await buildGateway({
    supergraphSdl: graph.supergraphSdl,
    internalSecret: graph.internalSecret,
    authenticator: createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() }),
  });
  server = createServer(gateway.handler);
  url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  auth = { authorization: `Bearer ${await graph.token({ roles: ['it'] })}` };
});
afterAll(async () => {
  if (server) await closeServer(server);
  await gateway?.stop();
  await graph?.close();
});

const segments = () => postJson<{ segments: { id: string }[] }>(url, { query: '{ segments { id } }' }, auth);

describe('gateway.reload', () => {
  it('swaps in a new supergraph, and back', async () => {
    expect(withoutSegments(graph.supergraphSdl)).not.toBe(graph.supergraphSdl);
    expect((await segments()).body.errors).toBeUndefined();
    await gateway.reload(withoutSegments(graph.supergraphSdl));
    const gone = await segments();
    expect(gone.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('Cannot query field "segments" on type "Query".'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    await gateway.reload(graph.supergraphSdl);
    expect((await segments()).body.errors).toBeUndefined();
  });

  it('refuses a supergraph that does not parse or load, and keeps serving the old one', async () => {
    await expect(gateway.reload('type Query {')).rejects.toThrow(/Syntax Error/);
    await expect(gateway.reload('type Query { hello: String }')).rejects.toThrow();
    const res = await segments();
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.segments.length).toBeGreaterThan(0);
  });

  it('lets in-flight requests finish while reloading', async () => {
    const inFlight = Array.from({ length: 20 }, () => segments());
    await gateway.reload(withoutSegments(graph.supergraphSdl));
    await gateway.reload(graph.supergraphSdl);
    for (const res of await Promise.all(inFlight)) expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
  });
});

describe('npm run gateway watches its supergraph file', () => {
  it('reloads a changed file and refuses a broken one', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'allygraph-reload-'));
    const file = join(dir, 'supergraph.graphql');
    await writeFile(file, graph.supergraphSdl);
    const env: Record<string, string | undefined> = {
      SUPERGRAPH_POLL_MS: '100',
      INTERNAL_SECRET: Buffer.from(graph.internalSecret).toString(),
      JWT_SECRET: Buffer.from(graph.jwtSecret).toString(),
      DATA_DIR: dir,
      RATE_LIMIT: 'off',
    };
    // Route to this test's subgraphs.
    for (const [name, sub] of Object.entries(graph.subgraphUrls)) env[`SUBGRAPH_URL_${name.toUpperCase()}`] = sub;
    const run = spawnScript('gateway/src/index.ts', ['--supergraph', file, '--port', '0'], env);
    const [, gatewayUrl] = await run.waitFor(/gateway ready at (\S+)/);
    const ask = () => postJson<{ segments: unknown[] }>(gatewayUrl, { query: '{ segments { id } }' }, auth);
    expect((await ask()).body.errors).toBeUndefined();

    await writeFile(file, 'type Query {');
    await run.waitFor(/supergraph rejected; still serving the previous one/);
    expect((await ask()).body.errors).toBeUndefined();

    await writeFile(file, withoutSegments(graph.supergraphSdl));
    await run.waitFor(/"msg":"supergraph reloaded"/);
    expect((await ask()).body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await run.stop()).toBe(0);
  });
});
