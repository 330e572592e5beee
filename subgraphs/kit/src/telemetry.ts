import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { operationLabels } from '../../../lib/telemetry/labels.ts';
import { LOG_FORMAT } from '../../../lib/telemetry/logging.ts';
import { extractTraceContext, tracer, tracingEnabled } from '../../../lib/telemetry/tracing.ts';
import type { Db } from './db.ts';

/** Subgraph logs: off (false), Fastify's pino at `info` (true), or a level and where the JSON lines go. */
export type SubgraphLogger = boolean | { level: string; stream?: { write(line: string): void } };

/** What the gateway may send as x-request-id; anything else gets a fresh id. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * Fastify's own request lines (incoming, completed) are left out: {@link instrumentSubgraph}
 * writes one line per GraphQL request instead. Its error lines stay.
 */
class SubgraphLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (error) super.requestCompleted(error, request, reply, metadata);
  }
}

/**
 * Fastify options for a subgraph's logs: the gateway's JSON line format, and `requestId` on
 * every line of a request — the caller's `x-request-id` (the gateway's request id), else a new UUID.
 */
export function fastifyLogging(name: string, logger: SubgraphLogger | undefined): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'> {
  return {
    logger: logger ? { name: `subgraph-${name}`, ...LOG_FORMAT, ...(logger === true ? { level: 'info' } : logger) } : false,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new SubgraphLogController(),
  };
}

export interface SubgraphTelemetry {
  readonly registry: Registry;
  /** Counts a response's errors by `extensions.code`; the request's outcome becomes `error`. */
  errors(request: FastifyRequest | undefined, codes: readonly string[]): void;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * A subgraph's logs, metrics and traces. Add it first (its onRequest hook echoes the request
 * id before any refusal):
 * - `x-request-id` echoed on every response; one `graphql request` log line per /graphql
 *   request (operation, status, duration, outcome) with the request id;
 * - Prometheus at GET /metrics, one Registry per server: request duration by operation and
 *   outcome, errors by code, the database pool (connections, idle, waiting), process metrics;
 * - while tracing is on (decided now): a server span per /graphql request continuing the
 *   gateway's `traceparent`, active while resolvers run, so SQL spans (db.ts) are its children.
 */
export function instrumentSubgraph(app: FastifyInstance, name: string, db: Db): SubgraphTelemetry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: name });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const duration = new Histogram({
    name: 'allygraph_subgraph_request_duration_seconds',
    help: 'GraphQL request duration in seconds, by operation name and outcome (ok, error)',
    labelNames: ['operation', 'outcome'],
    buckets: SECONDS,
    registers,
  });
  const errors = new Counter({ name: 'allygraph_subgraph_errors_total', help: 'GraphQL errors answered, by extensions.code', labelNames: ['code'], registers });
  const pool = (metric: string, help: string, read: () => number) =>
    new Gauge({
      name: metric,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  pool('allygraph_db_pool_connections', 'Database connections open in the pool', () => db.pool.total);
  pool('allygraph_db_pool_idle_connections', 'Open database connections not in use', () => db.pool.idle);
  pool('allygraph_db_pool_waiting_requests', 'Queries waiting for a free database connection', () => db.pool.waiting);
  const label = operationLabels();
  const failed = new WeakSet<FastifyRequest>();
  const spans = new WeakMap<FastifyRequest, Span>();
  const tracing = tracingEnabled();
  const isGraphql = (request: FastifyRequest) => request.url.startsWith('/graphql');

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (tracing && isGraphql(request)) {
      const span = tracer().startSpan(
        `subgraph ${name}`,
        { kind: SpanKind.SERVER, attributes: { 'allygraph.component': 'subgraph', 'allygraph.subgraph': name, 'http.request.method': request.method, 'url.path': '/graphql', 'allygraph.request_id': request.id } },
        extractTraceContext(request.headers),
      );
      spans.set(request, span);
    }
    done();
  });
  if (tracing) {
    // After the body is read (its stream events run outside the request's context): the
    // route handler runs from `done`, so resolvers and their SQL see the request's span.
    app.addHook('preHandler', (request, _reply, done) => {
      const span = spans.get(request);
      if (!span) return done();
      context.with(trace.setSpan(context.active(), span), done);
    });
    app.addHook('onRequestAbort', (request, done) => {
      spans.get(request)?.setStatus({ code: SpanStatusCode.ERROR, message: 'aborted' }).end();
      spans.delete(request);
      done();
    });
  }
  app.addHook('onResponse', (request, reply, done) => {
    if (!isGraphql(request)) return done();
    const operationName = operationOf(request.body);
    const outcome = reply.statusCode >= 400 || failed.has(request) ? 'error' : 'ok';
    duration.observe({ operation: label(operationName), outcome }, reply.elapsedTime / 1000);
    const line = { operationName, statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10, outcome };
    if (reply.statusCode >= 500) request.log.error(line, 'graphql request');
    else request.log.info(line, 'graphql request');
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (operationName) span.setAttribute('graphql.operation.name', operationName);
      if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      spans.delete(request);
    }
    done();
  });
  app.get('/metrics', async (_request, reply) => {
    const body = await registry.metrics();
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(body);
  });
  return {
    registry,
    errors(request, codes) {
      for (const code of codes) errors.inc({ code });
      if (request && codes.length > 0) failed.add(request);
    },
  };
}

/** The operation name of a GraphQL POST body: `operationName`, else the document's first named operation. */
function operationOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName) return operationName;
  if (typeof query !== 'string') return null;
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? null;
}
