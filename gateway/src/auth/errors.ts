/** Why a presented token was refused; every one is answered with HTTP 401. */
export type AuthErrorCode = 'TOKEN_MALFORMED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_NOT_YET_VALID' | 'TOKEN_CLAIM_INVALID';

/**
 * A request's credentials were refused. The message says exactly what was wrong (which
 * claim, which time, which algorithm) and never contains the token itself.
 */
export class AuthError extends Error {
  readonly status = 401;
  constructor(readonly code: AuthErrorCode, message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/**
 * The token could not be checked because the identity provider's keys (JWT_JWKS_URL) could
 * not be fetched: the server's problem, not the client's, hence 503 rather than 401.
 */
export class AuthUnavailableError extends Error {
  readonly status = 503;
  readonly code = 'AUTH_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthUnavailableError';
  }
}

/** A bad auth setting (environment variable, roles file, dev secret file); the message names it. */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

/** Quotes a value taken from a token for an error message, cut short so a hostile claim cannot flood logs. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
