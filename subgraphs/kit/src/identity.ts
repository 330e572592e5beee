import { ExpiringMap } from '../../../lib/expiring-map.ts';
import { verifyIdentityUntil, type ForwardedIdentity } from '../../../lib/internal-identity.ts';

/** Verifies a gateway identity header: the identity, or IdentityHeaderError saying why not. */
export type IdentityVerifier = (header: string, now?: number) => ForwardedIdentity;

/**
 * {@link verifyIdentityUntil} with a memory: a header already verified answers the same
 * identity, without the HMAC and JSON work, until its expiry (skew included), exactly when
 * verifying it again would start failing. The gateway signs once per client request and
 * reuses the header for every fetch of that request, and the benchmark's callers reuse
 * theirs for seconds. Only verified headers are remembered, keyed by their exact text (the
 * signature is part of it), so a forged or expired one is checked and refused every time.
 */
export function cachedIdentityVerifier(secret: Uint8Array, opts: { max?: number } = {}): IdentityVerifier {
  const verified = new ExpiringMap<ForwardedIdentity>(opts.max ?? 1024);
  return (header, now = Date.now()) => {
    const hit = verified.get(header, now);
    if (hit) return hit;
    const fresh = verifyIdentityUntil(secret, header, now);
    // Shared by every request that sends this header: nobody may change it under another.
    Object.freeze(fresh.identity.roles);
    Object.freeze(fresh.identity.scopes);
    Object.freeze(fresh.identity);
    verified.set(header, fresh.identity, fresh.acceptedUntil);
    return fresh.identity;
  };
}
