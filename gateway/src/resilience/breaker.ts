import type { BreakerPolicy, CircuitState } from './policy.ts';

/** Leave to make one call; hand it back to `success`, `failure` or `release` exactly once. */
export interface Permit {
  readonly generation: number;
  readonly probe: boolean;
}

const BUCKETS = 10;

/**
 * One subgraph's circuit breaker. Closed: calls go through; it opens after `failures`
 * consecutive failures, or when the failure rate over the last `windowMs` reaches
 * `failureRate` (with at least `minRequests` calls seen). Open: `tryAcquire` refuses until
 * `cooldownMs` passed, then the circuit turns half-open and lets exactly one probe through;
 * the probe's success closes it, its failure opens it again for another cooldown.
 *
 * Outcomes of calls admitted before the last transition are ignored (a slow failure from
 * before the circuit opened does not restart its cooldown; a stale success does not close it).
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #generation = 0;
  #consecutive = 0;
  #openedAt = 0;
  #probing = false;
  readonly #buckets = Array.from({ length: BUCKETS }, () => ({ id: -1, calls: 0, failures: 0 }));

  constructor(
    readonly policy: BreakerPolicy,
    private readonly now: () => number = Date.now,
    private readonly onChange: (state: CircuitState) => void = () => {},
  ) {}

  get state(): CircuitState {
    return this.#state;
  }

  /** A permit to call the subgraph, or null: fail fast without calling it. */
  tryAcquire(): Permit | null {
    if (this.#state === 'open') {
      if (this.now() - this.#openedAt < this.policy.cooldownMs) return null;
      this.#transition('half-open');
    }
    if (this.#state === 'half-open') {
      if (this.#probing) return null;
      this.#probing = true;
      return { generation: this.#generation, probe: true };
    }
    return { generation: this.#generation, probe: false };
  }

  success(permit: Permit): void {
    if (permit.generation !== this.#generation) return;
    if (permit.probe) {
      this.#transition('closed');
      return;
    }
    this.#consecutive = 0;
    this.#count(false);
  }

  failure(permit: Permit): void {
    if (permit.generation !== this.#generation) return;
    if (permit.probe) {
      this.#transition('open');
      return;
    }
    this.#consecutive++;
    const { calls, failures } = this.#count(true);
    const { failures: limit, failureRate, minRequests } = this.policy;
    if (this.#consecutive >= limit || (calls >= minRequests && failures / calls >= failureRate)) this.#transition('open');
  }

  /** The call ended with no verdict on the subgraph (e.g. the caller gave up): a probe may be retried. */
  release(permit: Permit): void {
    if (permit.generation === this.#generation && permit.probe) this.#probing = false;
  }

  #transition(state: CircuitState): void {
    this.#state = state;
    this.#generation++;
    this.#probing = false;
    this.#consecutive = 0;
    if (state === 'open') this.#openedAt = this.now();
    if (state === 'closed') for (const bucket of this.#buckets) Object.assign(bucket, { id: -1, calls: 0, failures: 0 });
    this.onChange(state);
  }

  /** Records a call in the sliding window; returns the window's totals. */
  #count(failed: boolean): { calls: number; failures: number } {
    const width = Math.max(1, this.policy.windowMs / BUCKETS);
    const id = Math.floor(this.now() / width);
    const bucket = this.#buckets[id % BUCKETS];
    if (bucket.id !== id) Object.assign(bucket, { id, calls: 0, failures: 0 });
    bucket.calls++;
    if (failed) bucket.failures++;
    let calls = 0;
    let failures = 0;
    for (const b of this.#buckets) {
      if (b.id > id - BUCKETS) {
        calls += b.calls;
        failures += b.failures;
      }
    }
    return { calls, failures };
  }
}
