import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTHeaderParameters, type FlattenedJWSInput } from 'jose';
import type { AuthConfig } from './config.ts';
import { AuthError, AuthUnavailableError, quote } from './errors.ts';
import { identityFromClaims, type Identity } from './identity.ts';
import { ExpiringMap } from '../../../lib/expiring-map.ts';

export { AuthConfigError, AuthError, AuthUnavailableError, type AuthErrorCode } from './errors.ts';
export { devSecretPath, loadAuthConfig, type AuthConfig } from './config.ts';
export type { Identity } from './identity.ts';

/** Signature algorithms for identity-provider keys fetched from JWT_JWKS_URL. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface Authenticator {
  /**
   * Verifies the `Authorization` header's bearer token. Resolves null when there is no header
   * (whether anonymous requests may run is the caller's decision, see AuthConfig.required);
   * throws AuthError (401) when a token is presented but refused, AuthUnavailableError (503)
   * when the identity provider's keys cannot be fetched.
   */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
  /** The algorithms accepted: HS256 with a secret, RS256 and ES256 with a JWKS URL. */
  readonly algorithms: readonly string[];
}

/**
 * Builds the token verifier for one configuration. Only the configured algorithms are
 * accepted (never `none`; HS256 only with a secret, RS256/ES256 only with JWKS). JWKS keys
 * are cached, and refetched on an unknown `kid` at most once per cooldown.
 */
export function createAuthenticator(cfg: AuthConfig): Authenticator {
  const { secret, jwksUrl } = cfg;
  const algorithms = [...(secret ? ['HS256'] : []), ...(jwksUrl ? JWKS_ALGORITHMS : [])];
  if (algorithms.length === 0) throw new Error('createAuthenticator: AuthConfig has neither secret nor jwksUrl');
  const jwks = jwksUrl
    ? createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: cfg.jwksCooldownMs ?? 30_000, timeoutDuration: cfg.jwksTimeoutMs ?? 5_000 })
    : undefined;

  async function key(header: JWTHeaderParameters, token: FlattenedJWSInput) {
    if (header.alg === 'HS256' && secret) return secret;
    if (!jwks) throw new AuthError('TOKEN_INVALID', `token algorithm ${quote(header.alg)} is not accepted`);
    try {
      return await jwks(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey) {
        throw new AuthError('TOKEN_INVALID', `token is signed with a key the identity provider does not publish (kid ${quote(header.kid ?? null)}, alg ${header.alg})`);
      }
      if (err instanceof errors.JWKSMultipleMatchingKeys) {
        throw new AuthError('TOKEN_INVALID', `token has no "kid" header and several published keys could have signed it (alg ${header.alg})`);
      }
      throw new AuthUnavailableError(`cannot fetch the signing keys at JWT_JWKS_URL ${jwksUrl}: ${(err as Error).message}`, { cause: err });
    }
  }

  const verified = new ExpiringMap<Identity>(MAX_REMEMBERED);

  async function authenticate(authorization: string | undefined): Promise<Identity | null> {
    if (authorization === undefined) return null;
    const match = /^Bearer +(\S+) *$/i.exec(authorization.trim());
    if (!match) throw new AuthError('TOKEN_MALFORMED', 'Authorization header must be "Bearer <token>"');
    const token = match[1];
    const known = verified.get(token);
    if (known) return known;
    if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) {
      throw new AuthError('TOKEN_MALFORMED', 'token is not a JWT (expected header.payload.signature, base64url-encoded)');
    }
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthError('TOKEN_MALFORMED', 'token header is not base64url-encoded JSON');
    }
    if (typeof alg !== 'string' || !algorithms.includes(alg)) {
      throw new AuthError('TOKEN_INVALID', `token algorithm ${quote(alg ?? null)} is not accepted (accepted: ${algorithms.join(', ')})`);
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms,
        issuer: cfg.issuer,
        audience: cfg.audience,
        requiredClaims: ['exp'],
        clockTolerance: cfg.clockSkewS,
      }));
    } catch (err) {
      throw translate(err, cfg);
    }
    const identity = identityFromClaims(payload, cfg.roles);
    // Remembered while verifying again would pass (jose: valid while now < exp + skew), at most REMEMBER_MS.
    verified.set(token, identity, Math.min(((payload.exp as number) + cfg.clockSkewS) * 1000 - 1, Date.now() + REMEMBER_MS));
    return identity;
  }

  return { authenticate, algorithms };
}

/**
 * Tokens already verified (signature, issuer, audience, dates) are remembered by their exact
 * text until they expire (with the clock skew allowed) or for REMEMBER_MS, whichever comes
 * first (keys may rotate meanwhile): a client sending the same token on every request pays for
 * one verification, not one per request.
 */
const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 10_000;

/** Turns jose's errors into AuthErrors that say which claim or check failed. */
function translate(err: unknown, cfg: AuthConfig): Error {
  if (err instanceof AuthError || err instanceof AuthUnavailableError) return err;
  if (err instanceof errors.JWTExpired) {
    return new AuthError('TOKEN_EXPIRED', `token expired at ${isoTime(err.payload.exp)}`);
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = err;
    const value = payload[claim];
    if (reason === 'missing') {
      const expected = claim === 'iss' ? ` (expected "${cfg.issuer}")` : claim === 'aud' ? ` (expected "${cfg.audience}")` : '';
      return new AuthError('TOKEN_CLAIM_INVALID', `token has no "${claim}" claim${expected}`);
    }
    if (reason === 'invalid') return new AuthError('TOKEN_CLAIM_INVALID', `token "${claim}" claim must be a number, got ${quote(value)}`);
    if (claim === 'nbf') return new AuthError('TOKEN_NOT_YET_VALID', `token is not valid before ${isoTime(value)}`);
    if (claim === 'iss') return new AuthError('TOKEN_CLAIM_INVALID', `token issuer ${quote(value)} is not "${cfg.issuer}"`);
    if (claim === 'aud') {
      return new AuthError(
        'TOKEN_CLAIM_INVALID',
        Array.isArray(value) ? `token audience ${quote(value)} does not include "${cfg.audience}"` : `token audience ${quote(value)} is not "${cfg.audience}"`,
      );
    }
    return new AuthError('TOKEN_CLAIM_INVALID', `token "${claim}" claim is invalid`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthError('TOKEN_INVALID', 'token signature is invalid');
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthError('TOKEN_INVALID', 'token algorithm is not accepted');
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
    return new AuthError('TOKEN_MALFORMED', `token is malformed: ${err.message}`);
  }
  if (err instanceof errors.JOSEError) return new AuthError('TOKEN_INVALID', `token cannot be verified: ${err.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** `2026-11-22T21:00:00Z` for a NumericDate (seconds since the epoch). */
function isoTime(seconds: unknown): string {
  const date = typeof seconds === 'number' ? new Date(seconds * 1000) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().replace(/\.000Z$/, 'Z') : quote(seconds);
}
