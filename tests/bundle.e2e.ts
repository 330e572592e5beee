import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, GATEWAY_BUNDLE } from '../scripts/build.ts';
import { spawnCommand, type Spawned } from './helpers/process.ts';
import { postJson, startGraph, type TestGraph } from './helpers/graph.ts';

// What production runs (Dockerfile, compose, Kubernetes): the gateway bundled by `npm run build`,
// started with plain node in front of a running graph, answering as the graph's own gateway does.

let graph: TestGraph;
let gateway: Spawned;
let url: string;
let dir: string;

beforeAll(async () => {
  graph = await startGraph();
  await buildGateway();
  dir = await mkdtemp(join(tmpdir(), 'allygraph-bundle-'));
  const supergraph = join(dir, 'supergraph.graphql');
  await writeFile(supergraph, graph.supergraphSdl);
  gateway = spawnCommand(process.execPath, [GATEWAY_BUNDLE, '--supergraph', supergraph, '--port', '0'], {
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: Buffer.from(graph.jwtSecret).toString(),
      INTERNAL_SECRET: Buffer.from(graph.internalSecret).toString(),
      RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    },
  });
  [, url] = await gateway.waitFor(/gateway ready at (\S+\/graphql)/, 30_000);
});
afterAll(async () => {
  await gateway?.stop();
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the bundled gateway (npm run build)', () => {
  it('answers a four-subgraph query as the graph\'s own gateway does, with the shipped roles (config/roles.json found from the bundle)', async () => {
    const query = 'query BundleCustomer($id: ID!) { customer(id: $id) { id firstName segment { name } accountManager { name } orderCount engagement { score } } }';
    const [{ id }] = await graph.db.query<{ id: string }>(`SELECT id FROM crm.customers ORDER BY id LIMIT 1`);
    const token = await graph.token({ roles: ['it'], subject: 'bundle-probe' });
    const bundled = await postJson(url, { query, variables: { id } }, { authorization: `Bearer ${token}` });
    expect(bundled.status).toBe(200);
    expect(bundled.body.errors).toBeUndefined();
    // The bundle runs with production limits, so it also reports extensions.cost.
    expect(bundled.body.data).toEqual((await graph.gql(query, { id }, { roles: ['it'], subject: 'bundle-probe' })).body.data);
  });

  it('is production: refuses a request without a token', async () => {
    const res = await postJson(url, { query: '{ __typename }' });
    expect(res).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
  });
});
