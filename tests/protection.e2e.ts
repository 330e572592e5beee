import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway, type GatewayOptions } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { createLogger } from '../gateway/src/log.ts';
import { DEFAULT_LIMITS } from '../gateway/src/limits/plugin.ts';
import { listen } from '../gateway/src/listen.ts';
import { createRateLimiter } from '../gateway/src/rate-limit.ts';
import * as ops from '../client/src/__generated__/graphql.ts';
import { ADMIN, startGraph, TEST_AUTH, type As, type TestGraph } from './helpers/graph.ts';

// The gateway's protections end to end over HTTP, against our real graph: operation limits,
// tokens, a rate limit shared through Redis, trusted documents and masked internal errors.
// Every refusal is checked whole (status, code, message) and shown to reach no subgraph.

let graph: TestGraph;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  graph = await startGraph({ limits: DEFAULT_LIMITS, authRequired: true, trustedDocumentsOnly: ['service'] });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await graph?.close();
});

const authenticatorOf = (g: TestGraph) => createAuthenticator({ required: false, secret: g.jwtSecret, ...TEST_AUTH, roles: loadRoles() });

/** Another gateway in front of `g`'s subgraphs (its tokens and internal secret), on an ephemeral port. */
async function extraGateway(g: TestGraph, opts: Partial<GatewayOptions> = {}): Promise<string> {
  const gateway: Gateway = await buildGateway({ supergraphSdl: g.supergraphSdl, internalSecret: g.internalSecret, authenticator: authenticatorOf(g), ...opts });
  const server: Server = createServer(gateway.handler);
  closers.push(
    () => gateway.stop(),
    () => new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
    }),
  );
  return `${await listen(server, 0, '127.0.0.1')}/graphql`;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}
async function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Answer['body'] };
}
const bearer = async (g: TestGraph, who: NonNullable<As>) => ({ authorization: `Bearer ${await g.token(who)}` });

/** Runs `send` and returns its answer with the SQL statements run meanwhile (0: no subgraph read anything). */
async function counting<T>(send: () => Promise<T>): Promise<[T, number]> {
  const before = graph.db.statements;
  const answer = await send();
  return [answer, graph.db.statements - before];
}

const many = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => field(i)).join(' ');
/** customer -> accountManager -> managedCustomers -> edges -> node -> ..., 4 levels deeper per step. */
const managed = (steps: number): string => (steps === 0 ? 'id' : `id accountManager { managedCustomers { edges { node { ${managed(steps - 1)} } } } }`);

describe('operation limits (DEFAULT_LIMITS) on our graph', () => {
  const refusals: [string, string, string, string, number][] = [
    ['a deep nesting', `{ customer(id: "cus-000446") { ${managed(4)} } }`, 'DEPTH_LIMIT_EXCEEDED', 'depth', 18],
    ['an alias bomb', `{ ${many(50, (i) => `s${i}: segments { id }`)} }`, 'ALIAS_LIMIT_EXCEEDED', 'alias count', 50],
    ['too many root fields', `{ segments { id } ${many(15, (i) => `s${i}: segment(id: "seg-smb") { id }`)} }`, 'ROOT_FIELD_LIMIT_EXCEEDED', 'root field count', 16],
    [
      'nested lists estimated too expensive',
      '{ customers { edges { node { accountManager { managedCustomers { edges { node { accountManager { managedCustomers { edges { node { satisfactionResponses { score } orders { id } } } } } } } } } } } } }',
      'COST_ESTIMATED_TOO_EXPENSIVE',
      'estimated cost',
      22_441,
    ],
  ];

  it.each(refusals)('refuses %s with 400 before any subgraph is called', async (_name, query, code, what, actual) => {
    const limit = { DEPTH_LIMIT_EXCEEDED: 15, ALIAS_LIMIT_EXCEEDED: 30, ROOT_FIELD_LIMIT_EXCEEDED: 15, COST_ESTIMATED_TOO_EXPENSIVE: 20_000 }[code];
    const [res, statements] = await counting(() => graph.gql(query));
    expect({ status: res.status, errors: res.body.errors, data: res.body.data, statements }).toEqual({
      status: 400,
      errors: [{ message: `operation ${what} ${actual} exceeds the limit of ${limit}`, extensions: { code, limit, actual } }],
      data: undefined,
      statements: 0,
    });
  });

  // Paged fields declare @listSize(slicingArguments: ["first"]), so `first` sizes the estimate.
  it('counts a huge `first` (customers(first: 100000)) as too expensive', async () => {
    const [res, statements] = await counting(() => graph.gql('{ customers(first: 100000) { edges { node { id } } } }'));
    expect({ status: res.status, code: res.body.errors?.[0].extensions?.code, statements }).toEqual({ status: 400, code: 'COST_ESTIMATED_TOO_EXPENSIVE', statements: 0 });
  });

  it('answers a normal query with its estimated cost', async () => {
    const res = await graph.gql('{ segments { id } }');
    expect({ status: res.status, errors: res.body.errors, cost: (res.body as Answer['body']).extensions?.cost }).toEqual({
      status: 200,
      errors: undefined,
      cost: { estimated: 10, max: 20_000 },
    });
    expect(res.body.data).toEqual({ segments: expect.arrayContaining([{ id: 'seg-smb' }]) });
  });

  it("still runs every operation of the typed client's manifest", async () => {
    const ids = await graph.gql<{ customers: { edges: { node: { id: string; email: string } }[] }; campaigns: { edges: { node: { id: string } }[] } }>(
      '{ customers(first: 1) { edges { node { id email } } } campaigns(first: 1) { edges { node { id } } } }',
    );
    const customer = ids.body.data!.customers.edges[0].node;
    const cases: [{ toString(): string }, Record<string, unknown>][] = [
      [ops.Customer360ByIdDocument, { id: customer.id }],
      [ops.Customer360ByEmailDocument, { email: customer.email }],
      [ops.AudiencePageDocument, { channel: 'EMAIL', first: 100 }],
      [ops.CampaignListDocument, {}],
      [ops.CampaignFunnelDocument, { id: ids.body.data!.campaigns.edges[0].node.id }],
      [ops.CampaignPerformanceDocument, { model: 'LINEAR' }],
    ];
    for (const [document, variables] of cases) {
      const res = await graph.gql(document.toString(), variables);
      const cost = (res.body as Answer['body']).extensions?.cost as { estimated: number; max: number };
      expect({ status: res.status, errors: res.body.errors, hasData: res.body.data != null }, document.toString().slice(0, 40)).toEqual({ status: 200, errors: undefined, hasData: true });
      expect(cost.estimated).toBeGreaterThan(0);
      expect(cost.estimated).toBeLessThanOrEqual(cost.max);
    }
  });
});

describe('tokens at the gateway', () => {
  const sign = (secret: Uint8Array, audience: string) =>
    new SignJWT({ roles: ['analyst'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer(TEST_AUTH.issuer)
      .setAudience(audience).setIssuedAt().setExpirationTime('1h').sign(secret);
  const cases: [string, () => Promise<string>, string, string][] = [
    ['a header that is not Bearer', async () => 'Basic bWFsbG9yeTpzZWNyZXQ=', 'TOKEN_MALFORMED', 'Authorization header must be "Bearer <token>"'],
    ['a token that is not a JWT', async () => 'Bearer not-a-token', 'TOKEN_MALFORMED', 'token is not a JWT (expected header.payload.signature, base64url-encoded)'],
    ['a token signed with another secret', async () => `Bearer ${await sign(randomBytes(32), TEST_AUTH.audience)}`, 'TOKEN_INVALID', 'token signature is invalid'],
    ['an expired token', async () => `Bearer ${await graph.token({ roles: ['analyst'] }, { expired: true, now: new Date('2026-01-01T00:00:00Z') })}`, 'TOKEN_EXPIRED', 'token expired at 2025-12-31T23:00:00Z'],
    ['a token for another audience', async () => `Bearer ${await sign(graph.jwtSecret, 'someone-else')}`, 'TOKEN_CLAIM_INVALID', 'token audience "someone-else" is not "allygraph"'],
  ];

  it.each(cases)('refuses %s with 401 and its reason', async (_name, header, reason, message) => {
    const authorization = await header();
    const [res, statements] = await counting(() => post(graph.url, { query: '{ segments { id } }' }, { authorization }));
    expect({ status: res.status, challenge: res.headers.get('www-authenticate'), body: res.body, statements }).toEqual({
      status: 401,
      challenge: 'Bearer error="invalid_token"',
      body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED', reason } }] },
      statements: 0,
    });
    expect(res.text).not.toContain(authorization.split(' ')[1]);
  });

  it('with authRequired, refuses an operation without a token but serves the Sandbox landing page', async () => {
    const [res, statements] = await counting(() => post(graph.url, { query: '{ segments { id } }' }));
    expect({ status: res.status, challenge: res.headers.get('www-authenticate'), body: res.body, statements }).toEqual({
      status: 401,
      challenge: 'Bearer',
      body: { errors: [{ message: 'a bearer token is required (Authorization: Bearer <token>)', extensions: { code: 'UNAUTHENTICATED' } }] },
      statements: 0,
    });
    const landing = await fetch(graph.url, { headers: { accept: 'text/html' } });
    expect({ status: landing.status, type: landing.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringContaining('text/html') });
    expect(await landing.text()).toContain('<!DOCTYPE html>');
    // A GET carrying an operation is an operation: it needs the token.
    expect((await fetch(`${graph.url}?query=${encodeURIComponent('{ segments { id } }')}`, { headers: { 'apollo-require-preflight': '1' } })).status).toBe(401);
  });
});

describe('a rate limit shared through Redis by two gateways', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  it('refuses the 6th request of a subject spread over both gateways, and serves another subject', async () => {
    const prefix = `allygraph:test:${randomUUID()}:`;
    const limiter = () => createRateLimiter({ limit: 5, windowMs: 60_000, redisUrl, prefix });
    // Both in front of the same subgraphs. (Not startGraph's own gateway: its start-up feed sync
    // spends more than 5 requests of the feed-sync subject through that gateway.)
    const a = await extraGateway(graph, { rateLimiter: await limiter() });
    const b = await extraGateway(graph, { rateLimiter: await limiter() });
    const alice = await bearer(graph, { roles: ['analyst'], subject: 'rl-alice' });
    const query = { query: '{ segments { id } }' };

    const served = [];
    for (const url of [a, a, a, b, b]) {
      const res = await post(url, query, alice);
      served.push([res.status, res.headers.get('ratelimit-remaining')]);
    }
    expect(served).toEqual([[200, '4'], [200, '3'], [200, '2'], [200, '1'], [200, '0']]);

    for (const url of [b, a]) {
      const [res, statements] = await counting(() => post(url, query, alice));
      const seconds = Number(res.headers.get('retry-after'));
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(12); // one request refills every 60 s / 5
      expect({ status: res.status, limit: res.headers.get('ratelimit-limit'), remaining: res.headers.get('ratelimit-remaining'), body: res.body, statements }).toEqual({
        status: 429,
        limit: '5',
        remaining: '0',
        statements: 0,
        body: {
          errors: [{
            message: `rate limit of 5 requests exceeded for subject rl-alice; retry in ${seconds} s`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
          }],
        },
      });
    }
    const bob = await post(b, query, await bearer(graph, { roles: ['analyst'], subject: 'rl-bob' }));
    expect({ status: bob.status, remaining: bob.headers.get('ratelimit-remaining'), errors: bob.body.errors }).toEqual({ status: 200, remaining: '4', errors: undefined });
  });
});

describe('trusted documents (trustedDocumentsOnly: service)', () => {
  const document = ops.Customer360ByIdDocument.toString();
  const sha256Hash = createHash('sha256').update(document).digest('hex');
  const variables = { id: 'cus-000446' };
  const notTrusted = {
    errors: [{
      message: 'role service may only run trusted documents (persisted operations); this operation is not in the manifest',
      extensions: { code: 'OPERATION_NOT_TRUSTED' },
    }],
  };

  it('refuses ad-hoc text from a service token with 403', async () => {
    const service = await bearer(graph, { roles: ['service'] });
    const adHoc = [
      { query: '{ segments { id } }' },
      // A manifest hash does not vouch for other text.
      { query: '{ segments { id } }', extensions: { persistedQuery: { version: 1, sha256Hash } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
    ];
    for (const payload of adHoc) {
      const [res, statements] = await counting(() => post(graph.url, payload, service));
      expect({ status: res.status, body: res.body, statements }).toEqual({ status: 403, body: notTrusted, statements: 0 });
    }
  });

  it('answers a service token sending a manifest operation by text or by hash alone', async () => {
    const service = await bearer(graph, { roles: ['service'] });
    const byText = await post(graph.url, { query: document, variables }, service);
    const byHash = await post(graph.url, { variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }, service);
    expect({ status: byText.status, errors: byText.body.errors, id: (byText.body.data as { customer: { id: string } }).customer.id }).toEqual({ status: 200, errors: undefined, id: 'cus-000446' });
    expect({ status: byHash.status, body: byHash.body }).toEqual({ status: 200, body: byText.body });
  });

  it('lets an analyst token send ad-hoc queries', async () => {
    const res = await post(graph.url, { query: '{ segments { id } }' }, await bearer(graph, { roles: ['analyst'] }));
    expect({ status: res.status, errors: res.body.errors, cost: res.body.extensions?.cost }).toEqual({ status: 200, errors: undefined, cost: { estimated: 10, max: 20_000 } });
  });
});

describe('an unreachable subgraph (hr): named, no internals, request id', () => {
  let url: string;
  /** The JSON error lines this gateway logs (its logger at level error). */
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = createLogger({ level: 'error', destination: { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) } });
    url = await extraGateway(graph, { subgraphUrls: { hr: 'http://127.0.0.1:1/graphql' }, logger });
  });

  const leaks = (text: string) => ['http://', 'https://', 'ECONNREFUSED', '127.0.0.1', 'stack', '    at '].filter((s) => text.includes(s));
  const cases: [string, string, string | undefined, unknown][] = [
    ['an hr root field', '{ employees(first: 1) { edges { node { id name } } } }', undefined, null],
    ['an hr field joined to a customer, with a client request id', '{ customer(id: "cus-000446") { id accountManager { name } } }', 'my-req-1', { customer: { id: 'cus-000446', accountManager: null } }],
  ];

  it.each(cases)('answers %s with the request id only, and logs the details', async (_name, query, clientId, data) => {
    logged.length = 0;
    const res = await post(url, { query }, { ...(await bearer(graph, ADMIN!)), ...(clientId && { 'x-request-id': clientId }) });
    const requestId = res.headers.get('x-request-id')!;
    if (clientId) expect(requestId).toBe(clientId);
    else expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: { errors: [expect.objectContaining({ message: `subgraph hr is unavailable (request id ${requestId})`, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'hr', requestId } })], data },
    });
    expect(leaks(res.text)).toEqual([]);
    expect(logged).toEqual([
      expect.objectContaining({ level: 'error', name: 'gateway', msg: 'subgraph fetch failed', service: 'hr', requestId, error: expect.stringContaining('ECONNREFUSED') }),
    ]);
  });

  it('names the unreachable subgraph (serviceName: hr)', async () => {
    const res = await post(url, { query: '{ employees(first: 1) { edges { node { id } } } }' }, await bearer(graph, ADMIN!));
    expect(res.body.errors?.[0].extensions?.serviceName).toBe('hr');
  });
});
