/**
 * npm run bench [-- --scale N --duration S --warmup S --rounds R --connections C]
 *                 [--gateways ours,stock,hive,direct,oursCache,oursUnshared] [--workloads single,customer360,...]
 * (--gateways and --workloads narrow a run while working on one thing; the report says what ran;
 * --profile DIR makes our gateway write a V8 CPU profile per start there, and the subgraphs one in
 * DIR/subgraphs: npm run bench:profile -- FILE)
 *
 * Gateway throughput and latency: seeds a dataset (PostgreSQL when DATABASE_URL is set, in a
 * database of its own; else PGlite in a temp dir), starts the four subgraphs in one process
 * pinned to CPU 1; each round starts every gateway in its own process pinned to CPU 0, then
 * loads them with autocannon workload by workload, one gateway at a time (the order reversed
 * every other round): warm-up, then the measured window. Writes bench/REPORT.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { composeSupergraph, localSubgraphs } from '../../gateway/src/compose.ts';
import { stripLinkedFeatures } from '../../gateway/src/limits/strip.ts';
import { loadAuthConfig } from '../../gateway/src/auth/config.ts';
import { mintToken } from '../../gateway/src/auth/mint.ts';
import { loadDataConfig, type Department } from '../../subgraphs/kit/src/config.ts';
import { syncFeeds } from '../../scripts/feed-sync.ts';
import { buildGateway, GATEWAY_BUNDLE } from '../../scripts/build.ts';
import { GraphClient } from '../../scripts/import/graph.ts';
import { prepareDataset } from './data.ts';
import { plannedFetches, settledAnswers } from './fetches.ts';
import { gatewaySpecs, hiveBin, OURS, startOurs, SUBGRAPH_CPU, type Context, type GatewaySpec, type Running } from './gateways.ts';
import { runLoad } from './load.ts';
import { cpuSeconds, cpuSecondsOfCommand, peakRssKb, spawnPinned, stop, type Child } from './proc.ts';
import { writeReport, type Outcome, type Sample, type Settings } from './report.ts';
import { workloads, type Pools, type Workload } from './workloads.ts';

/** The feature links stock gateways refuse or do not know; ours enforces them. */
const STRIPPED_LINKS = [
  'https://specs.apollo.dev/requiresScopes/',
  'https://specs.apollo.dev/policy/',
  'https://specs.apollo.dev/authenticated/',
  'https://specs.apollo.dev/cost/',
];

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      gateways: { type: 'string' },
      workloads: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const num = (name: string, raw: string | undefined, min: number, integer = true) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} of at least ${min}, got "${raw}"`);
    return n;
  };
  const databaseUrl = loadDataConfig().databaseUrl;
  const args = process.argv.slice(2).join(' ');
  return {
    scale: num('scale', values.scale, 0.01, false),
    duration: num('duration', values.duration, 1),
    warmup: num('warmup', values.warmup, 0),
    rounds: num('rounds', values.rounds, 1),
    connections: num('connections', values.connections, 1),
    gateways: values.gateways?.split(',').map((g) => g.trim()).filter(Boolean),
    workloads: values.workloads?.split(',').map((w) => w.trim()).filter(Boolean),
    profileDir: values.profile,
    databaseUrl,
    command: `${databaseUrl ? `DATABASE_URL=${redacted(databaseUrl)} ` : ''}npm run bench${args ? ` -- ${args}` : ''}`,
  };
}

/** Installs bench/peers (Hive Gateway) with `npm ci` on first run; the reason when it cannot. */
function installPeers(): string | null {
  if (hiveBin()) return null;
  console.log('installing bench/peers (npm ci --prefix bench/peers)');
  try {
    execFileSync('npm', ['ci', '--prefix', 'bench/peers', '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (err) {
    return `npm ci --prefix bench/peers failed: ${(err as Error).message.split('\n')[0]}`;
  }
  return hiveBin() ? null : 'bench/peers installed without the hive-gateway CLI';
}

async function startSubgraphs(env: Record<string, string>, profileDir?: string): Promise<{ child: Child; urls: Record<Department, string> }> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(profileDir, 'subgraphs')] : [];
  const child = spawnPinned(SUBGRAPH_CPU, process.execPath, [...profile, '--import', 'tsx', 'bench/gateway/subgraphs.ts'], env, 'subgraphs');
  const line = await child.line((l) => l.startsWith('{"urls"'), 120_000).catch(async (err: unknown) => {
    await stop(child);
    throw err;
  });
  return { child, urls: (JSON.parse(line) as { urls: Record<Department, string> }).urls };
}

/** Every customer's cursor in `customers(first:)`'s default order, read from crm directly. */
async function customerCursors(crmUrl: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await fetch(crmUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($after: String) { customers(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }', variables: { after } }),
    });
    type Page = { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const body = (await res.json()) as { data?: { customers: Page }; errors?: unknown[] };
    const page = body.data?.customers;
    if (!page) throw new Error(`reading customer cursors from crm: ${JSON.stringify(body.errors)}`);
    out.push(...page.edges.map((e) => e.cursor));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  const started = Date.now();
  const unknown = settings.gateways?.filter((g) => !gatewaySpecs().some((s) => s.key === g));
  if (unknown?.length) throw new Error(`--gateways: unknown ${unknown.join(', ')} (known: ${gatewaySpecs().map((s) => s.key).join(', ')})`);
  const specs = gatewaySpecs().filter((g) => !settings.gateways || settings.gateways.includes(g.key));
  const unavailable: Record<string, string> = {};
  const hiveProblem = installPeers();
  if (hiveProblem) unavailable.hive = hiveProblem;

  console.log(`building ${GATEWAY_BUNDLE} (npm run build)`);
  await buildGateway();
  console.log(`dataset: scale ${settings.scale} on ${settings.databaseUrl ? 'PostgreSQL' : 'PGlite'}`);
  const dataset = await prepareDataset(settings.scale, settings.databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), 'allygraph-bench-supergraph-'));
  const hex = () => randomBytes(24).toString('hex');
  const internalSecret = hex();
  const jwtSecret = hex();
  const oursEnv = {
    JWT_SECRET: jwtSecret,
    INTERNAL_SECRET: internalSecret,
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
  };
  const token = await mintToken({ config: loadAuthConfig({ JWT_SECRET: jwtSecret, NODE_ENV: 'production' }), roles: ['it'], subject: 'bench', ttl: '1d' });
  const subgraphs = await startSubgraphs({ ...dataset.env, INTERNAL_SECRET: internalSecret, LOG_LEVEL: 'warn' }, settings.profileDir && resolve(settings.profileDir));
  const children = new Set<Child>();
  try {
    const { supergraphSdl } = composeSupergraph(await localSubgraphs(subgraphs.urls));
    const stripped = stripLinkedFeatures(supergraphSdl, STRIPPED_LINKS);
    const ctx: Context = {
      supergraphPath: join(dir, 'supergraph.graphql'),
      strippedPath: join(dir, 'supergraph-stripped.graphql'),
      subgraphUrls: subgraphs.urls,
      oursEnv,
      token,
      ...(settings.profileDir && { profileDir: resolve(settings.profileDir) }),
    };
    await writeFile(ctx.supergraphPath, supergraphSdl);
    await writeFile(ctx.strippedPath, stripped);
    const pools: Pools = { ...dataset.ids, customerCursors: await customerCursors(subgraphs.urls.crm) };
    const unknownLoads = settings.workloads?.filter((k) => !workloads(pools).some((w) => w.key === k));
    if (unknownLoads?.length) throw new Error(`--workloads: unknown ${unknownLoads.join(', ')} (known: ${workloads(pools).map((w) => w.key).join(', ')})`);
    const loads = workloads(pools).filter((w) => !settings.workloads || settings.workloads.includes(w.key));
    const planned = Object.fromEntries(loads.map((w) => [w.key, plannedFetches(stripped, w.query)]));

    // Setup: one start of ours (a cold start sample) follows the feeds once, so campaigns'
    // conversions and CRM's suppressions reflect the seed, as `npm start` would have them.
    const coldStarts: number[] = [];
    const first = await startOurs(ctx, {});
    children.add(first.child!);
    coldStarts.push(first.coldStartMs!);
    const synced = await syncFeeds(new GraphClient(first.url, token));
    console.log(`feeds followed: ${synced} projected rows updated`);
    await stop(first.child!);
    children.delete(first.child!);

    const samples: Sample[] = [];
    const reference = new Map<string, unknown>();
    const mismatches: string[] = [];
    // Each round starts every gateway (one after the other, so each cold start has the machine to
    // itself), then measures workload by workload, every gateway in turn: the windows compared
    // with each other lie seconds apart, not minutes, so the machine's drift spares the ratios.
    for (let round = 1; round <= settings.rounds; round++) {
      const order = round % 2 === 1 ? specs : [...specs].reverse();
      const up = new Map<GatewaySpec, Running>();
      try {
        for (const spec of order) {
          if (unavailable[spec.key]) continue;
          try {
            const started = await spec.start(ctx);
            if (started.child) children.add(started.child);
            up.set(spec, started);
            if (OURS.includes(spec.key) && started.coldStartMs !== null) coldStarts.push(started.coldStartMs);
          } catch (err) {
            unavailable[spec.key] = `did not start: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`;
            console.log(`round ${round}: ${spec.label} ${unavailable[spec.key]}`);
          }
        }
        for (const w of loads) {
          console.log(`round ${round}: ${w.key}`);
          for (const [spec, running] of up) {
            if (spec.workloads !== 'all' && !spec.workloads.includes(w.key)) continue;
            await checkAnswer(spec, w, running.url, token, reference, mismatches);
            samples.push(await measure(settings, spec, w, running, subgraphs.child, subgraphs.urls, token));
          }
        }
      } finally {
        for (const running of up.values()) {
          if (!running.child) continue;
          await stop(running.child);
          children.delete(running.child);
        }
      }
    }
    const outcome: Outcome = { settings, dataset: dataset.label, seedSeconds: dataset.seconds.seed, samples, coldStarts, unavailable, mismatches, planned, specs, workloads: loads, elapsedS: (Date.now() - started) / 1000 };
    await writeReport('bench/REPORT.md', outcome);
    console.log('wrote bench/REPORT.md');
  } finally {
    for (const child of children) await stop(child);
    await stop(subgraphs.child);
    await dataset.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every gateway must give the first gateway's answer (data) for the workload's fixed variables. */
async function checkAnswer(spec: GatewaySpec, w: Workload, url: string, token: string, reference: Map<string, unknown>, mismatches: string[]): Promise<void> {
  const body = await post(url, token, w.query, w.sample);
  if (body.errors || body.data == null) {
    mismatches.push(`${spec.label}, ${w.title}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return;
  }
  const seen = reference.get(w.key);
  if (seen === undefined) reference.set(w.key, body.data);
  else if (!isDeepStrictEqual(seen, body.data)) mismatches.push(`${spec.label}, ${w.title}: data differs from the first gateway's answer`);
}

async function measure(settings: Settings, spec: GatewaySpec, w: Workload, running: Running, subgraphChild: Child, urls: Record<Department, string>, token: string): Promise<Sample> {
  const target = { url: running.url, headers: { authorization: `Bearer ${token}` } };
  if (settings.warmup > 0) await runLoad(target, w, settings.connections, settings.warmup);
  const pid = running.child?.pid;
  const before = { answered: await settledAnswers(urls), cpu: pid ? cpuSeconds(pid) : 0, subgraphCpu: cpuSeconds(subgraphChild.pid), dbCpu: dbCpu(), at: performance.now() };
  const load = await runLoad(target, w, settings.connections, settings.duration);
  const wall = (performance.now() - before.at) / 1000;
  const cpu = pid ? cpuSeconds(pid) - before.cpu : null;
  const subgraphCpu = cpuSeconds(subgraphChild.pid) - before.subgraphCpu;
  const db = settings.databaseUrl ? dbCpu() - before.dbCpu : null;
  const peakRssMb = pid ? peakRssKb(pid) / 1024 : null;
  // Every request sent reaches the subgraphs, those in flight at the end included.
  const answered = await settledAnswers(urls);
  const fetchesBy = Object.fromEntries(Object.entries(answered).map(([name, n]) => [name, (n - (before.answered[name] ?? 0)) / Math.max(1, load.sent)]));
  const sample: Sample = {
    gateway: spec.key,
    workload: w.key,
    load,
    cpuPct: cpu === null ? null : (100 * cpu) / wall,
    subgraphCpuPct: (100 * subgraphCpu) / wall,
    dbCpuPct: db === null ? null : (100 * db) / wall,
    peakRssMb,
    fetches: Object.values(fetchesBy).reduce((a, b) => a + b, 0),
    fetchesBy,
  };
  const errors = load.non2xx + load.socketErrors + load.graphqlErrors;
  console.log(
    `  ${spec.label}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, cpu ${sample.cpuPct?.toFixed(0) ?? '-'}%, ` +
      `fetches ${sample.fetches.toFixed(2)}${errors ? `, ERRORS ${errors}: ${load.firstError}` : ''}`,
  );
  return sample;
}

/** The PostgreSQL server's processes (on PGlite the database runs inside the subgraph process). */
function dbCpu(): number {
  return cpuSecondsOfCommand('postgres');
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

if (!existsSync('gateway/src/index.ts')) {
  console.error('run from the repository root: npm run bench');
  process.exit(2);
}
main().catch((err: unknown) => {
  console.error(`bench:gateway failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
