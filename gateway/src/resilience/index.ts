export { backoffDelay, parseRetryAfter, retryDelay } from './backoff.ts';
export { CircuitBreaker, type Permit } from './breaker.ts';
export { CircuitOpenError, operationKind, resilientFetcher, SubgraphTimeoutError, type Fetcher, type ResilientFetcher, type ResilientFetcherOptions } from './fetcher.ts';
export { DEFAULT_POLICY, loadResilienceConfig, resolvePolicy, type BreakerPolicy, type CircuitState, type ResiliencePolicy, type ServicePolicy } from './policy.ts';
export { keepAliveFetcher } from './http-client.ts';
