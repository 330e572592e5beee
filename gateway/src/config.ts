import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { internalSecret } from '../../subgraphs/kit/src/config.ts';
import type { GatewayOptions } from './app.ts';
import { createAuthenticator, loadAuthConfig } from './auth/jwt.ts';
import { loadCacheConfig } from './cache/index.ts';
import { DEVELOPMENT_ORIGINS, parseCorsOrigins, type CorsOrigins } from './cors.ts';
import { parseHeaderList } from './headers.ts';
import { loadLimitsConfig } from './limits/plugin.ts';
import { logLevel } from '../../lib/telemetry/logging.ts';
import { createLogger } from './log.ts';
import { createRateLimiter, parseRateLimit, type RateLimit } from './rate-limit.ts';
import { loadResilienceConfig } from './resilience/index.ts';

export interface GatewayConfig {
  /** `PORT` or `--port`. @default 4000 */
  port: number;
  /** `HOST`: interface to listen on. @default 127.0.0.1 */
  host: string;
  /** `SUPERGRAPH_PATH` or `--supergraph`: the composed supergraph SDL file to serve. @default ./supergraph.graphql */
  supergraphPath: string;
  /** `SUPERGRAPH_POLL_MS`: how often the supergraph file is checked for changes (hot reload); 0: never. @default 1000 */
  supergraphPollMs: number;
  /** `SUBGRAPH_URL_<NAME>`: replaces the routing URL of subgraph NAME (e.g. SUBGRAPH_URL_CRM). */
  subgraphUrls: Record<string, string>;
  /** `INTROSPECTION`: allow introspection (Sandbox needs it). @default true unless NODE_ENV=production */
  introspection: boolean;
  /** `NODE_ENV=production` turns off the Sandbox landing page. */
  production: boolean;
  /** `GRAPHIQL`: serve the self-hosted GraphiQL at /graphiql. @default true unless NODE_ENV=production */
  graphiql: boolean;
  /** `PERSISTED_OPERATIONS` or `--persisted`: trusted-documents manifest (hash -> document) served by hash. */
  persistedOperationsPath: string | undefined;
  /**
   * `CORS_ORIGINS`: browser origins allowed cross-origin — `*`, or comma-separated origins
   * (`https://app.example.com`, `http://localhost:*`). @default Sandbox's and loopback
   * origins; none (same-origin only) when NODE_ENV=production
   */
  cors: CorsOrigins;
  /** `RATE_LIMIT`: requests per client (token subject, else IP) per window, e.g. 600/1m; `off`. @default 600/1m */
  rateLimit: RateLimit | null;
  /** `REDIS_URL`: rate-limit budgets, the response cache and APQ registrations shared by every gateway on this Redis. @default in memory */
  redisUrl: string | undefined;
  /** `TRUSTED_DOCUMENTS_ROLES`: roles that may only run persisted operations. @default service in production, none otherwise */
  trustedDocumentsOnly: string[];
}

export class GatewayConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** The only reader of the environment and argv for the gateway; fails fast naming the bad setting. */
export function loadGatewayConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): GatewayConfig {
  const { values } = parseArgs({
    args: argv,
    options: { supergraph: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, persisted: { type: 'string' } },
    strict: true,
  });
  const production = env.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_(.+)$/.exec(key);
    if (match && value) subgraphUrls[match[1].toLowerCase()] = httpUrl(key, value);
  }
  return {
    port: port(values.port !== undefined ? '--port' : 'PORT', values.port ?? env.PORT, 4000),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    supergraphPath: values.supergraph ?? env.SUPERGRAPH_PATH ?? 'supergraph.graphql',
    supergraphPollMs: nonNegativeInt('SUPERGRAPH_POLL_MS', env.SUPERGRAPH_POLL_MS, 1000),
    subgraphUrls,
    introspection: bool('INTROSPECTION', env.INTROSPECTION, !production),
    graphiql: bool('GRAPHIQL', env.GRAPHIQL, !production),
    production,
    persistedOperationsPath: values.persisted ?? (env.PERSISTED_OPERATIONS || undefined),
    cors: env.CORS_ORIGINS === undefined ? (production ? [] : DEVELOPMENT_ORIGINS) : corsOrigins(env.CORS_ORIGINS),
    rateLimit: setting('RATE_LIMIT', () => parseRateLimit(env.RATE_LIMIT || '600/1m')),
    redisUrl: env.REDIS_URL || undefined,
    trustedDocumentsOnly: (env.TRUSTED_DOCUMENTS_ROLES ?? (production ? 'service' : '')).split(',').map((r) => r.trim()).filter(Boolean),
  };
}

/**
 * Everything the gateway needs at run time besides the supergraph, from the environment:
 * token verification, the internal secret for subgraphs, limits and the rate limiter.
 */
export async function runtimeOptions(config: GatewayConfig, env: Env = process.env): Promise<Omit<GatewayOptions, 'supergraphSdl'>> {
  const auth = setting('auth', () => loadAuthConfig(env));
  return {
    introspection: config.introspection,
    landingPage: !config.production,
    graphiql: config.graphiql,
    cors: config.cors,
    subgraphUrls: config.subgraphUrls,
    authenticator: createAuthenticator(auth),
    authRequired: auth.required,
    internalSecret: setting('INTERNAL_SECRET', () => internalSecret(env)),
    limits: setting('LIMIT_*', () => loadLimitsConfig(env)),
    resilience: setting('SUBGRAPH_*/CIRCUIT_*', () => loadResilienceConfig(env)),
    logger: setting('LOG_LEVEL', () => createLogger({ level: logLevel(env) })),
    trustedDocumentsOnly: config.trustedDocumentsOnly,
    // `CACHE` (on | off), `CACHE_MAX_ENTRIES`; in Redis with REDIS_URL.
    cache: setting('CACHE', () => loadCacheConfig(env, config.redisUrl)) ?? undefined,
    passthrough: onOff('PASSTHROUGH', env.PASSTHROUGH, true),
    shareFetches: onOff('SHARE_FETCHES', env.SHARE_FETCHES, true),
    // `PROPAGATE_REQUEST_HEADERS` / `PROPAGATE_RESPONSE_HEADERS`: comma-separated header names.
    headers: {
      request: setting('PROPAGATE_REQUEST_HEADERS', () => parseHeaderList('PROPAGATE_REQUEST_HEADERS', env.PROPAGATE_REQUEST_HEADERS)),
      response: setting('PROPAGATE_RESPONSE_HEADERS', () => parseHeaderList('PROPAGATE_RESPONSE_HEADERS', env.PROPAGATE_RESPONSE_HEADERS)),
    },
    ...(config.rateLimit && {
      rateLimiter: await createRateLimiter({ ...config.rateLimit, redisUrl: config.redisUrl }),
    }),
  };
}

/** Runs a reader of settings, turning its error into a GatewayConfigError. */
function setting<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof GatewayConfigError) throw err;
    const message = (err as Error).message;
    throw new GatewayConfigError(message.includes(name) || name === 'auth' ? message : `${name}: ${message}`);
  }
}


function corsOrigins(raw: string): CorsOrigins {
  try {
    return parseCorsOrigins(raw);
  } catch (err) {
    throw new GatewayConfigError(`CORS_ORIGINS: ${(err as Error).message}`);
  }
}

/** Reads a trusted-documents manifest: a JSON object of sha256 hex -> document text. */
export function readPersistedOperations(path: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new GatewayConfigError(`cannot read persisted operations "${path}": ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new GatewayConfigError(`persisted operations "${path}" must be a JSON object of hash -> document`);
  }
  return parsed as Record<string, string>;
}

export function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new GatewayConfigError(`cannot read supergraph file "${path}": ${(err as Error).message}`);
  }
}

export function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new GatewayConfigError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function nonNegativeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new GatewayConfigError(`${name} must be a non-negative integer (milliseconds), got "${raw}"`);
  return value;
}

function onOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new GatewayConfigError(`${name} must be on or off, got "${raw}"`);
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new GatewayConfigError(`${name} must be true or false, got "${raw}"`);
}

function httpUrl(name: string, raw: string): string {
  if (!/^https?:\/\//.test(raw)) throw new GatewayConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}
