import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AllyGraphError,
  AudiencePageDocument,
  CampaignPerformanceDocument,
  Customer360ByIdDocument,
  createClient,
  type AudiencePageQuery,
  type ClientOptions,
  type Customer360ByIdQuery,
} from '../client/src/index.ts';
import manifest from '../client/src/__generated__/persisted-operations.json' with { type: 'json' };
import { postJson, startGraph, type TestGraph } from './helpers/graph.ts';

let graph: TestGraph;
let richId: string;
/** The gateway requires a bearer token: the client and raw requests go as `it` (full access). */
let auth: Record<string, string>;
beforeAll(async () => {
  graph = await startGraph();
  auth = { authorization: `Bearer ${await graph.token({ roles: ['it'] })}` };
  [{ id: richId }] = await graph.db.query<{ id: string }>(
    `SELECT c.id FROM crm.customers c
     WHERE c.account_manager_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.id AND o.campaign_id IS NOT NULL)
       AND EXISTS (SELECT 1 FROM crm.satisfaction_responses r WHERE r.customer_id = c.id AND r.kind = 'NPS')
     ORDER BY c.id LIMIT 1`);
});
afterAll(async () => {
  await graph?.close();
});

/** A fetch that records each request body and answers through `respond` (real fetch by default). */
function recordingFetch(respond: (call: number, url: string, init: RequestInit) => Promise<Response> = (_, url, init) => fetch(url, init)) {
  const bodies: Record<string, unknown>[] = [];
  const impl = (async (url: string | URL | Request, init: RequestInit = {}) => {
    bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    return respond(bodies.length, String(url), init);
  }) as typeof fetch;
  return { impl, bodies };
}

const client = (opts: Partial<ClientOptions> = {}) => createClient({ url: graph.url, backoffMs: 1, headers: auth, ...opts });
const networkError = () => Promise.reject(new TypeError('fetch failed'));

describe('typed client: customer 360', () => {
  it('returns exactly what the raw operation returns, and what the data says', async () => {
    const raw = await graph.gql<Customer360ByIdQuery>(Customer360ByIdDocument.toString(), { id: richId });
    expect(raw.body.errors).toBeUndefined();
    const customer = await client().customer360ById(richId);
    expect(customer).toEqual(raw.body.data?.customer);

    const [row] = await graph.db.query<{ email: string; manager: string; orders: number }>(
      `SELECT c.email, e.first_name || ' ' || e.last_name AS manager,
              (SELECT count(*)::int FROM sales.orders o WHERE o.customer_id = c.id AND o.status <> 'CANCELLED') AS orders
       FROM crm.customers c JOIN hr.employees e ON e.id = c.account_manager_id WHERE c.id = $1`, [richId]);
    expect(customer).toMatchObject({ id: richId, email: row.email, orderCount: row.orders, accountManager: { name: row.manager } });
    expect(customer?.orders.some((o) => o.campaign !== null)).toBe(true);
  });

  it('by email is the same view as by id; unknown keys give null', async () => {
    const c = client();
    const byId = await c.customer360ById(richId);
    expect(await c.customer360ByEmail(byId!.email)).toEqual(byId);
    expect(await c.customer360ById('cus-missing')).toBeNull();
    expect(await c.customer360ByEmail('nobody@example.invalid')).toBeNull();
  });
});

describe('typed client: audience and campaigns', () => {
  it('audienceAll pages the whole EMAIL audience, same ids as paging the raw query', async () => {
    const rawIds: string[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof graph.gql<AudiencePageQuery>>> = await graph.gql<AudiencePageQuery>(
        AudiencePageDocument.toString(), { channel: 'EMAIL', first: 100, after });
      expect(res.body.errors).toBeUndefined();
      rawIds.push(...res.body.data!.audience.edges.map((e) => e.node.id));
      after = res.body.data!.audience.pageInfo.hasNextPage ? res.body.data!.audience.pageInfo.endCursor : null;
    } while (after);
    expect(rawIds.length).toBeGreaterThan(20);

    const fetcher = recordingFetch();
    const ids: string[] = [];
    for await (const member of client({ fetch: fetcher.impl }).audienceAll({ channel: 'EMAIL', first: 7 })) ids.push(member.id);
    expect(ids).toEqual(rawIds);
    expect(fetcher.bodies.length).toBe(Math.ceil(rawIds.length / 7));
    expect(fetcher.bodies.map((b) => (b.variables as { after: string | null }).after)[0]).toBeNull();
  });

  it('campaignPerformance returns what the raw operation returns', async () => {
    const variables = { model: 'LINEAR', from: '2025-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } as const;
    const raw = await graph.gql(CampaignPerformanceDocument.toString(), variables);
    expect(raw.body.errors).toBeUndefined();
    const campaigns = await client().campaignPerformance(variables);
    expect({ campaigns }).toEqual(raw.body.data);
    const [{ n }] = await graph.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.campaigns`);
    expect(campaigns.edges).toHaveLength(Math.min(n, 50));
    expect(campaigns.edges.every((e) => e.node.attribution.model === 'LINEAR')).toBe(true);
  });
});

describe('typed client: trusted documents', () => {
  it('sends only the manifest hash, no query text, and gets the same answer', async () => {
    const fetcher = recordingFetch();
    const persisted = await client({ persisted: true, fetch: fetcher.impl }).customer360ById(richId);
    expect(persisted).toEqual(await client().customer360ById(richId));
    const [body] = fetcher.bodies;
    expect(Object.keys(body).sort()).toEqual(['extensions', 'variables']);
    const hash = (body.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash;
    expect(manifest[hash as keyof typeof manifest]).toBe(Customer360ByIdDocument.toString());
    expect(JSON.stringify(body)).not.toContain('customer(');
  });

  it('an unknown hash is PERSISTED_QUERY_NOT_FOUND, raw and through the client (not retried)', async () => {
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } };
    const raw = await postJson<unknown>(graph.url, unknown, auth);
    expect(raw.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const fetcher = recordingFetch((_, url, init) => fetch(url, { ...init, body: JSON.stringify({ ...unknown, variables: {} }) }));
    const err = await client({ persisted: true, fetch: fetcher.impl }).customer360ById(richId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AllyGraphError);
    expect(err).toMatchObject({ kind: 'graphql', code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect(fetcher.bodies).toHaveLength(1);
  });
});

describe('typed client: retries and errors', () => {
  it('retries network errors and 5xx, then succeeds', async () => {
    const fetcher = recordingFetch((call, url, init) =>
      call === 1 ? networkError() : call === 2 ? Promise.resolve(new Response('upstream down', { status: 503 })) : fetch(url, init));
    const customer = await client({ fetch: fetcher.impl }).customer360ById(richId);
    expect(customer?.id).toBe(richId);
    expect(fetcher.bodies).toHaveLength(3);
  });

  it('gives up after `retries` with a network error', async () => {
    const fetcher = recordingFetch(networkError);
    const err = await client({ fetch: fetcher.impl, retries: 1 }).customer360ById(richId).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AllyGraphError', kind: 'network', status: undefined });
    expect(fetcher.bodies).toHaveLength(2);
  });

  it('times out a hung request as a network error', async () => {
    const hang: Parameters<typeof recordingFetch>[0] = (_, __, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const fetcher = recordingFetch(hang);
    const err = await client({ fetch: fetcher.impl, retries: 0, timeoutMs: 50 }).customer360ById(richId).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network' });
    expect(fetcher.bodies).toHaveLength(1);
  });

  it('rejects bad options at creation, naming them', () => {
    expect(() => createClient({ url: graph.url, retries: -1 })).toThrow('createClient: retries must be a non-negative integer, got -1');
    expect(() => createClient({ url: 'gateway' })).toThrow('createClient: url must be an absolute URL, got "gateway"');
  });

  it('never retries a GraphQL error and surfaces its code', async () => {
    const fetcher = recordingFetch();
    const err = await client({ fetch: fetcher.impl }).audience({ channel: 'EMAIL', first: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AllyGraphError);
    const e = err as AllyGraphError;
    expect({ kind: e.kind, status: e.status, code: e.code }).toEqual({ kind: 'graphql', status: 200, code: 'BAD_USER_INPUT' });
    expect(e.errors[0].message).toContain('first');
    expect(fetcher.bodies).toHaveLength(1);
  });
});
