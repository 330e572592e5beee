import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { listen } from '../gateway/src/listen.ts';
import { startForeignGraph, type ForeignGraph } from './helpers/foreign-graph.ts';

let foreign: ForeignGraph;
let ours: { gateway: Gateway; server: Server; url: string };
let stock: { server: ApolloServer; url: string };

beforeAll(async () => {
  foreign = await startForeignGraph();
  const gateway = await buildGateway({ supergraphSdl: foreign.supergraphSdl });
  const server = createServer(gateway.handler);
  ours = { gateway, server, url: `${await listen(server, 0, '127.0.0.1')}/graphql` };
  const stockServer = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: foreign.supergraphSdl }) });
  const { url } = await startStandaloneServer(stockServer, { listen: { port: 0, host: '127.0.0.1' } });
  stock = { server: stockServer, url };
});

afterAll(async () => {
  await new Promise((resolve) => ours?.server.close(resolve));
  await ours?.gateway.stop();
  await stock?.server.stop();
  await foreign?.close();
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), text, body: JSON.parse(text) as unknown };
}

const OPERATIONS: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }][] = [
  ['an entity join with @requires', { query: '{ topProducts { upc name price inStock shippingEstimate } }' }],
  ['variables and a null result', { query: 'query P($upc: String!) { product(upc: $upc) { name inStock } none: product(upc: "9") { name } }', variables: { upc: '2' } }],
  ['a subgraph error on a nullable field, other fields intact', { query: '{ topProducts(first: 3) { upc warehouse } broken }' }],
  ['an unknown field (validation error)', { query: '{ topProducts { nope } }' }],
  ['a missing variable', { query: 'query P($upc: String!) { product(upc: $upc) { name } }' }],
  ['a syntax error', { query: '{ topProducts { ' }],
  ['several operations and an operationName', { query: 'query A { broken } query B { topProducts(first: 1) { name } }', operationName: 'B' }],
  ['one fetch (the passthrough serves it once learned)', { query: 'query One($upc: String!) { product(upc: $upc) { upc n: name price } topProducts(first: 2) { ...P __typename } } fragment P on Product { upc name }', variables: { upc: '1' } }],
  ['one fetch answering an error only', { query: '{ broken }' }],
  ['introspection', { query: '{ __schema { queryType { name } } __type(name: "Product") { fields { name } } }' }],
];

describe('the gateway on a foreign supergraph', () => {
  it.each(OPERATIONS)('answers %s exactly as stock @apollo/gateway, every time', async (_name, operation) => {
    const body = JSON.stringify(operation);
    const theirs = await post(stock.url, body);
    // Three times: the first answer teaches our single-fetch passthrough the plan; the others may take it.
    for (let i = 0; i < 3; i++) expect(await post(ours.url, body)).toEqual(theirs);
  });

  it('answered the single-fetch operations above on the passthrough', () => {
    expect(ours.gateway.passthrough?.served).toBe(2);
  });

  it('answers a batch-less malformed body exactly as stock', async () => {
    const [mine, theirs] = await Promise.all([post(ours.url, '{"query": 42}'), post(stock.url, '{"query": 42}')]);
    expect(mine).toEqual(theirs);
  });

  it('joins the two subgraphs (the parity above compares real answers)', async () => {
    const { text: _text, ...res } = await post(ours.url, JSON.stringify(OPERATIONS[0][1]));
    expect(res).toEqual({
      cacheControl: 'no-store',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: { data: { topProducts: [
        { upc: '1', name: 'Table', price: 899, inStock: true, shippingEstimate: 50 },
        { upc: '2', name: 'Couch', price: 1299, inStock: true, shippingEstimate: 0 },
        { upc: '3', name: 'Chair', price: 54, inStock: false, shippingEstimate: 25 },
      ] } },
    });
  });
});

describe('gateway HTTP', () => {
  it('serves the Apollo Sandbox landing page on GET from a browser', async () => {
    const res = await fetch(ours.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('embeddable-sandbox');
  });

  it('serves a self-hosted GraphiQL whose every asset comes from the gateway itself', async () => {
    const base = ours.url.replace(/\/graphql$/, '');
    const page = await fetch(`${base}/graphiql`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual([
      '/graphiql/assets/graphiql.min.css', '/graphiql/assets/react.production.min.js',
      '/graphiql/assets/react-dom.production.min.js', '/graphiql/assets/graphiql.min.js', '/graphiql/assets/init.js',
    ]);
    for (const asset of assets) {
      const res = await fetch(`${base}${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-type'), asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.text()).length, asset).toBeGreaterThan(asset.endsWith('init.js') ? 100 : 10_000);
    }
    expect(await (await fetch(`${base}/graphiql/assets/init.js`)).text()).toContain("GraphiQL.createFetcher({ url: new URL('../graphql', location.href)");
    expect((await fetch(`${base}/graphiql/assets/../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${base}/graphiql/assets/secret.js`)).status).toBe(404);
  });

  it('answers /health', async () => {
    const res = await fetch(ours.url.replace(/\/graphql$/, '/health'));
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('refuses a body that is not JSON with 400 and a clear message', async () => {
    const { text: _text, ...res } = await post(ours.url, '{"query": ');
    expect(res).toEqual({
      cacheControl: null,
      status: 400,
      contentType: 'application/json; charset=utf-8',
      body: { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('refuses a body over 8 MiB with 413', async () => {
    const res = await post(ours.url, JSON.stringify({ query: `{ topProducts { name } } #${'x'.repeat(8 * 1024 * 1024)}` }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ errors: [{ message: 'request body exceeds 8388608 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('answers 404 naming the GraphQL path for other routes', async () => {
    const res = await fetch(ours.url.replace(/\/graphql$/, '/nope'));
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 404, body: { error: 'no route /nope; GraphQL is at /graphql' } });
  });
});

// ---------------------------------------------------------------------------------------------
// The passthrough against a subgraph whose answer bytes a test chooses (any federation subgraph
// may serialize JSON its own way): two of our gateways on the same supergraph, the passthrough
// on and off; the answer with it on must be the answer with it off, byte for byte.

const STUB_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  type Item @key(fields: "id") { id: ID! name: String! price: Float label: String count: Int }
  type Query { item(id: ID!): Item price: Float text: String count: Int! items: [Item!]! }
`;

describe('the passthrough against a subgraph with its own JSON serializer', () => {
  let stub: Server;
  // Variables rather than literals where an ID is given: the planner prints `id: "1"` as `id:1`
  // in the fetch, so a literal ID argument never matches and the passthrough declines.
  /** The stub's next answer: body bytes and headers. */
  let reply: { body: string; headers?: Record<string, string> } = { body: '{"data":{}}' };
  let stubRequests = 0;
  const pair: Record<'on' | 'off', { gateway: Gateway; server: Server; url: string }> = {} as never;

  beforeAll(async () => {
    stub = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        stubRequests++;
        res.writeHead(200, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
      });
    });
    const base = await listen(stub, 0, '127.0.0.1');
    const { supergraphSdl } = composeSupergraph([{ name: 'stub', url: `${base}/graphql`, sdl: STUB_SDL }]);
    for (const mode of ['on', 'off'] as const) {
      const gateway = await buildGateway({ supergraphSdl, passthrough: mode === 'on', resilience: { enabled: false } as never });
      const server = createServer(gateway.handler);
      pair[mode] = { gateway, server, url: `${await listen(server, 0, '127.0.0.1')}/graphql` };
    }
  });
  afterAll(async () => {
    for (const g of Object.values(pair)) {
      await new Promise((resolve) => g.server.close(resolve));
      await g.gateway.stop();
    }
    await new Promise((resolve) => stub?.close(resolve));
  });

  async function answer(url: string, body: string, headers: Record<string, string> = {}) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers }, body });
    return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), text: await res.text() };
  }

  /** Asks `query` of both gateways three times (the first teaches the passthrough); returns what the passthrough served. */
  async function compare(query: string, body: string, headers?: Record<string, string>): Promise<number> {
    reply = { body, headers };
    const payload = JSON.stringify({ query, ...(query.includes('$id') && { variables: { id: '1' } }) });
    const expected = await answer(pair.off.url, payload);
    const served = pair.on.gateway.passthrough!.served;
    for (let i = 0; i < 3; i++) {
      const before = stubRequests;
      expect(await answer(pair.on.url, payload)).toEqual(expected);
      expect(stubRequests - before, 'subgraph requests per answer').toBe(1);
    }
    return pair.on.gateway.passthrough!.served - served;
  }

  // served: answers of the last two requests the passthrough gave itself (the others it hands to the regular path).
  const CASES: [name: string, query: string, subgraphBody: string, served: number, headers?: Record<string, string>][] = [
    ['a Float written 10.0 (Java, Python)', 'query F1 { price }', '{"data":{"price":10.0}}', 2],
    ['non-ASCII and HTML characters \\u-escaped (Gson, System.Text.Json)', 'query F2 { text }', '{"data":{"text":"Caf\\u00e9 \\u003cb\\u003e \\/"}}', 2],
    ['fields in another order than asked', 'query F3($id: ID!) { item(id: $id) { id name } }', '{"data":{"item":{"name":"Lamp","id":"1"}}}', 0],
    ['a field the operation did not ask', 'query F4($id: ID!) { item(id: $id) { id } }', '{"data":{"item":{"id":"1","name":"Lamp"}}}', 0],
    ['null for a non-null field (no error)', 'query F5($id: ID!) { item(id: $id) { id name } }', '{"data":{"item":{"id":"1","name":null}}}', 0],
    ['an Int that is not an integer', 'query F6 { count }', '{"data":{"count":2.5}}', 0],
    ['another top-level key beside data', 'query F7 { text }', '{"data":{"text":"a"},"hasNext":false}', 0],
    ['"errors" with a space before its colon', 'query F8 { text }', '{"data":{"text":null},"errors" : [{"message":"secret internal detail"}]}', 0],
    ['a Long beyond 2^53 in a Float', 'query F9 { price }', '{"data":{"price":9007199254740993}}', 2],
    ['cache-control "public, private" to an anonymous caller', 'query F10 { text }', '{"data":{"text":"a"}}', 2, { 'cache-control': 'max-age=60, public, private' }],
    ['cache-control "max-age=60"', 'query F11 { text }', '{"data":{"text":"a"}}', 2, { 'cache-control': 'max-age=60' }],
    ['cache-control "private, max-age=30, s-maxage=90"', 'query F12 { text }', '{"data":{"text":"a"}}', 2, { 'cache-control': 'private, max-age=30, s-maxage=90' }],
    ['cache-control "no-store, max-age=60"', 'query F13 { text }', '{"data":{"text":"a"}}', 2, { 'cache-control': 'no-store, max-age=60' }],
    ['cache-control "max-age=\\"60\\""', 'query F14 { text }', '{"data":{"text":"a"}}', 2, { 'cache-control': 'max-age="60"' }],
  ];

  it.each(CASES)('answers %s exactly as the regular path', async (_name, query, body, served, headers) => {
    expect(await compare(query, body, headers)).toBe(served);
  });

  it('answers operationName "" (no operation has that name) as the regular path does', async () => {
    reply = { body: '{"data":{"text":"a"}}' };
    const query = 'query G1 { text }';
    await answer(pair.on.url, JSON.stringify({ query })); // learned under no operation name
    const body = JSON.stringify({ query, operationName: '' });
    const served = pair.on.gateway.passthrough!.served;
    expect(await answer(pair.on.url, body)).toEqual(await answer(pair.off.url, body));
    expect(pair.on.gateway.passthrough!.served).toBe(served);
  });

  it.each(['application/json-patch+json', 'text/plain; charset=application/json'])('answers a body sent as %s as the regular path does (CSRF prevention, content type)', async (contentType) => {
    reply = { body: '{"data":{"text":"a"}}' };
    const query = `query G2 { text } # ${contentType}`;
    await answer(pair.on.url, JSON.stringify({ query })); // learned
    const body = JSON.stringify({ query });
    expect(await answer(pair.on.url, body, { 'content-type': contentType })).toEqual(await answer(pair.off.url, body, { 'content-type': contentType }));
  });
});
