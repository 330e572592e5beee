import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { runtimeOptions, loadGatewayConfig } from '../gateway/src/config.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { startGraph, TEST_AUTH, type TestGraph } from './helpers/graph.ts';

// Header rules: chosen client headers reach the subgraphs, chosen subgraph headers reach the client.
let graph: TestGraph;
let gateway: Gateway;
let server: Server;
let proxy: Server;
let url: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  graph = await startGraph();
  // In front of crm: records what the gateway sends, adds headers to what crm answers.
  proxy = createServer((req, res) => {
    seen.push(req.headers);
    const upstream = httpRequest(graph.subgraphUrls.crm, { method: 'POST', headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, 'set-cookie': 'crm-session=abc; HttpOnly', 'x-crm-version': '7', 'x-private': 'no' });
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  const crm = `${await listen(proxy, 0, '127.0.0.1')}/graphql`;
  gateway = await buildGateway({
    supergraphSdl: graph.supergraphSdl,
    internalSecret: graph.internalSecret,
    subgraphUrls: { crm },
    authenticator: createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() }),
    headers: { request: ['accept-language', 'x-tenant'], response: ['set-cookie', 'x-crm-version'] },
  });
  server = createServer(gateway.handler);
  url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
});
afterAll(async () => {
  if (server) await closeServer(server);
  await gateway?.stop();
  if (proxy) await closeServer(proxy);
  await graph?.close();
});

describe('header rules', () => {
  it('copies the listed request headers to subgraphs and passes the listed response headers back', async () => {
    seen.length = 0;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.token({ roles: ['it'] })}`,
        'accept-language': 'de-CH',
        'x-tenant': 'acme',
        'x-not-listed': 'secret',
      },
      body: JSON.stringify({ query: '{ segments { id } }' }),
    });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ 'accept-language': 'de-CH', 'x-tenant': 'acme' });
    expect(seen[0]['x-not-listed']).toBeUndefined();
    // The client's own token never reaches a subgraph: the gateway's signed identity does.
    expect(seen[0].authorization).toBeUndefined();
    expect(seen[0]['x-allygraph-identity']).toBeDefined();
    expect(res.headers.getSetCookie()).toEqual(['crm-session=abc; HttpOnly']);
    expect(res.headers.get('x-crm-version')).toBe('7');
    expect(res.headers.get('x-private')).toBeNull();
  });

  it('reads the rules from PROPAGATE_*_HEADERS and refuses headers the gateway owns', async () => {
    const options = (env: Record<string, string>) => runtimeOptions(loadGatewayConfig({ RATE_LIMIT: 'off', ...env }, []), { DATA_DIR: '.data', ...env });
    expect((await options({ PROPAGATE_REQUEST_HEADERS: 'Accept-Language, x-tenant', PROPAGATE_RESPONSE_HEADERS: 'set-cookie' })).headers).toEqual({
      request: ['accept-language', 'x-tenant'],
      response: ['set-cookie'],
    });
    await expect(options({ PROPAGATE_REQUEST_HEADERS: 'authorization' })).rejects.toThrow(
      'PROPAGATE_REQUEST_HEADERS: authorization is set by the gateway itself and cannot be propagated',
    );
    await expect(options({ PROPAGATE_RESPONSE_HEADERS: 'bad header' })).rejects.toThrow('PROPAGATE_RESPONSE_HEADERS: "bad header" is not a header name');
  });
});
