import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { DEFAULT_LIMITS } from '../gateway/src/limits/plugin.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { startGraph, TEST_AUTH, type As, type TestGraph } from './helpers/graph.ts';

// The single-fetch passthrough (gateway/src/passthrough.ts) on our own supergraph: the same
// subgraphs behind two gateways built alike, one with the passthrough, one without. Every
// request is answered identically (status, content type, cache-control, bytes), the
// passthrough serves the operations it may, and each answer costs one subgraph request.

let graph: TestGraph;
const gateways: Record<'with' | 'without', { gateway: Gateway; server: Server; url: string }> = {} as never;
let customer: { id: string; email: string };

beforeAll(async () => {
  graph = await startGraph({ limits: DEFAULT_LIMITS });
  for (const mode of ['with', 'without'] as const) {
    const gateway = await buildGateway({
      supergraphSdl: graph.supergraphSdl,
      authenticator: createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() }),
      internalSecret: graph.internalSecret,
      limits: LIMITS,
      passthrough: mode === 'with',
      logger: silent,
    });
    const server = createServer(gateway.handler);
    gateways[mode] = { gateway, server, url: `${await listen(server, 0, '127.0.0.1')}/graphql` };
  }
  [customer] = await graph.db.query<typeof customer>(`SELECT id, email FROM crm.customers ORDER BY id LIMIT 1`);
});
afterAll(async () => {
  for (const g of Object.values(gateways ?? {})) {
    await closeServer(g.server);
    await g.gateway.stop();
  }
  await graph?.close();
});

/** A low cost ceiling, so one case can exceed it. */
const LIMITS = { ...DEFAULT_LIMITS, maxCost: 500 };
const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;

const MARKETING: As = { roles: ['marketing'], subject: 'pt-marketing' };
const ANALYST: As = { roles: ['analyst'], subject: 'pt-analyst' };
const IT: As = { roles: ['it'], subject: 'pt-it' };

async function post(url: string, body: string, as: As, headers: Record<string, string> = {}) {
  const auth: Record<string, string> = as ? { authorization: `Bearer ${await graph.token(as)}` } : {};
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body });
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), text: await res.text() };
}

/** Requests served by crm so far (its own /metrics). */
async function crmRequests(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graph.subgraphUrls.crm))).text();
  return [...text.matchAll(/^allygraph_subgraph_request_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

const CUSTOMER = 'query PtCustomer($id: ID!) { customer(id: $id) { id firstName lastName lifecycleStage segment { id name } consents { channel granted } latestNps { score respondedAt } } }';
const PII = 'query PtPii($id: ID!) { customer(id: $id) { id email phone } }';
const SHAPES = 'query PtShapes { all: segments { __typename id label: name } ...More } fragment More on Query { all: segments { id } first: customers(first: 2) { edges { node { ... on Customer { id } } } } }';

type Case = [name: string, payload: Record<string, unknown>, as: As, passthrough: boolean];
/** `CUSTOMER_ID` in a payload stands for a seeded customer's id. */
const CASES: Case[] = [
  ['one crm fetch', { query: CUSTOMER, variables: { id: 'CUSTOMER_ID' } }, MARKETING, true],
  ['an unknown id (null)', { query: 'query PtUnknown($id: ID!) { customer(id: $id) { id firstName } }', variables: { id: 'cus-none' } }, MARKETING, true],
  ['aliases, __typename, a repeated key and fragments on the parent type', { query: SHAPES }, IT, true],
  ['PII with pii:read (audited by crm)', { query: PII, variables: { id: 'CUSTOMER_ID' } }, IT, true],
  ['PII without pii:read: denied fields removed, FORBIDDEN', { query: PII, variables: { id: 'CUSTOMER_ID' } }, ANALYST, false],
  ['anonymous: UNAUTHENTICATED', { query: CUSTOMER, variables: { id: 'CUSTOMER_ID' } }, null, false],
  ['a variable of the wrong type', { query: CUSTOMER, variables: { id: 42.5 } }, MARKETING, false],
  ['a missing variable', { query: CUSTOMER }, MARKETING, false],
  ['a subgraph error (page size over 100): the fetch is replayed, not repeated', { query: 'query PtPage($n: Int) { customers(first: $n) { edges { node { id } } } }', variables: { n: 500 } }, IT, false],
  ['over the cost limit', { query: 'query PtCost { customers(first: 100) { edges { node { id consents { channel } } } } }' }, IT, false],
  ['four subgraphs (a plan of several fetches)', { query: 'query PtJoin($id: ID!) { customer(id: $id) { id accountManager { name } orderCount engagement { score } } }', variables: { id: 'CUSTOMER_ID' } }, IT, false],
];

describe('the single-fetch passthrough', () => {
  it.each(CASES.map((c, i) => [c[0], i] as const))('answers %s exactly as the regular path', async (_name, index) => {
    const [, payload, as, served] = CASES[index]!;
    const body = JSON.stringify(payload).replaceAll('CUSTOMER_ID', customer.id);
    const expected = await post(gateways.without.url, body, as);
    const before = { served: gateways.with.gateway.passthrough!.served, crm: await crmRequests() };
    // The first request teaches the passthrough the operation's plan; the next ones may use it.
    for (let i = 0; i < 3; i++) expect(await post(gateways.with.url, body, as)).toEqual(expected);
    expect(gateways.with.gateway.passthrough!.served - before.served).toBe(served ? 2 : 0);
    if (!index || served) expect(await crmRequests() - before.crm).toBe(3);
  });

  it('serves a learned operation in one subgraph request, audited like any other', async () => {
    const body = JSON.stringify({ query: PII, variables: { id: customer.id }, operationName: 'PtPii' });
    const subject = `pt-audit-${Date.now()}`;
    const as = { roles: ['it'], subject };
    await post(gateways.with.url, body, as);
    const served = gateways.with.gateway.passthrough!.served;
    const crm = await crmRequests();
    const answer = await post(gateways.with.url, body, as);
    expect({ served: gateways.with.gateway.passthrough!.served - served, crm: (await crmRequests()) - crm }).toEqual({ served: 1, crm: 1 });
    expect(JSON.parse(answer.text)).toMatchObject({ data: { customer: { id: customer.id, email: customer.email } } });
    const rows = await graph.db.query<{ n: number; op: string }>(
      `SELECT count(*)::int AS n, max(operation_name) AS op FROM crm.audit_log WHERE actor = $1 AND kind = 'READ'`, [subject]);
    expect(rows).toEqual([{ n: 2, op: 'PtPii' }]);
  });

  it('leaves requests it cannot promise to answer alike to the regular path', async () => {
    const body = JSON.stringify({ query: CUSTOMER, variables: { id: 'CUSTOMER_ID' } });
    await post(gateways.with.url, body, IT); // learned
    const served = gateways.with.gateway.passthrough!.served;
    const variants: [string, Record<string, string>][] = [
      [body, { accept: 'application/graphql-response+json' }],
      [JSON.stringify({ query: CUSTOMER, variables: { id: customer.id }, extensions: { foo: 1 } }), {}],
      [JSON.stringify([{ query: CUSTOMER, variables: { id: 'CUSTOMER_ID' } }]), {}],
    ];
    for (const [text, headers] of variants) {
      expect(await post(gateways.with.url, text, IT, headers)).toEqual(await post(gateways.without.url, text, IT, headers));
    }
    expect(gateways.with.gateway.passthrough!.served).toBe(served);
  });
});
