import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetcher } from '../gateway/src/resilience/index.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';

/** The subgraph HTTP client against a real server: reuse, headers, bodies, failures. */
describe('keep-alive subgraph client', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<unknown>();
  let hang = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        if (hang) return; // never answers
        if (req.url === '/fail') return res.writeHead(503, 'Busy', { 'retry-after': '2' }).end('busy');
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, body, contentType: req.headers['content-type'], identity: req.headers['x-allygraph-identity'] }));
      });
    });
    url = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closeServer(server);
  });

  it('sends method, headers and body; reads status, headers and JSON; reuses one socket', async () => {
    const fetch = keepAliveFetcher();
    sockets.clear();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-allygraph-identity': 'signed' }, body: `{"query":"{ a${i} }"}` });
      expect(res.ok).toBe(true);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(await res.json()).toEqual({ method: 'POST', body: `{"query":"{ a${i} }"}`, contentType: 'application/json', identity: 'signed' });
      expect(res.bodyUsed).toBe(true);
      await expect(res.text()).rejects.toThrow('body used already');
    }
    expect(sockets.size).toBe(1);
  });

  it('returns non-2xx answers as responses', async () => {
    const res = await keepAliveFetcher()(`${url}/fail`, { method: 'POST', body: '{}' });
    expect({ ok: res.ok, status: res.status, statusText: res.statusText, retryAfter: res.headers.get('retry-after'), body: await res.text() }).toEqual({
      ok: false,
      status: 503,
      statusText: 'Busy',
      retryAfter: '2',
      body: 'busy',
    });
  });

  it('rejects with AbortError when the signal fires, and at once when already aborted', async () => {
    hang = true;
    try {
      const started = performance.now();
      await expect(keepAliveFetcher()(`${url}/graphql`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'AbortError' });
      expect(performance.now() - started).toBeLessThan(2000);
      const aborted = AbortSignal.abort();
      await expect(keepAliveFetcher()(`${url}/graphql`, { method: 'POST', body: '{}', signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      hang = false;
    }
  });

  it('reports a refused connection on any port (no WHATWG port block list)', async () => {
    await expect(keepAliveFetcher()('http://127.0.0.1:1/graphql', { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
