import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { createLogger } from '../gateway/src/log.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';
import { createRateLimiter } from '../gateway/src/rate-limit.ts';
import { startTracing, tracingSettings, type Tracing } from '../lib/telemetry/tracing.ts';
import { ADMIN, startGraph, TEST_AUTH, type As, type TestGraph } from './helpers/graph.ts';

// Logs, metrics and traces of one graph: JSON log lines captured from the gateway's logger and
// the subgraphs' Fastify loggers, /metrics scraped before and after queries, and spans exported
// over OTLP/HTTP (JSON) to a receiver in this process.

type Line = Record<string, unknown>;
const gatewayLines: Line[] = [];
const subgraphLines: Line[] = [];
const sink = (lines: Line[]) => ({ write: (line: string) => void lines.push(JSON.parse(line) as Line) });

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  service: unknown;
}
const exported: OtlpSpan[] = [];
const otlpRequests: { path: string; contentType: string | undefined }[] = [];

let receiver: Server;
let tracing: Tracing;
let graph: TestGraph;
const closers: (() => Promise<unknown>)[] = [];

/** A minimal OTLP/HTTP JSON receiver: keeps every span it is sent. */
function otlpReceiver(): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      otlpRequests.push({ path: req.url ?? '', contentType: req.headers['content-type'] });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { resource: { attributes: Attr[] }; scopeSpans: { spans: (Omit<OtlpSpan, 'attributes' | 'service'> & { attributes?: Attr[] })[] }[] }[];
      };
      for (const rs of body.resourceSpans) {
        const service = attrs(rs.resource.attributes)['service.name'];
        for (const ss of rs.scopeSpans) for (const span of ss.spans) exported.push({ ...span, attributes: attrs(span.attributes ?? []), service });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
}
type Attr = { key: string; value: Record<string, unknown> };
const attrs = (list: Attr[]) => Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));

beforeAll(async () => {
  receiver = otlpReceiver();
  const endpoint = await listen(receiver, 0, '127.0.0.1');
  tracing = (await startTracing(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'allygraph-test' }, 'unused')))!;
  graph = await startGraph({ logger: createLogger({ level: 'info', destination: sink(gatewayLines) }) }, { logger: { level: 'info', stream: sink(subgraphLines) } });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await graph?.close();
  await tracing?.shutdown();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function post(query: string, headers: Record<string, string> = {}, as: As = ADMIN, url = graph.url) {
  const auth: Record<string, string> = as ? { authorization: `Bearer ${await graph.token(as)}` } : {};
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

/** Prometheus text of `base`/metrics. */
async function scrape(base: string): Promise<{ text: string; contentType: string | null }> {
  const res = await fetch(new URL('/metrics', base));
  expect(res.status).toBe(200);
  return { text: await res.text(), contentType: res.headers.get('content-type') };
}

/** The value of one series (`name{labels}` with labels in any order); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

const CUSTOMER = 'query ObsCustomer { customer(id: "cus-000446") { id firstName } }';

describe('gateway /metrics', () => {
  it('serves Prometheus text whose counters move with each request', async () => {
    const before = (await scrape(graph.url)).text;
    const res = await post(CUSTOMER);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const { text, contentType } = await scrape(graph.url);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const op = { operation: 'ObsCustomer', outcome: 'ok' };
    expect(value(text, 'allygraph_graphql_operation_duration_seconds_count', op) - value(before, 'allygraph_graphql_operation_duration_seconds_count', op)).toBe(1);
    expect(value(text, 'allygraph_graphql_operation_duration_seconds_sum', op)).toBeGreaterThan(0);
    expect(value(text, 'allygraph_http_requests_total', { status: '200' }) - value(before, 'allygraph_http_requests_total', { status: '200' })).toBe(1);
    const fetches = { service: 'crm', outcome: 'ok' };
    expect(value(text, 'allygraph_subgraph_fetch_duration_seconds_count', fetches)).toBeGreaterThan(value(before, 'allygraph_subgraph_fetch_duration_seconds_count', fetches));
    for (const service of ['crm', 'campaigns', 'sales', 'hr']) expect(text).toContain(`allygraph_subgraph_circuit_state{service="${service}"} 0`);
    for (const name of ['allygraph_graphql_errors_total', 'allygraph_rate_limit_refusals_total', 'allygraph_cache_requests_total', 'process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('counts errors by code: FORBIDDEN from GraphQL, UNAUTHENTICATED from a refused token', async () => {
    const before = (await scrape(graph.url)).text;
    const denied = await post('query ObsPii { customer(id: "cus-000446") { id email phone } }', {}, { roles: ['analyst'], subject: 'obs-analyst' });
    expect(denied.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const refused = await post(CUSTOMER, { authorization: 'Bearer not-a-token' }, null);
    expect(refused.status).toBe(401);
    const after = (await scrape(graph.url)).text;
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('allygraph_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(2);
    expect(delta('allygraph_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('allygraph_graphql_operation_duration_seconds_count', { operation: 'ObsPii', outcome: 'partial' })).toBe(1);
    expect(delta('allygraph_http_requests_total', { status: '401' })).toBe(1);
  });
});

describe('failures are seen in the logs and the metrics', () => {
  it('an unreachable subgraph: fetch failure logged with the request id, circuit open (gauge 2), rate-limit refusals counted', async () => {
    const lines: Line[] = [];
    const gateway = await buildGateway({
      supergraphSdl: graph.supergraphSdl,
      internalSecret: graph.internalSecret,
      authenticator: createAuthenticator({ required: false, secret: graph.jwtSecret, ...TEST_AUTH, roles: loadRoles() }),
      subgraphUrls: { hr: 'http://127.0.0.1:1/graphql' },
      resilience: { retries: 0, breaker: { failures: 1 } },
      rateLimiter: await createRateLimiter({ limit: 2, windowMs: 60_000 }),
      logger: createLogger({ level: 'warn', destination: sink(lines) }),
    });
    const server = createServer(gateway.handler);
    const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
    closers.push(() => gateway.stop(), () => closeServer(server, 1_000));

    const res = await post('query ObsDown { employees(first: 1) { edges { node { id } } } }', { 'x-request-id': 'obs-down-1' }, ADMIN, url);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'subgraph circuit changed', service: 'hr', state: 'open' }),
      expect.objectContaining({ level: 'error', msg: 'subgraph fetch failed', service: 'hr', requestId: 'obs-down-1', error: expect.stringContaining('ECONNREFUSED') }),
    ]);
    expect((await post(CUSTOMER, {}, ADMIN, url)).status).toBe(200);
    const limited = await post(CUSTOMER, { 'x-request-id': 'obs-limited-1' }, ADMIN, url);
    expect(limited.status).toBe(429);

    const { text } = await scrape(url);
    expect(value(text, 'allygraph_subgraph_circuit_state', { service: 'hr' })).toBe(2);
    expect(value(text, 'allygraph_subgraph_circuit_state', { service: 'crm' })).toBe(0);
    expect(value(text, 'allygraph_subgraph_fetch_duration_seconds_count', { service: 'hr', outcome: 'network_error' })).toBe(1);
    expect(value(text, 'allygraph_graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE' })).toBe(1);
    expect(value(text, 'allygraph_graphql_operation_duration_seconds_count', { operation: 'ObsDown', outcome: 'error' })).toBe(1);
    expect(value(text, 'allygraph_rate_limit_refusals_total')).toBe(1);
    expect(value(text, 'allygraph_graphql_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
    expect(value(text, 'allygraph_http_requests_total', { status: '429' })).toBe(1);
    // Access lines are info: this logger (warn) wrote none.
    expect(lines.filter((l) => l.msg === 'graphql request')).toEqual([]);
  });
});

describe('subgraph /metrics', () => {
  it('serves request durations by operation, errors by code and the database pool', async () => {
    const crm = graph.subgraphUrls.crm;
    const before = (await scrape(crm)).text;
    await post(CUSTOMER);
    // Called directly without the gateway's signed identity: 401 UNAUTHENTICATED, request id echoed.
    const direct = await fetch(crm, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'obs-direct-1' }, body: '{"query":"{ segments { id } }"}' });
    expect({ status: direct.status, requestId: direct.headers.get('x-request-id') }).toEqual({ status: 401, requestId: 'obs-direct-1' });
    const { text, contentType } = await scrape(crm);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = (t: string, labels: Record<string, string>) => value(t, 'allygraph_subgraph_request_duration_seconds_count', { service: 'crm', ...labels });
    // The gateway names its subgraph operations <client operation>__<subgraph>__<n>.
    expect(count(text, { operation: 'ObsCustomer__crm__0', outcome: 'ok' }) - count(before, { operation: 'ObsCustomer__crm__0', outcome: 'ok' })).toBe(1);
    expect(count(text, { outcome: 'error' }) - count(before, { outcome: 'error' })).toBe(1);
    const unauthenticated = { service: 'crm', code: 'UNAUTHENTICATED' };
    expect(value(text, 'allygraph_subgraph_errors_total', unauthenticated) - value(before, 'allygraph_subgraph_errors_total', unauthenticated)).toBe(1);
    expect(value(text, 'allygraph_db_pool_connections', { service: 'crm' })).toBeGreaterThan(0);
    for (const name of ['allygraph_db_pool_idle_connections', 'allygraph_db_pool_waiting_requests', 'process_cpu_user_seconds_total']) {
      expect(text).toMatch(new RegExp(`^${name}\\{service="crm"\\} \\d+`, 'm'));
    }
  });
});

describe('request ids in the logs', () => {
  it('the client x-request-id is in the gateway access line and in the subgraphs request lines', async () => {
    const res = await post(CUSTOMER, { 'x-request-id': 'obs-req-1' });
    expect(res.headers.get('x-request-id')).toBe('obs-req-1');
    expect(gatewayLines.filter((l) => l.requestId === 'obs-req-1')).toEqual([
      expect.objectContaining({ level: 'info', name: 'gateway', msg: 'graphql request', method: 'POST', operationName: 'ObsCustomer', status: 200, subject: 'test-admin', durationMs: expect.any(Number), time: expect.any(String) }),
    ]);
    expect(subgraphLines.filter((l) => l.requestId === 'obs-req-1')).toEqual([
      expect.objectContaining({ level: 'info', name: 'subgraph-crm', msg: 'graphql request', operationName: 'ObsCustomer__crm__0', statusCode: 200, outcome: 'ok', durationMs: expect.any(Number) }),
    ]);
  });

  it('an access line for a refusal names its code; a generated request id is used when the client sends none', async () => {
    const refused = await post(CUSTOMER, { authorization: 'Bearer not-a-token', 'x-request-id': 'obs-req-2' }, null);
    expect(refused.status).toBe(401);
    expect(gatewayLines.filter((l) => l.requestId === 'obs-req-2')).toEqual([expect.objectContaining({ msg: 'graphql request', status: 401, code: 'UNAUTHENTICATED', subject: null })]);
    const res = await post(CUSTOMER);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(gatewayLines.filter((l) => l.requestId === id)).toHaveLength(1);
    expect(subgraphLines.filter((l) => l.requestId === id).map((l) => l.name)).toEqual(['subgraph-crm']);
  });
});

describe('traces over OTLP/HTTP', () => {
  it('gateway, subgraph fetch, subgraph request and SQL spans share one trace', { timeout: 20_000 }, async () => {
    const res = await post('query ObsTrace { customer(id: "cus-000446") { id accountManager { name } } }', { 'x-request-id': 'obs-trace-1' });
    expect(res.body.errors).toBeUndefined();
    await tracing.flush();
    expect(otlpRequests.length).toBeGreaterThan(0);
    expect(otlpRequests.every((r) => r.path === '/v1/traces' && r.contentType?.startsWith('application/json'))).toBe(true);

    const root = exported.find((s) => s.name === 'gateway ObsTrace');
    expect(root).toMatchObject({ kind: 2, attributes: { 'allygraph.request_id': 'obs-trace-1', 'graphql.operation.name': 'ObsTrace', 'http.response.status_code': 200 }, service: 'allygraph-test' });
    const trace = exported.filter((s) => s.traceId === root!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (span: OtlpSpan): string[] => {
      const names: string[] = [];
      for (let p = span.parentSpanId && byId.get(span.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId)) names.push(p.name);
      return names;
    };
    for (const service of ['crm', 'hr']) {
      const fetchSpan = trace.find((s) => s.name === `subgraph fetch ${service}`);
      expect(fetchSpan, `subgraph fetch ${service}`).toMatchObject({ kind: 3, attributes: { 'allygraph.outcome': 'ok', 'http.response.status_code': 200 } });
      expect(ancestors(fetchSpan!)).toContain('gateway ObsTrace');
      // The subgraph continued the trace from the traceparent header: its span is the fetch span's child.
      const served = trace.find((s) => s.name === `subgraph ${service}`);
      expect(served, `subgraph ${service}`).toMatchObject({ kind: 2, parentSpanId: fetchSpan!.spanId, attributes: { 'allygraph.request_id': 'obs-trace-1' } });
      const sql = trace.filter((s) => s.name.startsWith('sql ') && ancestors(s)[0] === `subgraph ${service}`);
      expect(sql.length, `SQL spans under subgraph ${service}`).toBeGreaterThan(0);
      expect(sql[0]).toMatchObject({ kind: 3, attributes: { 'db.system.name': 'postgresql', 'db.query.text': expect.stringMatching(/SELECT/i) } });
    }
    // @apollo/gateway's own spans (plan, execute, fetch) join the same trace.
    expect(trace.map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.plan', 'gateway.execute']));
    // The access log line names the trace.
    expect(gatewayLines.find((l) => l.requestId === 'obs-trace-1')).toMatchObject({ traceId: root!.traceId });
  });

  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT and refuses a malformed one', () => {
    expect(tracingSettings({}, 'allygraph-gateway')).toBeNull();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'allygraph-gateway')).toEqual({ endpoint: 'http://collector:4318', serviceName: 'allygraph-gateway' });
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'x')).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "collector:4318"');
  });
});
