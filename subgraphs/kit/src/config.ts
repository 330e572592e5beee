import { resolve } from 'node:path';
import type { DbTarget } from './db.ts';
import { loadSecret } from '../../../lib/secrets.ts';

/** The departments, in the order they are started and seeded. */
export const DEPARTMENTS = ['crm', 'campaigns', 'sales', 'hr'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEFAULT_PORTS: Record<Department, number> = { crm: 4001, campaigns: 4002, sales: 4003, hr: 4004 };

export interface DataConfig {
  /** `DATABASE_URL`: every department on this PostgreSQL server. */
  databaseUrl: string | undefined;
  /** `<DEPT>_DATABASE_URL`: per-department overrides. */
  departmentUrls: Partial<Record<Department, string>>;
  /** `DATA_DIR`: where embedded PGlite keeps its files. @default ./.data */
  dataDir: string;
  /** `SEED_SCALE`: demo data generated on first start; 0 starts empty. @default 1 */
  seedScale: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** The only reader of the environment for data settings; fails fast naming the bad variable. */
export function loadDataConfig(env: Env = process.env): DataConfig {
  const departmentUrls: Partial<Record<Department, string>> = {};
  for (const d of DEPARTMENTS) {
    const name = `${d.toUpperCase()}_DATABASE_URL`;
    const url = env[name];
    if (url) departmentUrls[d] = postgresUrl(name, url);
  }
  return {
    databaseUrl: env.DATABASE_URL ? postgresUrl('DATABASE_URL', env.DATABASE_URL) : undefined,
    departmentUrls,
    dataDir: resolve(env.DATA_DIR || '.data'),
    seedScale: intVar(env, 'SEED_SCALE', 1, 0, 1000),
  };
}

/**
 * Where a department's data lives. In the one-process graph all departments share one
 * PGlite directory (one Postgres schema each); a subgraph running alone gets its own.
 */
export function dbTargetFor(config: DataConfig, department: Department, mode: 'shared' | 'alone'): DbTarget {
  const url = config.departmentUrls[department] ?? config.databaseUrl;
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: resolve(config.dataDir, mode === 'shared' ? 'graph' : department) };
}

/** `FEED_SYNC_MS`: how often projections follow their feeds (orders -> conversions, engagement -> suppressions); 0 only at start. @default 5000 */
export function feedSyncInterval(env: Env = process.env): number {
  return intVar(env, 'FEED_SYNC_MS', 5000, 0, 86_400_000);
}

/** `INTERNAL_SECRET`: signs (gateway) and verifies (subgraphs) the forwarded identity. Development: DATA_DIR/internal-secret. */
export function internalSecret(env: Env = process.env): Uint8Array {
  return loadSecret(env, 'INTERNAL_SECRET', 'internal-secret');
}

/**
 * `SUBGRAPH_AUTH`: `on` (default) — subgraphs answer only requests carrying the gateway's
 * signed identity; `off` — any caller, with a warning at start (refused in production).
 */
export function subgraphTrust(env: Env = process.env): { secret: Uint8Array } | 'any-caller' {
  const mode = env.SUBGRAPH_AUTH || 'on';
  if (mode !== 'on' && mode !== 'off') throw new ConfigError(`SUBGRAPH_AUTH must be on or off, got "${mode}"`);
  if (mode === 'on') return { secret: internalSecret(env) };
  if (env.NODE_ENV === 'production') throw new ConfigError('SUBGRAPH_AUTH=off is refused when NODE_ENV=production');
  return 'any-caller';
}

/** `HOST`: the interface servers listen on. @default 127.0.0.1 */
export function listenHost(env: Env = process.env): string {
  return env.HOST || '127.0.0.1';
}

/** `<DEPT>_PORT`: where a subgraph listens. @default 4001-4004 */
export function subgraphPort(department: Department, env: Env = process.env): number {
  return intVar(env, `${department.toUpperCase()}_PORT`, DEFAULT_PORTS[department], 0, 65535);
}

export function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function postgresUrl(name: string, value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new ConfigError(`${name} must be a postgres:// or postgresql:// URL`);
  }
  return value;
}
