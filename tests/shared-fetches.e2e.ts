import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { startGraph, TEST_AUTH, type As, type TestGraph } from './helpers/graph.ts';

// In-flight sharing of subgraph fetches (gateway/src/shared-fetches.ts) on our own graph: hr
// sits behind a gate that holds every request it gets until the test opens it, so two client
// requests are under way at once for certain. Identical fetches of one caller reach hr once;
// other callers and audited data (PII) reach it once per request, each with its audit row. The
// single-fetch passthrough shares as the regular path does.

let graph: TestGraph;
let gateway: Gateway;
let server: Server;
let url: string;
/** hr requests: received (bodies), held until the gate opens; once open, they pass. */
const gate = { open: false, held: [] as (() => void)[], received: [] as string[] };
let proxy: Server;
let customer: { id: string; account_manager_id: string };

beforeAll(async () => {
  graph = await startGraph();
  const hr = new URL(graph.subgraphUrls.hr);
  proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      gate.received.push(body.toString('utf8'));
      const forward = () => {
        const upstream = httpRequest(hr, { method: 'POST', headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(body);
      };
      if (gate.open) forward();
      else gate.held.push(forward);
    });
  });
  const proxyUrl = `${await listen(proxy, 0, '127.0.0.1')}/graphql`;
  gateway = await buildGateway({
    supergraphSdl: graph.supergraphSdl,
    subgraphUrls: { hr: proxyUrl },
    authenticator: createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() }),
    internalSecret: graph.internalSecret,
    logger: silent,
  });
  server = createServer(gateway.handler);
  url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  [customer] = await graph.db.query<typeof customer>(`SELECT id, account_manager_id FROM crm.customers WHERE account_manager_id IS NOT NULL ORDER BY id LIMIT 1`);
});
afterAll(async () => {
  if (server) await closeServer(server);
  await gateway?.stop();
  if (proxy) await closeServer(proxy);
  await graph?.close();
});

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;

const MANAGER = 'query ShareManager($id: ID!) { customer(id: $id) { id accountManager { id name title } } }';
const MANAGER_EMAIL = 'query ShareManagerEmail($id: ID!) { customer(id: $id) { id accountManager { id name email } } }';

async function post(query: string, as: NonNullable<As>, variables: Record<string, unknown> = { id: customer.id }) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(as)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

/** Closes the gate: hr requests are held from now on. */
function closeGate(): void {
  gate.open = false;
  gate.received.length = 0;
}

/** Waits (polling, 10 s at most) until `done()`, then opens the gate: held hr requests go through, later ones pass. */
async function openWhen(done: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > until) throw new Error(`hr gate: ${what} never happened (hr received ${gate.received.length}, shared ${hrShared()})`);
    await new Promise((r) => setTimeout(r, 5));
  }
  gate.open = true;
  for (const release of gate.held.splice(0)) release();
}

const hrShared = () => gateway.sharedFetches!.shared.hr ?? 0;

async function managerRow(): Promise<{ id: string; name: string; title: string; email: string }> {
  const [row] = await graph.db.query<{ id: string; name: string; title: string; email: string }>(`SELECT id, first_name || ' ' || last_name AS name, title, email FROM hr.employees WHERE id = $1`, [customer.account_manager_id]);
  return row!;
}

describe('shared subgraph fetches', () => {
  it('one hr fetch for two identical requests of one caller under way at once; both get the whole answer', async () => {
    closeGate();
    const shared = hrShared();
    const as: As = { roles: ['it'], subject: 'share-one' };
    const answers = Promise.all([post(MANAGER, as), post(MANAGER, as)]);
    await openWhen(() => hrShared() > shared && gate.received.length > 0, 'the second request joining the first one\'s hr fetch');
    const m = await managerRow();
    const expected = { status: 200, body: { data: { customer: { id: customer.id, accountManager: { id: m.id, name: m.name, title: m.title } } } } };
    expect(await answers).toEqual([expected, expected]);
    expect(gate.received).toHaveLength(1);
    expect(hrShared() - shared).toBe(1);
  });

  it('the single-fetch passthrough shares its fetch too: both answers served from one hr fetch', async () => {
    const EMPLOYEE = 'query ShareEmployee($id: ID!) { employee(id: $id) { id name title } }';
    const as: As = { roles: ['it'], subject: 'share-passthrough' };
    const m = await managerRow();
    const expected = { status: 200, body: { data: { employee: { id: m.id, name: m.name, title: m.title } } } };
    // The regular path answers first and teaches the passthrough this operation's plan.
    gate.open = true;
    expect(await post(EMPLOYEE, as, { id: m.id })).toEqual(expected);
    closeGate();
    const served = gateway.passthrough!.served;
    const shared = hrShared();
    const answers = Promise.all([post(EMPLOYEE, as, { id: m.id }), post(EMPLOYEE, as, { id: m.id })]);
    await openWhen(() => hrShared() > shared && gate.received.length > 0, 'the second request joining the first one\'s hr fetch');
    expect(await answers).toEqual([expected, expected]);
    expect(gate.received).toHaveLength(1);
    expect(gateway.passthrough!.served - served).toBe(2);
  });

  it('two callers: one hr fetch each', async () => {
    closeGate();
    const shared = hrShared();
    const answers = Promise.all([post(MANAGER, { roles: ['it'], subject: 'share-a' }), post(MANAGER, { roles: ['it'], subject: 'share-b' })]);
    await openWhen(() => gate.received.length === 2, 'both hr fetches arriving');
    const [a, b] = await answers;
    expect(a).toEqual(b);
    expect(a.body.data.customer.accountManager.name).toBe((await managerRow()).name);
    expect(hrShared()).toBe(shared);
  });

  it('PII (Employee.email, audited on every read): one hr fetch and one audit row per request', async () => {
    closeGate();
    const shared = hrShared();
    const as: As = { roles: ['it'], subject: 'share-pii' };
    const answers = Promise.all([post(MANAGER_EMAIL, as), post(MANAGER_EMAIL, as)]);
    await openWhen(() => gate.received.length === 2, 'both hr fetches arriving');
    const m = await managerRow();
    const expected = { status: 200, body: { data: { customer: { id: customer.id, accountManager: { id: m.id, name: m.name, email: m.email } } } } };
    expect(await answers).toEqual([expected, expected]);
    expect(hrShared()).toBe(shared);
    const audit = await graph.db.query<{ fields: string[]; record_ids: string[] }>(
      `SELECT fields, record_ids FROM hr.audit_log WHERE actor = 'share-pii' AND operation_name = 'ShareManagerEmail' ORDER BY id`,
    );
    expect(audit).toEqual([
      { fields: ['Employee.email'], record_ids: [m.id] },
      { fields: ['Employee.email'], record_ids: [m.id] },
    ]);
  });
});
