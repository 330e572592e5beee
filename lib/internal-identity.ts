import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway -> subgraph trust link: the gateway forwards the verified caller in this
 * header as a short-lived HS256 token signed with the internal secret shared by the gateway
 * and the subgraphs (never the user's own token). Subgraphs refuse requests without it.
 */
export const IDENTITY_HEADER = 'x-allygraph-identity';

/** Who the gateway verified, as a subgraph sees it. `subject` null: an anonymous request. */
export interface ForwardedIdentity {
  subject: string | null;
  roles: string[];
  scopes: string[];
  employeeId: string | null;
  /** The client's operation name, for the audit log. */
  operationName: string | null;
  /** The gateway's request id, for logs. */
  requestId: string | null;
}

const AUDIENCE = 'allygraph-subgraph';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/** Lifetime of a forwarded identity; long enough for one request's fetches. */
export const IDENTITY_TTL_S = 60;

export class IdentityHeaderError extends Error {}

export function signIdentity(secret: Uint8Array, identity: ForwardedIdentity, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(
    JSON.stringify({
      aud: AUDIENCE,
      iat,
      exp: iat + IDENTITY_TTL_S,
      sub: identity.subject,
      roles: identity.roles,
      scopes: identity.scopes,
      emp: identity.employeeId,
      op: identity.operationName,
      rid: identity.requestId,
    }),
  );
  return `${HEADER}.${payload}.${mac(secret, `${HEADER}.${payload}`)}`;
}

/** Seconds a token is still accepted after its `exp` (clock skew between gateway and subgraph). */
const EXPIRY_SKEW_S = 5;

/** Verifies the signature, audience and expiry (5 s skew); throws IdentityHeaderError saying why. */
export function verifyIdentity(secret: Uint8Array, token: string, now = Date.now()): ForwardedIdentity {
  return verifyIdentityUntil(secret, token, now).identity;
}

/**
 * {@link verifyIdentity}, also saying until when (epoch ms) the token is accepted: a caller
 * may remember the verified identity for this exact token until then.
 */
export function verifyIdentityUntil(secret: Uint8Array, token: string, now = Date.now()): { identity: ForwardedIdentity; acceptedUntil: number } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) throw new IdentityHeaderError(`${IDENTITY_HEADER} is not an allygraph identity token`);
  const expected = Buffer.from(mac(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IdentityHeaderError(`${IDENTITY_HEADER} has a bad signature (is INTERNAL_SECRET the gateway's?)`);
  }
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new IdentityHeaderError(`${IDENTITY_HEADER} payload is not JSON`);
  }
  if (claims.aud !== AUDIENCE) throw new IdentityHeaderError(`${IDENTITY_HEADER} is not meant for subgraphs`);
  if (typeof claims.exp !== 'number' || claims.exp + EXPIRY_SKEW_S < now / 1000) throw new IdentityHeaderError(`${IDENTITY_HEADER} expired`);
  return { identity: toIdentity(claims), acceptedUntil: (claims.exp + EXPIRY_SKEW_S) * 1000 };
}

/**
 * The identity in a header without checking its signature: only for a subgraph that trusts
 * any caller (SUBGRAPH_AUTH=off, development). Null when it is not an identity token.
 */
export function readIdentityUnverified(token: string): ForwardedIdentity | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  try {
    return toIdentity(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>);
  } catch {
    return null;
  }
}

function toIdentity(claims: Record<string, unknown>): ForwardedIdentity {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    subject: str(claims.sub),
    roles: strings(claims.roles),
    scopes: strings(claims.scopes),
    employeeId: str(claims.emp),
    operationName: str(claims.op),
    requestId: str(claims.rid),
  };
}

function mac(secret: Uint8Array, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
