import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway, type GatewayOptions } from '../gateway/src/app.ts';
import { loadGatewayConfig } from '../gateway/src/config.ts';
import { DEVELOPMENT_ORIGINS, parseCorsOrigins } from '../gateway/src/cors.ts';
import { listen } from '../gateway/src/listen.ts';
import { startForeignGraph, type ForeignGraph } from './helpers/foreign-graph.ts';

// Browsers on other origins (Sandbox, a web app) reach the gateway through CORS; CSRF
// prevention keeps refusing requests a browser would send without a preflight.
let foreign: ForeignGraph;
const running: { gateway: Gateway; server: Server }[] = [];

async function gatewayWith(opts: Omit<GatewayOptions, 'supergraphSdl'>): Promise<string> {
  const gateway = await buildGateway({ supergraphSdl: foreign.supergraphSdl, ...opts });
  const server = createServer(gateway.handler);
  running.push({ gateway, server });
  return `${await listen(server, 0, '127.0.0.1')}/graphql`;
}

beforeAll(async () => {
  foreign = await startForeignGraph();
});
afterAll(async () => {
  for (const { gateway, server } of running) {
    await new Promise((resolve) => server.close(resolve));
    await gateway.stop();
  }
  await foreign?.close();
});

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
const query = (url: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ product(upc: "1") { name } }' }) });

describe('CORS at the gateway', () => {
  it('lets Sandbox and loopback apps call by default, and names a refused origin', async () => {
    const url = await gatewayWith({});
    for (const origin of ['https://sandbox.embed.apollographql.com', 'https://studio.apollographql.com', 'http://localhost:5173', 'http://127.0.0.1:41234']) {
      const res = await preflight(url, origin);
      expect({ origin, status: res.status, allow: res.headers.get('access-control-allow-origin') }).toEqual({ origin, status: 204, allow: origin });
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
      const answered = await query(url, { origin });
      expect(answered.headers.get('access-control-allow-origin')).toBe(origin);
      expect(await answered.json()).toEqual({ data: { product: { name: 'Table' } } });
    }
    const refused = await preflight(url, 'https://evil.example');
    expect({ status: refused.status, allow: refused.headers.get('access-control-allow-origin'), body: await refused.json() }).toEqual({
      status: 403,
      allow: null,
      body: { error: 'origin https://evil.example is not allowed; add it to CORS_ORIGINS' },
    });
    // A look-alike of a loopback wildcard is not loopback.
    expect((await preflight(url, 'http://localhost.evil.example:80')).status).toBe(403);
    // The actual request carries no allow header, so the browser withholds the answer.
    expect((await query(url, { origin: 'https://evil.example' })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origins, or any with *', async () => {
    const url = await gatewayWith({ cors: ['https://app.example.com'] });
    expect((await preflight(url, 'https://app.example.com')).status).toBe(204);
    expect((await preflight(url, 'http://localhost:5173')).status).toBe(403);
    const open = await gatewayWith({ cors: '*' });
    const res = await preflight(open, 'https://anything.example');
    expect({ status: res.status, allow: res.headers.get('access-control-allow-origin') }).toEqual({ status: 204, allow: '*' });
  });
});

describe('CSRF prevention stays on', () => {
  it('refuses a GET query a page could trigger without a preflight, and accepts it with apollo-require-preflight', async () => {
    const url = await gatewayWith({ cors: '*' });
    const get = `${url}?query=${encodeURIComponent('{ product(upc: "1") { name } }')}`;
    const blocked = await fetch(get);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('Cross-Site Request Forgery');
    const allowed = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: allowed.status, body: await allowed.json() }).toEqual({ status: 200, body: { data: { product: { name: 'Table' } } } });
  });

  it('refuses a text/plain POST (a form or no-cors fetch) before running it', async () => {
    const url = await gatewayWith({ cors: '*' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ product(upc: "1") { name } }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Cross-Site Request Forgery');
  });
});

describe('CORS_ORIGINS', () => {
  it('defaults to Sandbox and loopback in development and to none in production', () => {
    expect(loadGatewayConfig({}, []).cors).toEqual(DEVELOPMENT_ORIGINS);
    expect(loadGatewayConfig({ NODE_ENV: 'production' }, []).cors).toEqual([]);
    expect(loadGatewayConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, http://localhost:*' }, []).cors).toEqual([
      'https://a.example',
      'http://localhost:*',
    ]);
    expect(parseCorsOrigins('*')).toBe('*');
  });

  it('refuses an entry that is not an origin, naming it', () => {
    for (const [raw, bad] of [
      ['https://a.example/path', 'https://a.example/path'],
      ['a.example', 'a.example'],
      ['https://a.example, ftp://b.example', 'ftp://b.example'],
    ]) {
      expect(() => loadGatewayConfig({ CORS_ORIGINS: raw }, [])).toThrow(`CORS_ORIGINS: "${bad}" is not an origin`);
    }
  });
});
