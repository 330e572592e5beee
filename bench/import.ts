/**
 * npm run bench:import [-- --rows N] [--memory-rows M]
 *
 * Bulk import throughput: generates N engagement events (default 100,000) from ids read
 * through the graph, then imports the file with the import pipeline in a child process
 * (so its peak RSS is the importer's alone), twice: a first run that stores every row and a
 * re-run that stores none. On PGlite in a temp dir, and on PostgreSQL when DATABASE_URL is
 * set (a database of its own, created and dropped). Then, on the first backend, imports a
 * file of M rows (default 1,000,000; 0 skips it) to show the importer's memory does not grow
 * with the file. Writes bench/reports/import.md.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEPARTMENTS, loadDataConfig, type Department } from '../subgraphs/kit/src/config.ts';
import { openDb, type Db } from '../subgraphs/kit/src/db.ts';
import { migrateAll } from '../scripts/databases.ts';
import { startLocalGraph } from '../scripts/local-graph.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { mintToken } from '../gateway/src/auth/mint.ts';
import { rngFor } from '../scripts/seed/prng.ts';
import { seedAll } from '../scripts/seed/index.ts';
import type { ImportSummary } from '../scripts/import/types.ts';

const REPORT = 'bench/reports/import.md';
const TYPES = [['SENT', 40], ['DELIVERED', 30], ['OPENED', 15], ['CLICKED', 8], ['CONVERTED', 2], ['UNSUBSCRIBED', 2], ['BOUNCED', 3]] as const;

interface Store {
  db: Db;
  label: string;
  close(): Promise<void>;
}

interface Run {
  summary: ImportSummary;
  peakRssKb: number;
}

interface Result {
  backend: string;
  first: Run;
  again: Run;
  /** The import of the large file, on the first backend only. */
  large: Run | null;
  storedInDb: number;
}

interface Files {
  main: { path: string; rows: number };
  large: { path: string; rows: number } | null;
}

interface Campaign {
  id: string;
  startsAt: string;
  endsAt: string;
  variants: { id: string }[];
}

async function pglite(dir: string): Promise<Store> {
  const db = await openDb({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  return { db, label: 'PGlite (embedded, one connection)', close: () => db.close() };
}

async function postgres(adminUrl: string): Promise<Store> {
  const database = `allygraph_bench_import_${process.pid}`;
  await admin(adminUrl, `CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const db = await openDb({ kind: 'postgres', url: url.toString() });
  const [{ server_version: version }] = await db.query<{ server_version: string }>(`SHOW server_version`);
  return {
    db,
    label: `PostgreSQL ${version.split(' ')[0]} (pool of 10 connections)`,
    close: async () => {
      await db.close();
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${database}`);
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every node of a Relay connection, page by page through the gateway. */
async function all<T>(gatewayUrl: string, field: string, selection: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
      body: JSON.stringify({
        query: `query Page($after: String) { ${field}(first: 100, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
        variables: { after },
      }),
    });
    type Page = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const body = (await res.json()) as { data?: Record<string, Page>; errors?: { message: string }[] };
    const page = body.data?.[field];
    if (!page) throw new Error(`reading ${field}: ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/** N events on real campaigns (inside their windows, on their variants) and real customers. */
async function generate(gatewayUrl: string, file: string, rows: number, prefix: string): Promise<void> {
  const campaigns = await all<Campaign>(gatewayUrl, 'campaigns', 'id startsAt endsAt variants { id }');
  const customers = (await all<{ id: string }>(gatewayUrl, 'customers', 'id')).map((c) => c.id);
  const rng = rngFor('bench-import', prefix);
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('clientKey,campaignId,variantId,customerId,type,occurredAt\n');
  for (let i = 1; i <= rows; i++) {
    const c = rng.pick(campaigns);
    const variant = c.variants.length > 0 ? rng.pick(c.variants).id : '';
    const at = new Date(rng.instant(Date.parse(c.startsAt), Date.parse(c.endsAt))).toISOString();
    await write(`${prefix}-${i},${c.id},${variant},${rng.pick(customers)},${rng.weighted(TYPES)},${at}\n`);
  }
  out.end();
  await once(out, 'finish');
}

/** The bench's own token issuer: the importer runs with an `it` token, as an operator would. */
const BENCH_AUTH = { required: false, secret: randomBytes(32), issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30, roles: loadRoles() };
const BENCH_TOKEN = await mintToken({ config: BENCH_AUTH, roles: ['it'], subject: 'bench', ttl: '1d' });

/** One `campaigns events` import in a child process, as `npm run import` runs it. */
async function importInChild(gatewayUrl: string, file: string, reportPath: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/import-child.ts', 'campaigns', 'events', file, gatewayUrl, reportPath],
    { maxBuffer: 1 << 20, env: { ...process.env, GATEWAY_TOKEN: BENCH_TOKEN } },
  );
  return JSON.parse(stdout) as Run;
}

async function measure(store: Store, files: Files, dir: string): Promise<Result> {
  const dbs = Object.fromEntries(DEPARTMENTS.map((d) => [d, store.db])) as Record<Department, Db>;
  await migrateAll(dbs);
  await seedAll(dbs, 1);
  const graph = await startLocalGraph({
    dbs,
    ports: { crm: 0, campaigns: 0, sales: 0, hr: 0, gateway: 0 },
    internalSecret: randomBytes(32),
    gateway: { authenticator: createAuthenticator(BENCH_AUTH) },
  });
  try {
    const { main, large } = files;
    if ((await stat(main.path).catch(() => null)) === null) await generate(graph.gatewayUrl, main.path, main.rows, 'bench');
    const reportPath = join(dir, 'rejects.ndjson');
    console.log(`  ${store.label}: importing ${main.rows} rows, then again`);
    const first = await importInChild(graph.gatewayUrl, main.path, reportPath);
    const again = await importInChild(graph.gatewayUrl, main.path, reportPath);
    const [{ n }] = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.events WHERE client_key LIKE 'bench-%'`);
    let largeRun: Run | null = null;
    if (large) {
      await generate(graph.gatewayUrl, large.path, large.rows, 'large');
      console.log(`  ${store.label}: importing ${large.rows} rows`);
      largeRun = await importInChild(graph.gatewayUrl, large.path, reportPath);
      await rm(large.path);
    }
    return { backend: store.label, first, again, large: largeRun, storedInDb: n };
  } finally {
    await graph.close();
  }
}

function report(results: readonly Result[], rows: number, fileBytes: number, command: string): string {
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  const withLarge = results.find((r) => r.large !== null);
  const large = withLarge?.large;
  const flat = !withLarge || !large
    ? ''
    : `
Memory does not grow with the file: on ${withLarge.backend.split(' (')[0]}, importing ${large.summary.received.toLocaleString('en-US')} rows
(${(large.summary.received / rows).toFixed(0)}× the file above) took ${(large.summary.elapsedMs / 1000).toFixed(1)} s (${Math.round(large.summary.received / (large.summary.elapsedMs / 1000)).toLocaleString('en-US')} rows/s) with a peak RSS of ${mb(large.peakRssKb)},
against ${mb(withLarge.first.peakRssKb)} for ${rows.toLocaleString('en-US')} rows. The importer holds one 256 KB read chunk and one
batch (5,000 rows) at a time; the rest of its RSS is Node, tsx and V8's heap headroom.
`;
  const line = (r: Result, label: string, run: Run) => {
    const s = run.summary;
    const rate = Math.round(s.received / (s.elapsedMs / 1000));
    return `| ${r.backend} | ${label} | ${s.received} | ${s.stored} | ${s.duplicates} | ${s.rejected} | ${(s.elapsedMs / 1000).toFixed(1)} s | ${rate.toLocaleString('en-US')} | ${mb(run.peakRssKb)} |`;
  };
  return `# Bulk import benchmark

${rows.toLocaleString('en-US')} engagement events (CSV, ${(fileBytes / 1e6).toFixed(1)} MB; real campaign, variant and customer
ids read through the graph, times inside each campaign's window) imported with the pipeline of
\`npm run import -- campaigns events <file>\`: streamed, batches of 5,000 rows, each one
\`recordEngagementEvents\` call through the gateway. The whole graph (gateway and four
subgraphs, seed scale 1) runs in the benchmark's process; the import runs in a child process,
whose peak resident set size is the last column. "again" re-imports the same file: every row
is a duplicate, nothing is written.

Command: \`${command}\`
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}

| backend | run | rows | stored | duplicates | rejected | elapsed | rows/s | peak RSS (importer) |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${results.flatMap((r) => [line(r, 'first', r.first), line(r, 'again', r.again)]).join('\n')}

Rows/second counts every row read over the import's wall time (reading, client-side checks,
HTTP to the gateway, the subgraph's validation and the INSERT). Events stored afterwards,
counted with SQL: ${results.map((r) => `${r.backend.split(' (')[0]} ${r.storedInDb}`).join(', ')}.
${flat}`;
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '100000' }, 'memory-rows': { type: 'string', default: '1000000' } },
  });
  const rows = count('--rows', values.rows, 1);
  const largeRows = count('--memory-rows', values['memory-rows'], 0);
  const { databaseUrl } = loadDataConfig();
  const dir = await mkdtemp(join(tmpdir(), 'allygraph-bench-import-'));
  const main = { path: join(dir, 'events.csv'), rows };
  const large = largeRows > 0 ? { path: join(dir, 'large.csv'), rows: largeRows } : null;
  const results: Result[] = [];
  try {
    const backends = [() => pglite(dir), ...(databaseUrl ? [() => postgres(databaseUrl)] : [])];
    for (const [i, open] of backends.entries()) {
      const store = await open();
      try {
        results.push(await measure(store, { main, large: i === 0 ? large : null }, dir));
      } finally {
        await store.close();
      }
    }
    const args = process.argv.slice(2).join(' ');
    const command = `${databaseUrl ? `DATABASE_URL=${redacted(databaseUrl)} ` : ''}npm run bench:import${args ? ` -- ${args}` : ''}`;
    await mkdir('bench/reports', { recursive: true });
    await writeFile(REPORT, report(results, rows, (await stat(main.path)).size, command));
    console.log(`wrote ${REPORT}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function count(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return n;
}

main().catch((err: unknown) => {
  console.error(`bench:import failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
