import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway, type GatewayOptions } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { loadCacheConfig } from '../gateway/src/cache/index.ts';
import { createRedisStore } from '../gateway/src/cache/redis.ts';
import { createMemoryStore } from '../gateway/src/cache/store.ts';
import { listen } from '../gateway/src/listen.ts';
import { IDENTITY_HEADER, signIdentity } from '../lib/internal-identity.ts';
import persistedOperations from '../client/src/__generated__/persisted-operations.json' with { type: 'json' };
import * as ops from '../client/src/__generated__/graphql.ts';
import { ADMIN, startGraph, TEST_AUTH, type As, type TestGraph } from './helpers/graph.ts';

// The response cache end to end over HTTP against our graph: hints from the subgraphs, hits
// that reach no subgraph (counted in SQL statements), isolation by subject and scopes,
// invalidation by mutations, no caching of errors, and two gateways sharing one Redis.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `allygraph:test:cache:${randomUUID()}:`;

let graph: TestGraph;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  graph = await startGraph({ cache: {} });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await graph?.close();
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length) await admin.del(...keys);
  await admin.quit();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  /** SQL statements the subgraphs ran while answering (0: nothing was fetched). */
  statements: number;
}

/** POSTs `payload` to `url` as `who` (default ADMIN; null: anonymous), counting SQL statements meanwhile. */
async function post(url: string, payload: Record<string, unknown>, who: As = ADMIN): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.authorization = `Bearer ${await graph.token(who)}`;
  const before = graph.db.statements;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload) });
  const body = (await res.json()) as Answer['body'];
  return { status: res.status, headers: res.headers, body, statements: graph.db.statements - before };
}
const ask = (query: string, variables: Record<string, unknown> = {}, who: As = ADMIN, url = graph.url) => post(url, { query, variables }, who);

/** Another gateway in front of the graph's subgraphs, with its own cache options. */
async function extraGateway(opts: Partial<GatewayOptions>): Promise<{ url: string; gateway: Gateway }> {
  const authenticator = createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() });
  const gateway = await buildGateway({ supergraphSdl: graph.supergraphSdl, internalSecret: graph.internalSecret, authenticator, metrics: false, ...opts });
  const server = createServer(gateway.handler);
  closers.push(
    () => gateway.stop(),
    () => new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
    }),
  );
  return { url: `${await listen(server, 0, '127.0.0.1')}/graphql`, gateway };
}

const ANALYST = (subject: string): As => ({ roles: ['analyst'], subject });
const SALES = (subject: string): As => ({ roles: ['sales'], subject });
const IT = (subject: string): As => ({ roles: ['it'], subject });

/** A customer with a phone number (a nullable PII field: denying it keeps the customer), after the first 20. */
async function customerWithPhone(skip: number): Promise<string> {
  const res = await ask(`{ customers(first: 60) { edges { node { id phone } } } }`);
  const withPhone = (res.body.data!.customers.edges as { node: { id: string; phone: string | null } }[]).slice(20).filter((e) => e.node.phone !== null);
  return withPhone[skip].node.id;
}

/** Ids of `n` customers, skipping the first `skip` (each test its own customers). */
async function customerIds(skip: number, n: number): Promise<string[]> {
  const res = await ask(`query Ids($n: Int!) { customers(first: $n) { edges { node { id } } } }`, { n: skip + n });
  return (res.body.data!.customers.edges as { node: { id: string } }[]).slice(skip).map((e) => e.node.id);
}

const rename = (id: string, firstName: string) =>
  ask(`mutation Rename($id: ID!, $name: String!) { updateCustomer(id: $id, input: { firstName: $name }) { id firstName } }`, { id, name: firstName });

describe('cache hints from the subgraphs', () => {
  /** Asks a subgraph directly, as the gateway would (signed identity of `scopes`). */
  async function subgraph(name: keyof TestGraph['subgraphUrls'], query: string, variables: Record<string, unknown> = {}, scopes = ['crm:read', 'pii:read', 'campaigns:read', 'sales:read', 'hr:read', 'audit:read', 'crm:write']) {
    const identity = signIdentity(graph.internalSecret, { subject: 'hints', roles: ['it'], scopes, employeeId: null, operationName: null, requestId: null });
    const res = await fetch(graph.subgraphUrls[name], { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown };
    return { cacheControl: res.headers.get('cache-control'), errors: body.errors };
  }

  it.each([
    ['a type hint (Segment 60 s)', 'crm', '{ segments { id name } }', {}, 'max-age=60, public'],
    ['the smallest maxAge (Segment 60, Customer 30)', 'crm', '{ segment(id: "seg-smb") { name } customer(id: "cus-000446") { firstName } }', {}, 'max-age=30, public'],
    // Audited data (PII, reviews) is never cached: every read must reach its subgraph's audit log.
    ['never a PII field', 'crm', '{ customer(id: "cus-000446") { id email } }', {}, 'no-store'],
    ['never a PII lookup (customerByEmail)', 'crm', '{ customerByEmail(email: "nobody@example.com") { id } }', {}, 'no-store'],
    ['campaign funnel stats (30 s)', 'campaigns', '{ campaigns(first: 1) { edges { node { name funnel { sent openRate } } } } }', {}, 'max-age=30, public'],
    ['entities by their type hint', 'campaigns', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { engagement { score } } } }', { r: [{ __typename: 'Customer', id: 'cus-000446' }] }, 'max-age=30, public'],
    ['no hint on a root field: not cacheable (audit log)', 'crm', '{ crmAuditLog(since: "2020-01-01T00:00:00.000Z", first: 1) { id } }', {}, 'no-store'],
    ['a feed (maxAge 0)', 'sales', '{ orderFeed(first: 1) { position } }', {}, 'no-store'],
    ['a mutation', 'crm', 'mutation { updateCustomer(id: "cus-000446", input: { country: "DE" }) { id } }', {}, 'no-store'],
    ['an error', 'crm', '{ customers(first: 1, after: "not-a-cursor") { edges { cursor } } }', {}, 'no-store'],
  ] as const)('%s', async (name, department, query, variables, expected) => {
    const res = await subgraph(department, query, variables);
    expect({ cacheControl: res.cacheControl, errors: res.errors !== undefined }).toEqual({ cacheControl: expected, errors: name === 'an error' });
  });
});

describe('response cache (in memory)', () => {
  it('answers the second identical query without any subgraph, with age and cache-control', async () => {
    const [id, other] = await customerIds(0, 2);
    const query = `query Card($id: ID!) { customer(id: $id) { id firstName segment { name } engagement { score } orderCount } }`;
    const first = await ask(query, { id }, ANALYST('hit-alice'));
    const second = await ask(query, { id }, ANALYST('hit-alice'));
    expect(first.statements).toBeGreaterThan(0);
    expect({ status: second.status, statements: second.statements, body: second.body, cacheControl: second.headers.get('cache-control') }).toEqual({
      status: 200,
      statements: 0,
      body: first.body,
      // PUBLIC for the gateway's cache, but HTTP caches keep an answer to a token for its holder only.
      cacheControl: 'max-age=30, private',
    });
    expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(first.body.data!.customer).toEqual({ id, firstName: expect.any(String), segment: expect.anything(), engagement: { score: expect.any(Number) }, orderCount: expect.any(Number) });
    // PUBLIC: another subject with the same scopes shares the entry; other variables do not.
    expect((await ask(query, { id }, ANALYST('hit-bob'))).statements).toBe(0);
    expect((await ask(query, { id: other }, ANALYST('hit-alice'))).statements).toBeGreaterThan(0);
  });

  it('never caches PII: every read, repeats included, reaches CRM and its audit log', async () => {
    const [id] = await customerIds(2, 1);
    const query = `query Contact($id: ID!) { customer(id: $id) { id email phone } }`;
    const alice = await ask(query, { id }, SALES('pv-alice'));
    expect({ cacheControl: alice.headers.get('cache-control'), errors: alice.body.errors }).toEqual({ cacheControl: 'no-store', errors: undefined });
    expect((await ask(query, { id }, SALES('pv-alice'))).statements).toBeGreaterThan(0);
    const bob = await ask(query, { id }, SALES('pv-bob'));
    expect({ statements: bob.statements > 0, body: bob.body }).toEqual({ statements: true, body: alice.body });
    const rows = await graph.db.query<{ actor: string }>(`SELECT actor FROM crm.audit_log WHERE actor IN ('pv-alice', 'pv-bob') ORDER BY actor`);
    expect(rows.map((r) => r.actor)).toEqual(['pv-alice', 'pv-alice', 'pv-bob']);
  });

  it('never shares an entry between different scopes: an analyst does not get an it-cached response with PII', async () => {
    const id = await customerWithPhone(0);
    const query = `query Profile($id: ID!) { customer(id: $id) { id firstName phone } }`;
    const it1 = await ask(query, { id }, IT('same-subject'));
    expect({ phone: it1.body.data!.customer.phone, cacheControl: it1.headers.get('cache-control') }).toEqual({ phone: expect.stringMatching(/^\+/), cacheControl: 'no-store' });
    // Same subject, other scopes (a token with another role): a miss, and no phone.
    const analyst = await ask(query, { id }, ANALYST('same-subject'));
    expect(analyst.statements).toBeGreaterThan(0);
    expect(analyst.body.data!.customer).toEqual({ id, firstName: it1.body.data!.customer.firstName, phone: null });
    expect(analyst.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(analyst.body)).not.toContain(it1.body.data!.customer.phone);

    // PUBLIC entries too are per set of scopes.
    const segments = `query Segments { segments { id name customerCount } }`;
    await ask(segments, {}, IT('seg-it'));
    expect((await ask(segments, {}, IT('seg-it-2'))).statements).toBe(0);
    const other = await ask(segments, {}, ANALYST('seg-analyst'));
    expect(other.statements).toBeGreaterThan(0);
  });

  it('does not cache a response with errors, nor an uncacheable one', async () => {
    const id = await customerWithPhone(1);
    // A field denied to the caller: FORBIDDEN error (the rest is fetched).
    const denied = `query Denied($id: ID!) { customer(id: $id) { id phone } }`;
    for (let i = 0; i < 2; i++) {
      const res = await ask(denied, { id }, ANALYST('err-analyst'));
      expect({ statements: res.statements > 0, code: res.body.errors?.[0].extensions?.code, cacheControl: res.headers.get('cache-control') }).toEqual({ statements: true, code: 'FORBIDDEN', cacheControl: 'no-store' });
    }
    // A subgraph error (a bad cursor): answered by the subgraph both times, never from the cache.
    for (let i = 0; i < 2; i++) {
      const res = await ask(`{ customers(first: 1, after: "not-a-cursor") { edges { cursor } } }`, {}, ANALYST('err-analyst'));
      expect({ code: res.body.errors?.[0].extensions?.code, age: res.headers.get('age'), cacheControl: res.headers.get('cache-control') }).toEqual({ code: 'BAD_USER_INPUT', age: null, cacheControl: 'no-store' });
    }
    // No hint: the audit log is never cached.
    const audit = `{ crmAuditLog(since: "2020-01-01T00:00:00.000Z", first: 1) { id } }`;
    await ask(audit);
    const again = await ask(audit);
    expect({ statements: again.statements > 0, cacheControl: again.headers.get('cache-control') }).toEqual({ statements: true, cacheControl: 'no-store' });
  });

  it('does not cache what an unavailable subgraph left out', async () => {
    const { url, gateway } = await extraGateway({ cache: {}, subgraphUrls: { hr: 'http://127.0.0.1:1/graphql' } });
    const [id] = await customerIds(5, 1);
    const query = `query Managed($id: ID!) { customer(id: $id) { id firstName accountManager { name } } }`;
    for (let i = 0; i < 2; i++) {
      const res = await ask(query, { id }, ADMIN, url);
      expect({ statements: res.statements > 0, code: res.body.errors?.[0].extensions?.code }).toEqual({ statements: true, code: 'SUBGRAPH_UNAVAILABLE' });
    }
    expect(gateway.cache!.stats).toMatchObject({ hits: 0, misses: 2, stores: 0 });
  });

  it('is invalidated by a mutation: no stale customer after an update, in an entry or in a list', async () => {
    const [id] = await customerIds(6, 1);
    // The client selects no id: the cache adds it to tag the entry.
    const query = `query Name($id: ID!) { customer(id: $id) { firstName lastName } }`;
    const before = await ask(query, { id }, ANALYST('inv-alice'));
    expect((await ask(query, { id }, ANALYST('inv-alice'))).statements).toBe(0);
    const list = `query Page { customers(first: 8) { edges { node { firstName } } } }`;
    await ask(list, {}, ANALYST('inv-alice'));
    expect((await ask(list, {}, ANALYST('inv-alice'))).statements).toBe(0);
    const segments = `query Segs { segments { name } }`; // holds no customer: kept
    await ask(segments, {}, ANALYST('inv-alice'));

    const name = `Cached${randomUUID().slice(0, 6)}`;
    const updated = await rename(id, name);
    expect({ data: updated.body.data, cacheControl: updated.headers.get('cache-control') }).toEqual({ data: { updateCustomer: { id, firstName: name } }, cacheControl: 'no-store' });

    const after = await ask(query, { id }, ANALYST('inv-alice'));
    expect({ statements: after.statements > 0, customer: after.body.data!.customer }).toEqual({ statements: true, customer: { firstName: name, lastName: before.body.data!.customer.lastName } });
    const page = await ask(list, {}, ANALYST('inv-alice'));
    expect(page.statements).toBeGreaterThan(0);
    expect(page.body.data!.customers.edges.map((e: { node: { firstName: string } }) => e.node.firstName)).toContain(name);
    expect((await ask(segments, {}, ANALYST('inv-alice'))).statements).toBe(0);
  });

  it("is invalidated by the ids a mutation is given (an order's customer)", async () => {
    const [id] = await customerIds(7, 1);
    const products = await ask(`{ products { sku price { currency } } }`);
    const product = (products.body.data!.products as { sku: string; price: { currency: string } }[])[0];
    const query = `query Orders($id: ID!) { customer(id: $id) { orderCount } }`;
    const before = await ask(query, { id }, ANALYST('ord-alice'));
    expect((await ask(query, { id }, ANALYST('ord-alice'))).statements).toBe(0);
    const placed = await ask(`mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { clientKey: `cache-${randomUUID()}`, customerId: id, currency: product.price.currency, lines: [{ sku: product.sku, quantity: 1 }] },
    });
    expect(placed.body.errors).toBeUndefined();
    const after = await ask(query, { id }, ANALYST('ord-alice'));
    expect({ statements: after.statements > 0, orderCount: after.body.data!.customer.orderCount }).toEqual({ statements: true, orderCount: before.body.data!.customer.orderCount + 1 });
  });

  it('counts hits and misses (onLookup)', async () => {
    const lookups: string[] = [];
    const { url, gateway } = await extraGateway({ cache: { onLookup: (r) => lookups.push(r) } });
    const query = `query Seg { segment(id: "seg-smb") { name } }`;
    await ask(query, {}, ANALYST('count'), url);
    await ask(query, {}, ANALYST('count'), url);
    await ask(`mutation { updateCustomer(id: "cus-000446", input: { country: "DE" }) { id } }`, {}, ADMIN, url);
    expect(lookups).toEqual(['miss', 'hit']);
    expect(gateway.cache!.stats).toMatchObject({ hits: 1, misses: 1, stores: 1 });
  });
});

describe('two gateways on one Redis', () => {
  let a: string;
  let b: string;
  let gatewayB: Gateway;
  beforeAll(async () => {
    const cache = { redisUrl: REDIS_URL, prefix };
    ({ url: a } = await extraGateway({ cache, persistedOperations }));
    ({ url: b, gateway: gatewayB } = await extraGateway({ cache, persistedOperations }));
  });

  it('share entries and invalidations', async () => {
    const [id] = await customerIds(10, 1);
    const query = `query Shared($id: ID!) { customer(id: $id) { firstName segment { name } } }`;
    const onA = await ask(query, { id }, ANALYST('r-alice'), a);
    expect(onA.statements).toBeGreaterThan(0);
    const onB = await ask(query, { id }, ANALYST('r-alice'), b);
    expect({ statements: onB.statements, body: onB.body, cacheControl: onB.headers.get('cache-control'), age: onB.headers.get('age') !== null }).toEqual({
      statements: 0,
      body: onA.body,
      cacheControl: 'max-age=30, private',
      age: true,
    });
    expect(gatewayB.cache!.stats).toMatchObject({ hits: 1, misses: 0 });

    // Updated through b: a answers fresh data.
    const name = `Redis${randomUUID().slice(0, 6)}`;
    const mutation = await ask(`mutation R($id: ID!, $n: String!) { updateCustomer(id: $id, input: { firstName: $n }) { id } }`, { id, n: name }, ADMIN, b);
    expect(mutation.body.errors).toBeUndefined();
    const fresh = await ask(query, { id }, ANALYST('r-alice'), a);
    expect({ statements: fresh.statements > 0, firstName: fresh.body.data!.customer.firstName }).toEqual({ statements: true, firstName: name });
    // ...and that fresh answer is shared again.
    expect((await ask(query, { id }, ANALYST('r-alice'), b)).statements).toBe(0);
  });

  it('share APQ registrations (beside the pinned trusted documents)', async () => {
    const query = `query ApqShared($id: ID!) { customer(id: $id) { id lastName } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const variables = { id: 'cus-000446' };
    const unknown = await post(b, { variables, extensions }, ANALYST('apq'));
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(a, { query, variables, extensions }, ANALYST('apq'));
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(b, { variables, extensions }, ANALYST('apq'));
    expect({ status: byHash.status, body: byHash.body }).toEqual({ status: 200, body: registered.body });
    // A gateway with an in-memory cache does not know it.
    const { url: memory } = await extraGateway({ cache: {} });
    expect((await post(memory, { variables, extensions }, ANALYST('apq'))).body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // The manifest's documents stay served by hash alone (pinned, never in Redis).
    const manifestHash = createHash('sha256').update(ops.Customer360ByIdDocument.toString()).digest('hex');
    const pinned = await post(b, { extensions: { persistedQuery: { version: 1, sha256Hash: manifestHash } }, variables }, ADMIN);
    expect({ errors: pinned.body.errors, id: pinned.body.data?.customer?.id }).toEqual({ errors: undefined, id: 'cus-000446' });
  });
});

describe('stores', () => {
  const entry = { data: { x: 1 }, maxAge: 30, scope: 'PUBLIC' as const, storedAt: 0 };
  const stores = [
    ['memory', async () => createMemoryStore(10)],
    ['redis', async () => createRedisStore({ url: REDIS_URL, prefix: `${prefix}unit:`, onError: (err) => { throw err; } })],
  ] as const;

  it.each(stores)('%s: keeps no response computed across an invalidation, drops tagged ones, evicts nothing else', async (_kind, create) => {
    const store = await create();
    try {
      const before = await store.lookup(['k1']);
      expect(before.entry).toBeUndefined();
      expect(await store.store('k1', entry, 30, ['Customer:a', '#a'], before.epoch)).toBe(true);
      expect(await store.store('k2', entry, 30, ['Segment:s'], before.epoch)).toBe(true);
      // A query started before a mutation's invalidation may hold what it changed: not stored.
      const started = await store.lookup(['k3']);
      expect(await store.invalidate(['#a'])).toBe(1);
      expect(await store.store('k3', entry, 30, ['Customer:b'], started.epoch)).toBe(false);
      expect((await store.lookup(['k1'])).entry).toBeUndefined();
      expect((await store.lookup(['k3'])).entry).toBeUndefined();
      expect((await store.lookup(['k1', 'k2'])).entry).toEqual(entry);
    } finally {
      await store.close();
    }
  });

  it('memory: evicts the least recently used beyond maxEntries', async () => {
    const store = createMemoryStore(2);
    const { epoch } = await store.lookup([]);
    await store.store('a', entry, 30, ['#a'], epoch);
    await store.store('b', entry, 30, ['#b'], epoch);
    await store.lookup(['a']); // a used: b is now the oldest
    await store.store('c', entry, 30, ['#c'], epoch);
    expect([(await store.lookup(['a'])).entry, (await store.lookup(['b'])).entry, (await store.lookup(['c'])).entry].map(Boolean)).toEqual([true, false, true]);
    expect(await store.invalidate(['#b'])).toBe(0);
  });
});

describe('CACHE settings', () => {
  it('is on by default, in Redis with REDIS_URL, off with CACHE=off', () => {
    expect(loadCacheConfig({})).toEqual({ maxEntries: 10_000 });
    expect(loadCacheConfig({ CACHE_MAX_ENTRIES: '50' }, 'redis://cache:6379')).toEqual({ maxEntries: 50, redisUrl: 'redis://cache:6379' });
    expect(loadCacheConfig({ CACHE: 'off' })).toBeNull();
    expect(() => loadCacheConfig({ CACHE: 'sometimes' })).toThrow('CACHE must be on or off, got "sometimes"');
    expect(() => loadCacheConfig({ CACHE_MAX_ENTRIES: '0' })).toThrow('CACHE_MAX_ENTRIES must be a whole number above 0, got "0"');
  });
});
