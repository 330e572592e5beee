import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { extractTraceContext, tracer, tracingEnabled, withTraceHeaders } from '../../lib/telemetry/tracing.ts';
import type { Logger } from './log.ts';
import type { FetchOutcome, GatewayMetrics } from './metrics.ts';
import { CircuitOpenError, keepAliveFetcher, resilientFetcher, SubgraphTimeoutError, type Fetcher, type ResiliencePolicy } from './resilience/index.ts';

/** What the request handler learns about a request, for its access-log line and metrics. */
export interface RequestNote {
  subject?: string | null;
  operationName?: string | null;
  /** The code of a refusal before GraphQL (401, 413, 429...). */
  code?: string;
}

const notes = new WeakMap<IncomingMessage, RequestNote>();

/** Records facts about `req` for its access-log line (the subject, the operation, a refusal code); returns its note. */
export function noteRequest(req: IncomingMessage | undefined, note: RequestNote): RequestNote {
  if (!req) return { ...note };
  const current = notes.get(req);
  if (current) return Object.assign(current, note);
  const created = { ...note };
  notes.set(req, created);
  return created;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps the gateway's handler: every request to /graphql gets one access-log line when its
 * response ends (method, operation, status, duration, request id, subject), is counted by
 * status, refusals by code (rate-limit refusals apart), and, while tracing is on, runs in a
 * server span continuing the caller's W3C trace context.
 */
export function observeRequests(handler: Handler, opts: { logger: Logger; metrics?: GatewayMetrics }): Handler {
  const { logger, metrics } = opts;
  return (req, res) => {
    if (!(req.url ?? '/').startsWith('/graphql')) return handler(req, res);
    const started = performance.now();
    const span = tracingEnabled() ? startRequestSpan(req) : undefined;
    res.once('close', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const note = notes.get(req) ?? {};
      const requestId = res.getHeader('x-request-id');
      const status = res.statusCode;
      const completed = res.writableFinished;
      metrics?.httpRequest(completed ? status : 'aborted');
      if (note.code) {
        metrics?.error(note.code);
        if (note.code === 'RATE_LIMITED') metrics?.rateLimited();
      }
      const line = {
        method: req.method,
        operationName: note.operationName ?? null,
        status,
        durationMs,
        requestId: typeof requestId === 'string' ? requestId : null,
        subject: note.subject ?? null,
        ...(note.code && { code: note.code }),
        ...(!completed && { aborted: true }),
        ...(span && { traceId: span.spanContext().traceId }),
      };
      if (status >= 500) logger.error(line, 'graphql request');
      else logger.info(line, 'graphql request');
      if (span) endRequestSpan(span, line);
    });
    if (!span) return handler(req, res);
    context.with(trace.setSpan(context.active(), span), () => handler(req, res));
  };
}

function startRequestSpan(req: IncomingMessage): Span {
  return tracer().startSpan(
    'gateway POST /graphql',
    { kind: SpanKind.SERVER, attributes: { 'allygraph.component': 'gateway', 'http.request.method': req.method ?? 'GET', 'url.path': '/graphql' } },
    extractTraceContext(req.headers),
  );
}

function endRequestSpan(span: Span, line: { operationName: string | null; status: number; requestId: string | null; subject: string | null; code?: string }): void {
  span.setAttribute('http.response.status_code', line.status);
  if (line.operationName) {
    span.setAttribute('graphql.operation.name', line.operationName);
    span.updateName(`gateway ${line.operationName}`);
  }
  if (line.requestId) span.setAttribute('allygraph.request_id', line.requestId);
  if (line.subject) span.setAttribute('enduser.id', line.subject);
  if (line.code) span.setAttribute('allygraph.refusal', line.code);
  if (line.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * The fetcher of subgraph `service`: resilient (deadline, retries, circuit breaker) unless
 * `policy.enabled` is false, observed (observedFetcher). Circuit transitions go to the log
 * and to the `allygraph_subgraph_circuit_state` gauge (set to closed here), then to the
 * policy's own `onCircuitChange`.
 */
export function subgraphFetcher(service: string, policy: ResiliencePolicy | undefined, metrics: GatewayMetrics | undefined, logger: Logger): Fetcher {
  if (policy?.enabled === false) return observedFetcher(service, keepAliveFetcher(), metrics);
  metrics?.circuit(service, 'closed');
  const fetcher = resilientFetcher(service, {
    ...policy,
    logger,
    onCircuitChange: (name, state) => {
      metrics?.circuit(name, state);
      policy?.onCircuitChange?.(name, state);
    },
  });
  return observedFetcher(service, fetcher, metrics);
}

/**
 * Wraps a subgraph fetcher (the resilient one, or the bare keep-alive client): times each fetch into the
 * `allygraph_subgraph_fetch_duration_seconds` histogram and, while tracing is on, runs it in
 * a client span whose W3C `traceparent` goes to the subgraph in the request headers.
 */
export function observedFetcher(service: string, fetch: Fetcher, metrics?: GatewayMetrics): Fetcher {
  return async (url, init = {}) => {
    const started = performance.now();
    const span = tracingEnabled()
      ? tracer().startSpan(`subgraph fetch ${service}`, { kind: SpanKind.CLIENT, attributes: { 'allygraph.component': 'gateway', 'allygraph.subgraph': service, 'http.request.method': init.method ?? 'POST', 'url.full': url } })
      : undefined;
    let outcome: FetchOutcome = 'network_error';
    try {
      if (!span) {
        const response = await fetch(url, init);
        outcome = response.ok ? 'ok' : 'http_error';
        return response;
      }
      const ctx = trace.setSpan(context.active(), span);
      const headers = withTraceHeaders(ctx, plainHeaders(init.headers));
      const response = await context.with(ctx, () => fetch(url, { ...init, headers }));
      outcome = response.ok ? 'ok' : 'http_error';
      span.setAttribute('http.response.status_code', response.status);
      return response;
    } catch (error) {
      outcome =
        error instanceof CircuitOpenError ? 'circuit_open'
        : error instanceof SubgraphTimeoutError ? 'timeout'
        : (error as Error)?.name === 'AbortError' ? 'aborted'
        : 'network_error';
      span?.recordException(error as Error);
      throw error;
    } finally {
      metrics?.subgraphFetch(service, outcome, (performance.now() - started) / 1000);
      if (span) {
        span.setAttribute('allygraph.outcome', outcome);
        if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        span.end();
      }
    }
  };
}

/** Fetch headers as a plain object (@apollo/gateway passes one; a Headers instance is copied). */
function plainHeaders(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    const out: Record<string, string> = {};
    (headers as Headers).forEach((value, key) => (out[key] = value));
    return out;
  }
  return headers as Record<string, string>;
}
