import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { operationLabels } from '../../lib/telemetry/labels.ts';
import type { GatewayContext } from './context.ts';
import type { CircuitState } from './resilience/index.ts';

/** How an operation ended: no error, some data beside errors, or errors only. */
export type OperationOutcome = 'ok' | 'partial' | 'error';
/** How a subgraph fetch (all its attempts) ended. */
export type FetchOutcome = 'ok' | 'http_error' | 'timeout' | 'circuit_open' | 'network_error' | 'aborted';

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics, one Registry per gateway (several gateways may share a
 * process). Served at `/metrics`; the methods are how the rest of the gateway records.
 */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** A finished request to /graphql, by HTTP status (`aborted`: the client left before the answer). */
  httpRequest(status: number | 'aborted'): void;
  /** A GraphQL operation's duration, by operation name (bounded: see operationLabels) and outcome. */
  operation(name: string | null | undefined, outcome: OperationOutcome, seconds: number): void;
  /** One subgraph fetch (retries included), by subgraph and outcome. */
  subgraphFetch(service: string, outcome: FetchOutcome, seconds: number): void;
  /** A subgraph fetch answered by an identical fetch already under way (shared-fetches.ts), by subgraph. */
  sharedFetch(service: string): void;
  /** One error sent to a client, by `extensions.code` (refusals before GraphQL included). */
  error(code: string): void;
  /** A subgraph's circuit: gauge 0 closed, 1 half-open, 2 open. */
  circuit(service: string, state: CircuitState): void;
  /** A request refused by the rate limit (429). */
  rateLimited(): void;
  /** A response-cache lookup. */
  cache(result: 'hit' | 'miss'): void;
  /** The Prometheus text exposition of everything above plus the process metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({ name: 'allygraph_http_requests_total', help: 'Requests to /graphql, by HTTP status', labelNames: ['status'], registers });
  const operations = new Histogram({
    name: 'allygraph_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration in seconds, by operation name and outcome (ok, partial, error)',
    labelNames: ['operation', 'outcome'],
    buckets: SECONDS,
    registers,
  });
  const fetches = new Histogram({
    name: 'allygraph_subgraph_fetch_duration_seconds',
    help: 'Subgraph fetch duration in seconds (retries included), by subgraph and outcome',
    labelNames: ['service', 'outcome'],
    buckets: SECONDS,
    registers,
  });
  const shared = new Counter({ name: 'allygraph_subgraph_fetches_shared_total', help: 'Subgraph fetches not sent: answered by an identical fetch already under way, by subgraph', labelNames: ['service'], registers });
  const errors = new Counter({ name: 'allygraph_graphql_errors_total', help: 'Errors sent to clients, by extensions.code', labelNames: ['code'], registers });
  const circuits = new Gauge({ name: 'allygraph_subgraph_circuit_state', help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open', labelNames: ['service'], registers });
  const refusals = new Counter({ name: 'allygraph_rate_limit_refusals_total', help: 'Requests refused by the rate limit (429)', registers });
  const cache = new Counter({ name: 'allygraph_cache_requests_total', help: 'Response cache lookups, by result (hit, miss)', labelNames: ['result'], registers });
  const label = operationLabels();
  return {
    registry,
    httpRequest: (status) => requests.inc({ status: String(status) }),
    operation: (name, outcome, seconds) => operations.observe({ operation: label(name), outcome }, seconds),
    subgraphFetch: (service, outcome, seconds) => fetches.observe({ service, outcome }, seconds),
    sharedFetch: (service) => shared.inc({ service }),
    error: (code) => errors.inc({ code }),
    circuit: (service, state) => circuits.set({ service }, CIRCUIT_VALUE[state]),
    rateLimited: () => refusals.inc(),
    cache: (result) => cache.inc({ result }),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

/** Answers a scrape of `/metrics`. */
export async function serveMetrics(res: ServerResponse, metrics: GatewayMetrics): Promise<void> {
  const { contentType, body } = await metrics.render();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}

/**
 * Times each operation and counts the errors of each response by code. Add it after the
 * masking plugin: the codes counted are those the client receives.
 */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const seconds = (performance.now() - started) / 1000;
          const name = operationName ?? request.operationName;
          if (response.body.kind !== 'single') return metrics.operation(name, 'ok', seconds);
          const { errors, data } = response.body.singleResult;
          for (const error of errors ?? []) metrics.error(typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
          metrics.operation(name, !errors?.length ? 'ok' : data ? 'partial' : 'error', seconds);
        },
      };
    },
  };
}
