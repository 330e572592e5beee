/** A subgraph's circuit: `closed` (calls go through), `open` (fail fast), `half-open` (one probe). */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerPolicy {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** Failure ratio (0 < r <= 1) over `windowMs` that opens the circuit, once `minRequests` were seen. */
  failureRate: number;
  /** Sliding window of the failure rate, in ms. */
  windowMs: number;
  /** Calls the window must hold before the failure rate counts. */
  minRequests: number;
  /** Time the circuit stays open before one probe is let through, in ms. */
  cooldownMs: number;
}

/** Everything that applies to one subgraph, resolved (no optional fields). */
export interface ServicePolicy {
  /** Deadline of one subgraph fetch, retries and their waits included, in ms. */
  timeoutMs: number;
  /** Further attempts after a failed one, for queries only (a mutation is sent once). */
  retries: number;
  /** Exponential backoff with full jitter: a random wait in [0, min(capMs, baseMs * 2^attempt)). */
  backoff: { baseMs: number; capMs: number };
  /** Longest wait a `Retry-After` header (seconds or HTTP date) may ask for; longer asks are cut to this. */
  retryAfterCapMs: number;
  breaker: BreakerPolicy;
}

type Overrides = Partial<Omit<ServicePolicy, 'backoff' | 'breaker'>> & {
  backoff?: Partial<ServicePolicy['backoff']>;
  breaker?: Partial<BreakerPolicy>;
};

/**
 * Timeouts, retries and circuit breaking of subgraph fetches. Every field is optional
 * (DEFAULT_POLICY fills the rest); `services` overrides them per subgraph (lower-case name).
 */
export interface ResiliencePolicy extends Overrides {
  /** `false` sends each subgraph fetch once, with no deadline, retry or breaker. @default true */
  enabled?: boolean;
  /** Per-subgraph overrides, by lower-case subgraph name, e.g. `{ crm: { timeoutMs: 2000 } }`. */
  services?: Record<string, Overrides>;
  /** Called on every circuit transition (for metrics); a throwing hook is ignored. */
  onCircuitChange?: (service: string, state: CircuitState) => void;
}

export const DEFAULT_POLICY: ServicePolicy = {
  timeoutMs: 10_000,
  retries: 2,
  backoff: { baseMs: 50, capMs: 1_000 },
  retryAfterCapMs: 1_000,
  breaker: { failures: 5, failureRate: 0.5, windowMs: 10_000, minRequests: 20, cooldownMs: 5_000 },
};

/** The policy of subgraph `service`: defaults < policy < policy.services[service]; throws naming a bad field. */
export function resolvePolicy(policy: ResiliencePolicy = {}, service = ''): ServicePolicy {
  const own = policy.services?.[service.toLowerCase()] ?? {};
  const resolved: ServicePolicy = {
    timeoutMs: own.timeoutMs ?? policy.timeoutMs ?? DEFAULT_POLICY.timeoutMs,
    retries: own.retries ?? policy.retries ?? DEFAULT_POLICY.retries,
    backoff: { ...DEFAULT_POLICY.backoff, ...policy.backoff, ...own.backoff },
    retryAfterCapMs: own.retryAfterCapMs ?? policy.retryAfterCapMs ?? DEFAULT_POLICY.retryAfterCapMs,
    breaker: { ...DEFAULT_POLICY.breaker, ...policy.breaker, ...own.breaker },
  };
  const where = service ? ` (subgraph ${service})` : '';
  const check = (name: string, value: number, ok: boolean, expected: string) => {
    if (!ok) throw new Error(`resilience.${name} must be ${expected}, got ${value}${where}`);
  };
  const int = (v: number, min: number) => Number.isSafeInteger(v) && v >= min;
  check('timeoutMs', resolved.timeoutMs, int(resolved.timeoutMs, 1), 'a positive integer');
  check('retries', resolved.retries, int(resolved.retries, 0) && resolved.retries <= 10, 'an integer from 0 to 10');
  check('backoff.baseMs', resolved.backoff.baseMs, int(resolved.backoff.baseMs, 0), 'a non-negative integer');
  check('backoff.capMs', resolved.backoff.capMs, int(resolved.backoff.capMs, 0), 'a non-negative integer');
  check('retryAfterCapMs', resolved.retryAfterCapMs, int(resolved.retryAfterCapMs, 0), 'a non-negative integer');
  check('breaker.failures', resolved.breaker.failures, int(resolved.breaker.failures, 1), 'a positive integer');
  const rate = resolved.breaker.failureRate;
  check('breaker.failureRate', rate, rate > 0 && rate <= 1, 'a number in (0, 1]');
  check('breaker.windowMs', resolved.breaker.windowMs, int(resolved.breaker.windowMs, 1), 'a positive integer');
  check('breaker.minRequests', resolved.breaker.minRequests, int(resolved.breaker.minRequests, 1), 'a positive integer');
  check('breaker.cooldownMs', resolved.breaker.cooldownMs, int(resolved.breaker.cooldownMs, 1), 'a positive integer');
  return resolved;
}

type Env = Record<string, string | undefined>;

/**
 * Reads SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUT_MS_<NAME> (one subgraph), SUBGRAPH_RETRIES,
 * CIRCUIT_FAILURES and CIRCUIT_COOLDOWN_MS; unset or empty keeps DEFAULT_POLICY. Throws naming
 * the variable and its value when one is invalid.
 */
export function loadResilienceConfig(env: Env): ResiliencePolicy {
  const policy: ResiliencePolicy = {};
  const timeout = integer(env, 'SUBGRAPH_TIMEOUT_MS', 1);
  if (timeout !== undefined) policy.timeoutMs = timeout;
  const retries = integer(env, 'SUBGRAPH_RETRIES', 0, 10);
  if (retries !== undefined) policy.retries = retries;
  const failures = integer(env, 'CIRCUIT_FAILURES', 1);
  const cooldownMs = integer(env, 'CIRCUIT_COOLDOWN_MS', 1);
  if (failures !== undefined || cooldownMs !== undefined) {
    policy.breaker = { ...(failures !== undefined && { failures }), ...(cooldownMs !== undefined && { cooldownMs }) };
  }
  for (const key of Object.keys(env)) {
    const match = /^SUBGRAPH_TIMEOUT_MS_(.+)$/.exec(key);
    const value = match ? integer(env, key, 1) : undefined;
    if (match && value !== undefined) (policy.services ??= {})[match[1].toLowerCase()] = { timeoutMs: value };
  }
  return policy;
}

function integer(env: Env, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? (min === 0 ? 'a non-negative integer' : 'a positive integer') : `an integer from ${min} to ${max}`;
    throw new Error(`${name} must be ${range}, got "${env[name]}"`);
  }
  return value;
}
