import { SignJWT } from 'jose';
import type { AuthConfig } from './config.ts';

export interface MintOptions {
  /** Key, `iss`, `aud` and known roles: from loadAuthConfig, so the gateway accepts what is minted. */
  config: Pick<AuthConfig, 'secret' | 'issuer' | 'audience' | 'roles'>;
  /** Roles (claim `roles`); each must be in `config.roles`. */
  roles?: string[];
  /** `sub`. @default `dev-<first role>` */
  subject?: string;
  /** `employee_id`. */
  employeeId?: string;
  /** Extra scopes (claim `scope`, space-separated), granted on top of the roles' scopes. */
  scopes?: string[];
  /** Lifetime: seconds, or `90s`, `15m`, `1h`, `7d` (at most 30d). @default 1h */
  ttl?: string | number;
  /** Mint a token that expired an hour ago (well beyond any clock skew), for testing refusals. */
  expired?: boolean;
  /** The time to mint at. @default now */
  now?: Date;
}

/** A mint request that cannot be honoured (unknown role, bad ttl, no HS256 secret); the message says which. */
export class MintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MintError';
  }
}

const MAX_TTL_S = 30 * 86_400;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Signs an HS256 token with the configured secret, for development and tests (production
 * tokens come from the identity provider). Throws MintError naming the bad option.
 */
export async function mintToken(opts: MintOptions): Promise<string> {
  const { config, roles = [], scopes = [] } = opts;
  if (!config.secret) throw new MintError('no HS256 secret is configured (JWT_SECRET); with only JWT_JWKS_URL, tokens come from the identity provider');
  for (const role of roles) {
    if (!config.roles.has(role)) throw new MintError(`unknown role "${role}" (known roles: ${[...config.roles.keys()].join(', ')})`);
  }
  for (const scope of scopes) {
    if (!/^\S+$/.test(scope)) throw new MintError(`scope ${JSON.stringify(scope)} must be non-empty without spaces`);
  }
  if (opts.employeeId === '') throw new MintError('employee id must not be empty');
  const ttl = parseTtl(opts.ttl ?? '1h');
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const exp = opts.expired ? now - 3600 : now + ttl;
  const claims: Record<string, unknown> = { roles };
  if (scopes.length > 0) claims.scope = scopes.join(' ');
  if (opts.employeeId !== undefined) claims.employee_id = opts.employeeId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.subject ?? `dev-${roles[0] ?? 'user'}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(exp - ttl)
    .setExpirationTime(exp)
    .sign(config.secret);
}

/** Parses a token lifetime: whole seconds, or a number with s, m, h or d; 1 second to 30 days. */
export function parseTtl(raw: string | number): number {
  const match = typeof raw === 'number' ? [String(raw), String(raw), 's'] : /^(\d+)([smhd])?$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * UNITS[match[2] ?? 's'] : NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TTL_S) {
    throw new MintError(`ttl must be a duration like 90s, 15m, 1h or 7d (1s to 30d), got "${raw}"`);
  }
  return seconds;
}

/**
 * A token source for an in-process client (the feed sync of `npm start`, tests): mints a
 * token for `opts` and mints a new one a minute before it expires.
 */
export function mintedTokenSource(opts: Omit<MintOptions, 'ttl' | 'expired' | 'now'>, ttlS = 3600): () => Promise<string> {
  let current: { token: Promise<string>; renewAt: number } | undefined;
  return () => {
    if (!current || Date.now() >= current.renewAt) {
      current = { token: mintToken({ ...opts, ttl: ttlS }), renewAt: Date.now() + (ttlS - 60) * 1000 };
    }
    return current.token;
  };
}
