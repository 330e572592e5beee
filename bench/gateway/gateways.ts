/**
 * The gateways under test, each started in a child process pinned to CPU 0 (`taskset -c 0`),
 * all started at the beginning of a round and loaded one at a time: ours (the production bundle
 * of `npm run build`, cache off; with cache on; with SHARE_FETCHES=off), stock @apollo/server + @apollo/gateway (stock.mjs), Hive Gateway (bench/peers), and crm called
 * directly (no gateway).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { GATEWAY_BUNDLE, GATEWAY_NODE_FLAGS } from '../../scripts/build.ts';
import { spawnPinned, stop, type Child } from './proc.ts';
import type { WorkloadKey } from './workloads.ts';

export const GATEWAY_CPU = 0;
export const SUBGRAPH_CPU = 1;

export type GatewayKey = 'ours' | 'oursCache' | 'oursUnshared' | 'stock' | 'hive' | 'direct';

/** Our gateway's variants: each is the production bundle with other settings. */
export const OURS: readonly GatewayKey[] = ['ours', 'oursCache', 'oursUnshared'];

export interface Context {
  /** The supergraph as composed (ours serves it). */
  supergraphPath: string;
  /** Without the security and cost features, for the peers. */
  strippedPath: string;
  subgraphUrls: Record<'crm' | 'campaigns' | 'sales' | 'hr', string>;
  /** Environment of our gateway (secrets, settings). */
  oursEnv: Record<string, string>;
  /** The bearer token every request carries (an `it` token; the peers ignore it). */
  token: string;
  /** Where our gateway writes V8 CPU profiles (`--cpu-prof`), when asked for (`--profile DIR`). */
  profileDir?: string;
}

export interface Running {
  url: string;
  child: Child | null;
  /** Spawn to first successful answer, in ms. */
  coldStartMs: number | null;
}

export interface GatewaySpec {
  key: GatewayKey;
  label: string;
  /** The workloads it is loaded with. */
  workloads: readonly WorkloadKey[] | 'all';
  /** Why it cannot run here; set before the rounds when it cannot. */
  unavailable?: string;
  start(ctx: Context): Promise<Running>;
}

const READY_QUERY = '{ segments { id } }';
const HIVE_PACKAGE = 'bench/peers/node_modules/@graphql-hive/gateway/package.json';

export function gatewaySpecs(): GatewaySpec[] {
  return [
    { key: 'ours', label: 'ours (allygraph, cache off)', workloads: 'all', start: (ctx) => startOurs(ctx, {}) },
    { key: 'stock', label: 'stock @apollo/gateway', workloads: 'all', start: startStock },
    { key: 'hive', label: 'Hive Gateway', workloads: 'all', start: startHive },
    { key: 'direct', label: 'direct call to crm (no gateway)', workloads: ['single'], start: async (ctx) => ({ url: ctx.subgraphUrls.crm, child: null, coldStartMs: null }) },
    { key: 'oursCache', label: 'ours, cache on', workloads: ['customer360'], start: (ctx) => startOurs(ctx, { CACHE: 'on' }) },
    // What sharing identical fetches under way brings, on the workloads that join subgraphs.
    { key: 'oursUnshared', label: 'ours, SHARE_FETCHES=off', workloads: ['customer360', 'campaign', 'salesTeam', 'deep'], start: (ctx) => startOurs(ctx, { SHARE_FETCHES: 'off' }) },
  ];
}

/** Our gateway with `CACHE=off` unless `settings` say otherwise. */
export async function startOurs(ctx: Context, settings: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawnPinned(
    GATEWAY_CPU,
    process.execPath,
    [...GATEWAY_NODE_FLAGS, ...(ctx.profileDir ? ['--cpu-prof', '--cpu-prof-dir', ctx.profileDir] : []), GATEWAY_BUNDLE, '--supergraph', ctx.supergraphPath, '--port', String(port)],
    { ...ctx.oursEnv, CACHE: 'off', ...settings },
    `our gateway (${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ') || 'CACHE=off'})`,
  );
  return ready(child, `http://127.0.0.1:${port}/graphql`, ctx.token);
}

async function startStock(ctx: Context): Promise<Running> {
  const port = await freePort();
  const child = spawnPinned(
    GATEWAY_CPU,
    process.execPath,
    ['bench/gateway/stock.mjs', ctx.strippedPath, String(port)],
    { NODE_ENV: 'production' },
    'stock @apollo/gateway',
  );
  return ready(child, `http://127.0.0.1:${port}/`, ctx.token);
}

/** The Hive Gateway CLI's entry file, or null when bench/peers is not installed. */
export function hiveBin(): string | null {
  if (!existsSync(HIVE_PACKAGE)) return null;
  const pkg = JSON.parse(readFileSync(HIVE_PACKAGE, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['hive-gateway'];
  return bin ? join(dirname(HIVE_PACKAGE), bin) : null;
}

export function hiveVersion(): string | null {
  return existsSync(HIVE_PACKAGE) ? (JSON.parse(readFileSync(HIVE_PACKAGE, 'utf8')) as { version: string }).version : null;
}

async function startHive(ctx: Context): Promise<Running> {
  const bin = hiveBin();
  if (!bin) throw new Error('bench/peers is not installed');
  const port = await freePort();
  const child = spawnPinned(
    GATEWAY_CPU,
    process.execPath,
    [bin, 'supergraph', ctx.strippedPath, '--port', String(port), '--host', '127.0.0.1', '--fork', '1'],
    { NODE_ENV: 'production' },
    'Hive Gateway',
  );
  return ready(child, `http://127.0.0.1:${port}/graphql`, ctx.token);
}

/** Polls until the gateway answers a query with data and no errors; the time since spawn is its cold start. */
async function ready(child: Child, url: string, token: string, timeoutMs = 60_000): Promise<Running> {
  try {
    return await poll(child, url, token, timeoutMs);
  } catch (err) {
    await stop(child);
    throw err;
  }
}

async function poll(child: Child, url: string, token: string, timeoutMs: number): Promise<Running> {
  let exited: string | null = null;
  child.proc.once('exit', (code, signal) => {
    exited = `exited (${code ?? signal})`;
  });
  let last = '';
  while (performance.now() - child.spawnedAt < timeoutMs) {
    if (exited) throw new Error(`${child.label} ${exited} before answering:\n${child.output()}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: READY_QUERY }),
        signal: AbortSignal.timeout(2000),
      });
      const body = (await res.json()) as { data?: { segments?: unknown[] }; errors?: unknown[] };
      if (res.ok && Array.isArray(body.data?.segments) && !body.errors) {
        return { url, child, coldStartMs: performance.now() - child.spawnedAt };
      }
      last = `${res.status} ${JSON.stringify(body).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${child.label} did not answer within ${timeoutMs} ms (last: ${last}):\n${child.output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
