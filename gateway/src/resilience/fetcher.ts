import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Kind, parse } from 'graphql';
import { keepAliveFetcher } from './http-client.ts';
import { retryDelay } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';
import { resolvePolicy, type CircuitState, type ResiliencePolicy } from './policy.ts';
import { log, type Logger } from '../log.ts';

/** The `fetcher` RemoteGraphQLDataSource accepts (@apollo/utils.fetcher's Fetcher). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Refused without calling the subgraph: its circuit is open (or half-open with its probe under way). */
export class CircuitOpenError extends Error {
  readonly circuit = 'open';
  constructor(readonly serviceName: string) {
    super(`circuit of subgraph ${serviceName} is open: failing fast`);
    this.name = 'CircuitOpenError';
  }
}

/** The subgraph fetch (all attempts) did not complete within its deadline. */
export class SubgraphTimeoutError extends Error {
  constructor(readonly serviceName: string, readonly timeoutMs: number) {
    super(`subgraph ${serviceName} did not answer within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

export interface ResilientFetcherOptions extends ResiliencePolicy {
  /** Clock (ms) of the breaker's cooldown and window and of `Retry-After` dates. @default Date.now */
  now?: () => number;
  /** Source of the backoff jitter, in [0, 1). @default Math.random */
  random?: () => number;
  /** Where circuit transitions are logged (warn). @default the gateway logger (log.ts) */
  logger?: Pick<Logger, 'warn'>;
}

export type ResilientFetcher = Fetcher & { readonly breaker: CircuitBreaker };

/**
 * Wraps `fetch` (by default the keep-alive client of http-client.ts) for subgraph `serviceName` with its
 * policy (resolvePolicy): a deadline over the whole fetch, retries of queries (never of
 * mutations) with full-jitter backoff or the subgraph's `Retry-After`, and a circuit breaker.
 * Failures are network errors, the deadline, and HTTP 5xx or 429; any other answer (GraphQL
 * errors in a 200 included) is a success. The last failed answer is returned as is (the data
 * source turns it into an error); a refused call throws CircuitOpenError, a timeout
 * SubgraphTimeoutError.
 */
export function resilientFetcher(serviceName: string, options: ResilientFetcherOptions = {}, fetch: Fetcher = keepAliveFetcher()): ResilientFetcher {
  const policy = resolvePolicy(options, serviceName);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const breaker = new CircuitBreaker(policy.breaker, now, (state) => circuitChanged(options.logger ?? log, serviceName, state, options.onCircuitChange));

  const fetcher = async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    const retryable = operationKind(init.body) === 'query';
    const deadlineAt = now() + policy.timeoutMs;
    const deadline = AbortSignal.timeout(policy.timeoutMs);
    const caller = init.signal as AbortSignal | undefined;
    const signal = caller ? AbortSignal.any([deadline, caller]) : deadline;
    let last: { response: FetcherResponse } | { error: unknown } | undefined;
    for (let attempt = 0; ; attempt++) {
      const permit = breaker.tryAcquire();
      if (!permit) {
        if (!last) throw new CircuitOpenError(serviceName);
        break;
      }
      try {
        const response = await fetch(url, { ...init, signal });
        if (response.status < 500 && response.status !== 429) {
          breaker.success(permit);
          return response;
        }
        breaker.failure(permit);
        last = { response };
      } catch (error) {
        if (caller?.aborted && !deadline.aborted) {
          breaker.release(permit);
          throw error;
        }
        breaker.failure(permit);
        last = { error: deadline.aborted ? new SubgraphTimeoutError(serviceName, policy.timeoutMs) : error };
      }
      if (!retryable || attempt >= policy.retries) break;
      const retryAfter = 'response' in last ? last.response.headers.get('retry-after') : undefined;
      const wait = retryDelay(attempt, retryAfter, policy, now(), random);
      if (now() + wait >= deadlineAt) break;
      if ('response' in last) last.response.arrayBuffer().catch(() => {}); // frees the connection
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if ('response' in last!) return last.response;
    throw last!.error;
  };
  return Object.assign(fetcher, { breaker });
}

function circuitChanged(logger: Pick<Logger, 'warn'>, service: string, state: CircuitState, hook?: (service: string, state: CircuitState) => void): void {
  logger.warn({ service, state }, 'subgraph circuit changed');
  try {
    hook?.(service, state);
  } catch {
    // a metrics hook must not break subgraph fetches
  }
}

/**
 * The kind of operation a subgraph fetch's JSON body carries (`query` text as the gateway
 * sends it); undefined when unreadable (e.g. an APQ hash alone), which is never retried.
 */
export function operationKind(body: unknown): 'query' | 'mutation' | 'subscription' | undefined {
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
  if (text === undefined) return undefined;
  // What the gateway sends: JSON.stringify({ query, ... }) of an operation it printed itself.
  const printed = /^\{"query":"(query|mutation|subscription)[ ({]/.exec(text)?.[1];
  if (printed) return printed as 'query' | 'mutation' | 'subscription';
  let query: unknown;
  try {
    query = (JSON.parse(text) as { query?: unknown } | null)?.query;
  } catch {
    return undefined;
  }
  if (typeof query !== 'string') return undefined;
  const first = /^(?:[\s,\uFEFF]|#[^\n\r]*)*(\{|query\b|mutation\b|subscription\b|fragment\b)/.exec(query)?.[1];
  if (first === '{') return 'query';
  if (first && first !== 'fragment') return first as 'query' | 'mutation' | 'subscription';
  try {
    const operation = parse(query, { noLocation: true }).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation : undefined;
  } catch {
    return undefined;
  }
}
