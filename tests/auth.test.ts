import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { identityFromClaims } from '../gateway/src/auth/identity.ts';
import {
  AuthConfigError,
  AuthError,
  AuthUnavailableError,
  createAuthenticator,
  devSecretPath,
  loadAuthConfig,
  type AuthConfig,
} from '../gateway/src/auth/jwt.ts';
import { MintError, mintToken, parseTtl } from '../gateway/src/auth/mint.ts';
import { DEFAULT_ROLES_FILE, loadRoles, SCOPES } from '../gateway/src/auth/roles.ts';
import { spawnScript } from './helpers/process.ts';

const roles = loadRoles();
const secret = new TextEncoder().encode(randomBytes(32).toString('hex'));
const now = () => Math.floor(Date.now() / 1000);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allygraph-auth-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hsConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return { required: false, secret, issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30, roles, ...overrides };
}

/** Signs `claims` (with valid iss/aud/sub/exp unless overridden) using `key` and `alg`. */
async function sign(claims: JWTPayload, key: CryptoKey | Uint8Array = secret, alg = 'HS256', kid?: string): Promise<string> {
  const t = now();
  return new SignJWT({ sub: 'alice', iss: 'allygraph', aud: 'allygraph', iat: t, exp: t + 600, ...claims })
    .setProtectedHeader(kid ? { alg, kid } : { alg })
    .sign(key);
}

/** The AuthError `authenticate` refused with; fails the test if it accepted, and checks the token is not echoed. */
async function refusal(authenticate: (h: string) => Promise<unknown>, header: string): Promise<AuthError> {
  const err = await authenticate(header).then(
    () => expect.fail('token was accepted'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  const token = header.replace(/^\S+\s+/, '');
  if (token.length > 8) expect((err as Error).message).not.toContain(token);
  return err as AuthError;
}

describe('HS256 tokens', () => {
  const { authenticate } = createAuthenticator(hsConfig());

  it('map roles to scopes and read sub and employee_id', async () => {
    const token = await sign({ roles: ['analyst'], employee_id: 'emp-0001' });
    expect(await authenticate(`Bearer ${token}`)).toEqual({
      subject: 'alice',
      roles: ['analyst'],
      scopes: ['campaigns:read', 'crm:read', 'hr:read', 'sales:read'],
      employeeId: 'emp-0001',
    });
    const single = await sign({ role: 'hr' });
    expect(await authenticate(`bearer ${single}`)).toEqual({
      subject: 'alice',
      roles: ['hr'],
      scopes: ['hr:read', 'hr:reviews', 'hr:write'],
      employeeId: null,
    });
  });

  it('grant the union of the roles\' scopes and the token\'s own scope claim', async () => {
    const token = await sign({ roles: ['hr', 'feed-sync'], scope: 'audit:read  openid crm:read' });
    const identity = await authenticate(`Bearer ${token}`);
    expect(identity?.roles).toEqual(['hr', 'feed-sync']);
    expect(identity?.scopes).toEqual(['audit:read', 'campaigns:read', 'crm:read', 'feeds:sync', 'hr:read', 'hr:reviews', 'hr:write', 'openid', 'sales:read']);
    const scopeOnly = await authenticate(`Bearer ${await sign({ scope: 'feeds:sync' })}`);
    expect(scopeOnly).toMatchObject({ roles: [], scopes: ['feeds:sync'] });
  });

  it('return null without an Authorization header', async () => {
    expect(await authenticate(undefined)).toBeNull();
  });

  it('refuse a header that is not a bearer JWT as TOKEN_MALFORMED', async () => {
    for (const header of ['Basic xyz', 'Bearer', 'Bearer a b', '', 'eyJhbGciOi']) {
      const err = await refusal(authenticate, header);
      expect(err).toMatchObject({ code: 'TOKEN_MALFORMED', status: 401, message: 'Authorization header must be "Bearer <token>"' });
    }
    expect(await refusal(authenticate, 'Bearer garbage')).toMatchObject({ code: 'TOKEN_MALFORMED', message: expect.stringContaining('not a JWT') });
    expect(await refusal(authenticate, 'Bearer a.b.c')).toMatchObject({ code: 'TOKEN_MALFORMED', message: expect.stringContaining('header') });
  });

  it('refuse a forged token (other secret) as TOKEN_INVALID', async () => {
    const forged = await sign({ roles: ['it'] }, new TextEncoder().encode('y'.repeat(32)));
    expect(await refusal(authenticate, `Bearer ${forged}`)).toMatchObject({ code: 'TOKEN_INVALID', message: 'token signature is invalid' });
  });

  it('refuse an unsigned alg:none token', async () => {
    const t = now();
    const unsigned = new UnsecuredJWT({ roles: ['it'] }).setSubject('mallory').setIssuer('allygraph').setAudience('allygraph').setExpirationTime(t + 600).encode();
    expect(await refusal(authenticate, `Bearer ${unsigned}`)).toMatchObject({
      code: 'TOKEN_INVALID',
      message: 'token algorithm "none" is not accepted (accepted: HS256)',
    });
  });

  it('refuse a token expired beyond the clock skew, naming when it expired', async () => {
    const exp = now() - 120;
    const token = await sign({ roles: ['analyst'], iat: exp - 600, exp });
    expect(await refusal(authenticate, `Bearer ${token}`)).toMatchObject({ code: 'TOKEN_EXPIRED', message: `token expired at ${iso(exp)}` });
  });

  it('remember a verified token only until it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const strict = createAuthenticator(hsConfig({ clockSkewS: 0 }));
      const exp = now() + 2;
      const token = await sign({ roles: ['analyst'], exp });
      const first = await strict.authenticate(`Bearer ${token}`);
      expect(await strict.authenticate(`Bearer ${token}`)).toBe(first); // remembered, not verified again
      vi.setSystemTime((exp + 1) * 1000);
      expect(await refusal(strict.authenticate, `Bearer ${token}`)).toMatchObject({ code: 'TOKEN_EXPIRED' });
      // A forged token with the same claims is never mistaken for the remembered one.
      const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
      vi.setSystemTime((exp - 1) * 1000);
      expect(await refusal(strict.authenticate, `Bearer ${forged}`)).toMatchObject({ code: 'TOKEN_INVALID' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('accept a token expired within the clock skew', async () => {
    const token = await sign({ roles: ['analyst'], exp: now() - 10 });
    expect(await authenticate(`Bearer ${token}`)).toMatchObject({ subject: 'alice' });
    const strict = createAuthenticator(hsConfig({ clockSkewS: 0 }));
    expect(await refusal(strict.authenticate, `Bearer ${token}`)).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuse a token that is not yet valid, naming when it will be', async () => {
    const nbf = now() + 120;
    const token = await sign({ roles: ['analyst'], nbf });
    expect(await refusal(authenticate, `Bearer ${token}`)).toMatchObject({ code: 'TOKEN_NOT_YET_VALID', message: `token is not valid before ${iso(nbf)}` });
    expect(await authenticate(`Bearer ${await sign({ roles: ['analyst'], nbf: now() + 10 })}`)).not.toBeNull();
  });

  it('refuse a wrong or missing audience, issuer or expiry as TOKEN_CLAIM_INVALID naming the claim', async () => {
    const cases: [JWTPayload, string][] = [
      [{ aud: 'x' }, 'token audience "x" is not "allygraph"'],
      [{ aud: ['x', 'y'] }, 'token audience ["x","y"] does not include "allygraph"'],
      [{ aud: undefined }, 'token has no "aud" claim (expected "allygraph")'],
      [{ iss: 'https://evil.example' }, 'token issuer "https://evil.example" is not "allygraph"'],
      [{ iss: undefined }, 'token has no "iss" claim (expected "allygraph")'],
      [{ exp: undefined }, 'token has no "exp" claim'],
      [{ sub: undefined }, 'token has no "sub" claim'],
      [{ roles: 'analyst' }, 'token "roles" claim must be an array of strings, got "analyst"'],
      [{ scope: ['crm:read'] }, 'token "scope" claim must be a space-separated string, got ["crm:read"]'],
      [{ employee_id: 7 }, 'token "employee_id" claim must be a non-empty string, got 7'],
    ];
    for (const [claims, message] of cases) {
      const err = await refusal(authenticate, `Bearer ${await sign({ roles: ['analyst'], ...claims })}`);
      expect(err, message).toMatchObject({ code: 'TOKEN_CLAIM_INVALID', message });
    }
    const multi = await sign({ roles: ['analyst'], aud: ['other', 'allygraph'] });
    expect(await authenticate(`Bearer ${multi}`)).not.toBeNull();
  });

  it('refuse an unknown role, naming it', async () => {
    const err = await refusal(authenticate, `Bearer ${await sign({ roles: ['analyst', 'superuser'] })}`);
    expect(err.code).toBe('TOKEN_CLAIM_INVALID');
    expect(err.message).toMatch(/^token role "superuser" is unknown \(known roles: marketing, .*feed-sync\)$/);
    const proto = await refusal(authenticate, `Bearer ${await sign({ role: 'constructor' })}`);
    expect(proto.message).toContain('token role "constructor" is unknown');
  });

  it('honours JWT_ISSUER and JWT_AUDIENCE', async () => {
    const custom = createAuthenticator(hsConfig({ issuer: 'https://idp.example', audience: 'api://allygraph' }));
    const token = await sign({ roles: ['analyst'], iss: 'https://idp.example', aud: 'api://allygraph' });
    expect(await custom.authenticate(`Bearer ${token}`)).toMatchObject({ subject: 'alice' });
    expect(await refusal(custom.authenticate, `Bearer ${await sign({ roles: ['analyst'] })}`)).toMatchObject({
      message: 'token issuer "allygraph" is not "https://idp.example"',
    });
  });
});

describe('identityFromClaims', () => {
  it('unions `roles` and `role`, dedupes, and defaults employeeId to null', () => {
    expect(identityFromClaims({ sub: 's', roles: ['analyst', 'hr'], role: 'analyst' }, roles)).toEqual({
      subject: 's',
      roles: ['analyst', 'hr'],
      scopes: ['campaigns:read', 'crm:read', 'hr:read', 'hr:reviews', 'hr:write', 'sales:read'],
      employeeId: null,
    });
  });
});

describe('JWKS (RS256 and ES256 from an identity provider)', () => {
  const COOLDOWN_MS = 1000;
  let server: Server;
  let url: string;
  let fetches = 0;
  let served: JWK[] = [];
  let rsa: { privateKey: CryptoKey; jwk: JWK };
  let ec: { privateKey: CryptoKey; jwk: JWK };

  async function keyPair(alg: 'RS256' | 'ES256', kid: string) {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
  }

  beforeAll(async () => {
    rsa = await keyPair('RS256', 'rsa-1');
    ec = await keyPair('ES256', 'ec-1');
    served = [rsa.jwk, ec.jwk];
    server = createServer((req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const jwksConfig = () => hsConfig({ secret: undefined, jwksUrl: url, jwksCooldownMs: COOLDOWN_MS, jwksTimeoutMs: 2000 });

  it('accepts tokens signed by published RS256 and ES256 keys, refetching only for a new kid and at most once per cooldown', async () => {
    fetches = 0;
    const { authenticate, algorithms } = createAuthenticator(jwksConfig());
    expect(algorithms).toEqual(['RS256', 'ES256']);
    expect(await authenticate(`Bearer ${await sign({ roles: ['service'] }, rsa.privateKey, 'RS256', 'rsa-1')}`)).toMatchObject({ roles: ['service'] });
    expect(await authenticate(`Bearer ${await sign({ roles: ['it'] }, ec.privateKey, 'ES256', 'ec-1')}`)).toMatchObject({ roles: ['it'] });
    for (let i = 0; i < 5; i++) await authenticate(`Bearer ${await sign({ roles: ['analyst'] }, ec.privateKey, 'ES256', 'ec-1')}`);
    expect(fetches).toBe(1);

    // The provider rotates: a new RSA key with a new kid; the old one is withdrawn.
    const rotated = await keyPair('RS256', 'rsa-2');
    served = [rotated.jwk, ec.jwk];
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const fresh = await sign({ roles: ['analyst'], sub: 'bob' }, rotated.privateKey, 'RS256', 'rsa-2');
    expect(await authenticate(`Bearer ${fresh}`)).toMatchObject({ subject: 'bob' });
    expect(fetches).toBe(2);

    // A flood of tokens with unknown kids inside the cooldown fetches nothing; after it, one fetch.
    const stranger = await keyPair('RS256', 'ghost');
    const ghost = `Bearer ${await sign({ roles: ['it'] }, stranger.privateKey, 'RS256', 'ghost')}`;
    const flood = async () => Promise.all(Array.from({ length: 20 }, () => refusal(authenticate, ghost)));
    for (const err of await flood()) {
      expect(err).toMatchObject({ code: 'TOKEN_INVALID', message: 'token is signed with a key the identity provider does not publish (kid "ghost", alg RS256)' });
    }
    expect(fetches).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    await flood();
    expect(fetches).toBe(3);
  });

  it('refuses a token signed by a key not in the JWKS, even under a published kid', async () => {
    const { authenticate } = createAuthenticator(jwksConfig());
    const impostor = await keyPair('ES256', 'ec-1');
    const token = await sign({ roles: ['it'] }, impostor.privateKey, 'ES256', 'ec-1');
    expect(await refusal(authenticate, `Bearer ${token}`)).toMatchObject({ code: 'TOKEN_INVALID', message: 'token signature is invalid' });
  });

  it('refuses HS256 when only JWKS is configured, and RS256 when only a secret is', async () => {
    const jwksOnly = createAuthenticator(jwksConfig());
    expect(await refusal(jwksOnly.authenticate, `Bearer ${await sign({ roles: ['it'] })}`)).toMatchObject({
      code: 'TOKEN_INVALID',
      message: 'token algorithm "HS256" is not accepted (accepted: RS256, ES256)',
    });
    const secretOnly = createAuthenticator(hsConfig());
    const rs = await sign({ roles: ['it'] }, rsa.privateKey, 'RS256', 'rsa-1');
    expect(await refusal(secretOnly.authenticate, `Bearer ${rs}`)).toMatchObject({
      code: 'TOKEN_INVALID',
      message: 'token algorithm "RS256" is not accepted (accepted: HS256)',
    });
    const both = createAuthenticator({ ...jwksConfig(), secret });
    expect(both.algorithms).toEqual(['HS256', 'RS256', 'ES256']);
    expect(await both.authenticate(`Bearer ${await sign({ roles: ['hr'] })}`)).toMatchObject({ roles: ['hr'] });
  });

  it('answers 503 (AuthUnavailableError), not 401, when the JWKS cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks`;
    await new Promise((resolve) => closed.close(resolve));
    const { authenticate } = createAuthenticator({ ...jwksConfig(), jwksUrl: deadUrl });
    const token = await sign({ roles: ['it'] }, rsa.privateKey, 'RS256', 'rsa-1');
    const err = await authenticate(`Bearer ${token}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthUnavailableError);
    expect(err).toMatchObject({ status: 503, message: expect.stringContaining(`JWT_JWKS_URL ${deadUrl}`) });
  });
});

describe('loadAuthConfig', () => {
  it('defaults outside production: anonymous allowed, dev secret, allygraph iss/aud, 30 s skew, shipped roles', async () => {
    const dataDir = join(dir, 'defaults');
    const config = loadAuthConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ required: false, jwksUrl: undefined, issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30 });
    expect(config.secret?.length).toBe(64);
    expect([...config.roles.keys()]).toEqual(['marketing', 'sales', 'hr', 'it', 'analyst', 'service', 'feed-sync']);
    expect(loadAuthConfig({ DATA_DIR: dataDir, AUTH_REQUIRED: 'true' }).required).toBe(true);
  });

  it('creates the development secret once, mode 0600, and reuses it so minted tokens verify', async () => {
    const dataDir = join(dir, 'dev-secret');
    const env = { DATA_DIR: dataDir };
    expect(devSecretPath(env)).toBe(join(dataDir, 'jwt-secret'));
    const first = loadAuthConfig(env);
    const file = await stat(devSecretPath(env));
    expect(file.mode & 0o777).toBe(0o600);
    const contents = await readFile(devSecretPath(env), 'utf8');
    expect(contents).toMatch(/^[0-9a-f]{64}\n$/);
    const second = loadAuthConfig(env);
    expect(Buffer.from(second.secret!).equals(Buffer.from(first.secret!))).toBe(true);
    expect((await stat(devSecretPath(env))).mtimeMs).toBe(file.mtimeMs);
    expect(await readdir(dataDir)).toEqual(['jwt-secret']);
    const token = await mintToken({ config: first, roles: ['sales'] });
    expect(await createAuthenticator(second).authenticate(`Bearer ${token}`)).toMatchObject({ subject: 'dev-sales', roles: ['sales'] });
    // JWT_SECRET=$(cat .data/jwt-secret) is the same key.
    const fromEnv = loadAuthConfig({ DATA_DIR: join(dir, 'unused'), JWT_SECRET: contents.trim() });
    expect(await createAuthenticator(fromEnv).authenticate(`Bearer ${token}`)).not.toBeNull();
  });

  it('uses JWT_SECRET or JWT_JWKS_URL without creating a dev secret', async () => {
    const dataDir = join(dir, 'configured');
    const withSecret = loadAuthConfig({ DATA_DIR: dataDir, JWT_SECRET: 's'.repeat(32) });
    expect(Buffer.from(withSecret.secret!).toString()).toBe('s'.repeat(32));
    const withJwks = loadAuthConfig({ DATA_DIR: dataDir, JWT_JWKS_URL: 'https://idp.example/jwks' });
    expect(withJwks).toMatchObject({ secret: undefined, jwksUrl: 'https://idp.example/jwks' });
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('in production requires a token by default and a configured key, naming both variables', async () => {
    const dataDir = join(dir, 'production');
    expect(() => loadAuthConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(AuthConfigError);
    expect(() => loadAuthConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(/JWT_JWKS_URL .* or JWT_SECRET .* must be set when NODE_ENV=production/);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
    const config = loadAuthConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks' });
    expect(config).toMatchObject({ required: true, secret: undefined });
    expect(loadAuthConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks', AUTH_REQUIRED: 'false' }).required).toBe(false);
  });

  it('names the bad variable', () => {
    const base = { DATA_DIR: join(dir, 'bad') };
    expect(() => loadAuthConfig({ ...base, JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 bytes, got 5');
    expect(() => loadAuthConfig({ ...base, AUTH_REQUIRED: 'yes' })).toThrow('AUTH_REQUIRED must be true or false, got "yes"');
    expect(() => loadAuthConfig({ ...base, JWT_CLOCK_SKEW_S: '-1' })).toThrow('JWT_CLOCK_SKEW_S must be an integer from 0 to 300, got "-1"');
    expect(() => loadAuthConfig({ ...base, JWT_JWKS_URL: 'idp.example/jwks' })).toThrow('JWT_JWKS_URL must be an http(s) URL, got "idp.example/jwks"');
    expect(() => loadAuthConfig({ ...base, ROLES_FILE: join(dir, 'missing.json') })).toThrow(`cannot read ROLES_FILE "${join(dir, 'missing.json')}"`);
    expect(loadAuthConfig({ ...base, JWT_ISSUER: 'https://idp', JWT_AUDIENCE: 'api', JWT_CLOCK_SKEW_S: '0' })).toMatchObject({
      issuer: 'https://idp',
      audience: 'api',
      clockSkewS: 0,
    });
  });
});

describe('roles file', () => {
  it('ships the default mapping; it has every scope', () => {
    expect(Object.fromEntries(loadRoles(DEFAULT_ROLES_FILE))).toEqual({
      marketing: ['crm:read', 'crm:write', 'pii:read', 'campaigns:read', 'campaigns:write', 'sales:read'],
      sales: ['crm:read', 'crm:write', 'pii:read', 'sales:read', 'sales:write', 'campaigns:read', 'hr:read'],
      hr: ['hr:read', 'hr:write', 'hr:reviews'],
      it: [...SCOPES],
      analyst: ['crm:read', 'campaigns:read', 'sales:read', 'hr:read'],
      service: ['crm:read', 'pii:read', 'campaigns:read', 'sales:read', 'hr:read'],
      'feed-sync': ['feeds:sync', 'crm:read', 'campaigns:read', 'sales:read'],
    });
  });

  it('ROLES_FILE overrides the default', async () => {
    const file = join(dir, 'custom-roles.json');
    await writeFile(file, JSON.stringify({ auditor: ['audit:read'] }));
    expect([...loadRoles(undefined, { ROLES_FILE: file })]).toEqual([['auditor', ['audit:read']]]);
  });

  it('refuses a bad file naming it and the bad entry', async () => {
    const cases: [string, string][] = [
      ['{ nope', 'is not valid JSON'],
      ['["analyst"]', 'must be a JSON object of role -> array of scopes'],
      ['{"analyst": []}', 'role "analyst" must be a non-empty array of scopes, got []'],
      ['{"analyst": "crm:read"}', 'role "analyst" must be a non-empty array of scopes, got "crm:read"'],
      ['{"analyst": ["CRM:Read"]}', 'role "analyst" has scope "CRM:Read", which is not of the form area:action (lowercase)'],
      ['{"analyst": [42]}', 'role "analyst" has scope 42, which is not of the form area:action'],
      ['{"analyst": ["crm:raed"]}', 'role "analyst" has unknown scope "crm:raed" (known: crm:read,'],
      ['{"": ["crm:read"]}', 'role name "" must be non-empty without spaces'],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const file = join(dir, `roles-${i}.json`);
      await writeFile(file, text);
      expect(() => loadRoles(file), message).toThrow(AuthConfigError);
      expect(() => loadRoles(file), message).toThrow(`roles file "${file}"`);
      expect(() => loadRoles(file), message).toThrow(message);
    }
  });
});

describe('mintToken', () => {
  it('refuses unknown roles, bad ttls and a config without a secret', async () => {
    const config = hsConfig();
    await expect(mintToken({ config, roles: ['analyst', 'wizard'] })).rejects.toThrow(new MintError('unknown role "wizard" (known roles: marketing, sales, hr, it, analyst, service, feed-sync)'));
    await expect(mintToken({ config, roles: ['analyst'], ttl: '1y' })).rejects.toThrow(/ttl must be a duration like 90s, 15m, 1h or 7d \(1s to 30d\), got "1y"/);
    await expect(mintToken({ config: { ...config, secret: undefined }, roles: ['analyst'] })).rejects.toThrow(/no HS256 secret/);
    expect([parseTtl('90'), parseTtl('90s'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d'), parseTtl(60)]).toEqual([90, 90, 900, 3600, 604_800, 60]);
    for (const bad of ['0s', '31d', '1.5h', 'h', '-1m', 1.5]) expect(() => parseTtl(bad)).toThrow(MintError);
  });

  it('mints what the authenticator accepts, with ttl and --expired honoured', async () => {
    const config = hsConfig();
    const { authenticate } = createAuthenticator(config);
    const token = await mintToken({ config, roles: ['marketing'], subject: 'carol', employeeId: 'emp-0042', scopes: ['audit:read'], ttl: '5m' });
    expect(await authenticate(`Bearer ${token}`)).toEqual({
      subject: 'carol',
      roles: ['marketing'],
      scopes: ['audit:read', 'campaigns:read', 'campaigns:write', 'crm:read', 'crm:write', 'pii:read', 'sales:read'],
      employeeId: 'emp-0042',
    });
    const expired = await mintToken({ config, roles: ['marketing'], expired: true });
    expect(await refusal(authenticate, `Bearer ${expired}`)).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});

describe('npm run token', () => {
  const clean = { JWT_SECRET: undefined, JWT_JWKS_URL: undefined, NODE_ENV: undefined, ROLES_FILE: undefined, JWT_ISSUER: undefined, JWT_AUDIENCE: undefined };

  /** Runs scripts/token.ts, keeping stdout apart from the combined output. */
  async function runToken(args: string[], env: Record<string, string | undefined>) {
    const run = spawnScript('scripts/token.ts', args, { ...clean, ...env });
    let stdout = '';
    run.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await run.exit();
    return { code, stdout, output: run.output() };
  }

  it('prints only a token the gateway accepts, with a usage hint on stderr', async () => {
    const DATA_DIR = join(dir, 'cli');
    const run = await runToken(['--role', 'analyst', '--role', 'sales', '--sub', 'alice', '--employee', 'emp-0001', '--scope', 'extra:scope', '--ttl', '1h'], { DATA_DIR });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(run.output).toContain('curl -H "authorization: Bearer $TOKEN"');
    const { authenticate } = createAuthenticator(loadAuthConfig({ DATA_DIR }));
    expect(await authenticate(`Bearer ${run.stdout.trim()}`)).toEqual({
      subject: 'alice',
      roles: ['analyst', 'sales'],
      scopes: ['campaigns:read', 'crm:read', 'crm:write', 'extra:scope', 'hr:read', 'pii:read', 'sales:read', 'sales:write'],
      employeeId: 'emp-0001',
    });
    const expired = await runToken(['--role', 'analyst', '--expired'], { DATA_DIR });
    expect(expired.code).toBe(0);
    expect(await refusal(authenticate, `Bearer ${expired.stdout.trim()}`)).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('exits 2 on an unknown role or a bad ttl, printing no token', async () => {
    const DATA_DIR = join(dir, 'cli-bad');
    const [role, ttl] = await Promise.all([
      runToken(['--role', 'wizard'], { DATA_DIR }),
      runToken(['--role', 'analyst', '--ttl', 'forever'], { DATA_DIR }),
    ]);
    expect(role).toMatchObject({ code: 2, stdout: '' });
    expect(role.output).toContain('token: unknown role "wizard" (known roles: marketing, sales, hr, it, analyst, service, feed-sync)');
    expect(ttl).toMatchObject({ code: 2, stdout: '' });
    expect(ttl.output).toContain('token: ttl must be a duration like 90s, 15m, 1h or 7d (1s to 30d), got "forever"');
  });

  it('refuses to mint in production (exit 2)', async () => {
    const DATA_DIR = join(dir, 'cli-production');
    const run = await runToken(['--role', 'it'], { DATA_DIR, NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(32) });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.output).toContain('refusing to mint tokens with NODE_ENV=production: tokens come from the identity provider');
    await expect(stat(DATA_DIR)).rejects.toThrow(/ENOENT/);
  });
});
