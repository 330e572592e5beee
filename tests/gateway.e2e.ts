import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
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
