/**
 * Exponential backoff with full jitter: a uniformly random wait in [0, min(capMs, baseMs * 2^attempt)),
 * `attempt` counting from 0 for the wait before the first retry.
 */
export function backoffDelay(attempt: number, backoff: { baseMs: number; capMs: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, 0 once past). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  if (!/[a-z]/i.test(raw)) return undefined; // "-1", "1.5": neither form
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before retry number `attempt + 1`: the server's `Retry-After` (cut to `retryAfterCapMs`) if any, else the backoff. */
export function retryDelay(
  attempt: number,
  retryAfter: string | null | undefined,
  policy: { backoff: { baseMs: number; capMs: number }; retryAfterCapMs: number },
  now: number = Date.now(),
  random: () => number = Math.random,
): number {
  const asked = parseRetryAfter(retryAfter, now);
  return asked === undefined ? backoffDelay(attempt, policy.backoff, random) : Math.min(asked, policy.retryAfterCapMs);
}
