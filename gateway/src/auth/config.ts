import { resolve } from 'node:path';
import { developmentSecret, SecretConfigError } from '../../../lib/secrets.ts';
import { AuthConfigError } from './errors.ts';
import { loadRoles, type RoleMap } from './roles.ts';

export interface AuthConfig {
  /**
   * `AUTH_REQUIRED`: refuse requests without a token. When false, a request without one
   * runs anonymously (a presented token is still verified). @default true when NODE_ENV=production
   */
  required: boolean;
  /**
   * `JWT_SECRET` (at least 32 bytes): accept HS256 tokens signed with it. Outside production,
   * with neither JWT_SECRET nor JWT_JWKS_URL set, a development secret kept in
   * `$DATA_DIR/jwt-secret` (see {@link devSecretPath}).
   */
  secret?: Uint8Array;
  /** `JWT_JWKS_URL`: accept RS256/ES256 tokens signed by a key the identity provider publishes here. */
  jwksUrl?: string;
  /** `JWT_ISSUER`: required `iss`. @default allygraph */
  issuer: string;
  /** `JWT_AUDIENCE`: required `aud`. @default allygraph */
  audience: string;
  /** `JWT_CLOCK_SKEW_S`: leeway for `exp` and `nbf`, in seconds (0-300). @default 30 */
  clockSkewS: number;
  /** `ROLES_FILE`: role -> scopes. @default config/roles.json */
  roles: RoleMap;
  /** `JWT_JWKS_COOLDOWN_MS`: minimum time between JWKS refetches caused by an unknown `kid`. @default 30000 */
  jwksCooldownMs?: number;
  /** `JWT_JWKS_TIMEOUT_MS`: how long a JWKS fetch may take. @default 5000 */
  jwksTimeoutMs?: number;
}

type Env = Record<string, string | undefined>;

/** HS256 keys shorter than the hash output are guessable; RFC 7518 §3.2 requires at least 256 bits. */
const MIN_SECRET_BYTES = 32;

/**
 * The only reader of the environment for authentication; throws AuthConfigError naming the
 * bad variable. Outside production, with no key configured, creates (once) and reads the
 * development secret file so `npm start` and `npm run token` agree.
 */
export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  let secret: Uint8Array | undefined = env.JWT_SECRET ? new TextEncoder().encode(env.JWT_SECRET) : undefined;
  if (secret && secret.length < MIN_SECRET_BYTES) {
    throw new AuthConfigError(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes, got ${secret.length}`);
  }
  const jwksUrl = env.JWT_JWKS_URL ? httpUrl('JWT_JWKS_URL', env.JWT_JWKS_URL) : undefined;
  if (!secret && !jwksUrl) {
    if (production) {
      throw new AuthConfigError(
        'JWT_JWKS_URL (your identity provider\'s signing keys) or JWT_SECRET (a shared HS256 secret) must be set when NODE_ENV=production',
      );
    }
    secret = devSecret(devSecretPath(env));
  }
  return {
    required: bool('AUTH_REQUIRED', env.AUTH_REQUIRED, production),
    secret,
    jwksUrl,
    issuer: env.JWT_ISSUER || 'allygraph',
    audience: env.JWT_AUDIENCE || 'allygraph',
    clockSkewS: int(env, 'JWT_CLOCK_SKEW_S', 30, 0, 300),
    roles: loadRoles(undefined, env),
    jwksCooldownMs: int(env, 'JWT_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
    jwksTimeoutMs: int(env, 'JWT_JWKS_TIMEOUT_MS', 5_000, 1, 60_000),
  };
}

/** Where the development HS256 secret lives: `$DATA_DIR/jwt-secret` (DATA_DIR defaults to ./.data). */
export function devSecretPath(env: Env = process.env): string {
  return resolve(env.DATA_DIR || '.data', 'jwt-secret');
}

function devSecret(path: string): Uint8Array {
  try {
    return developmentSecret(path);
  } catch (err) {
    if (err instanceof SecretConfigError) throw new AuthConfigError(err.message);
    throw err;
  }
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new AuthConfigError(`${name} must be true or false, got "${raw}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AuthConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function httpUrl(name: string, raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new AuthConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}
