/**
 * The benchmark's dataset: seeded at `scale` on PostgreSQL (DATABASE_URL: a database of its own,
 * `allygraph_bench`, created on first use and re-seeded when its scale differs) or on PGlite in a
 * temp dir; and the ids the workloads pick from, read from the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEPARTMENTS, type DataConfig } from '../../subgraphs/kit/src/config.ts';
import type { Db } from '../../subgraphs/kit/src/db.ts';
import { migrateAll, openDepartmentDbs } from '../../scripts/databases.ts';
import { buildWorld, seedDepartment } from '../../scripts/seed/index.ts';

export const BENCH_DATABASE = 'allygraph_bench';

/** Ids read from the seeded database. */
export interface Ids {
  customers: string[];
  campaigns: string[];
  /** Managers of at least one SALES employee: a sales team each. */
  salesManagers: string[];
}

export interface Dataset {
  /** Where the data is, for the report. */
  label: string;
  /** What the subgraph process needs in its environment to open the same data. */
  env: Record<string, string>;
  ids: Ids;
  seconds: { seed: number };
  /** Removes a temp PGlite directory (a PostgreSQL database is kept for the next run). */
  dispose(): Promise<void>;
}

export async function prepareDataset(scale: number, databaseUrl: string | undefined): Promise<Dataset> {
  let dir: string | undefined;
  let config: DataConfig;
  let env: Record<string, string>;
  let label: string;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    await ensureDatabase(databaseUrl, BENCH_DATABASE);
    url.pathname = `/${BENCH_DATABASE}`;
    config = { databaseUrl: url.toString(), departmentUrls: {}, dataDir: tmpdir(), seedScale: 0 };
    env = { DATABASE_URL: url.toString() };
    label = `PostgreSQL, database ${BENCH_DATABASE} (one pool of 10 connections shared by the four subgraphs)`;
  } else {
    dir = await mkdtemp(join(tmpdir(), 'allygraph-bench-gateway-'));
    config = { databaseUrl: undefined, departmentUrls: {}, dataDir: dir, seedScale: 0 };
    env = { DATA_DIR: dir };
    label = 'PGlite (embedded, one connection shared by the four subgraphs)';
  }
  const { dbs, close } = await openDepartmentDbs(config, DEPARTMENTS, 'shared');
  try {
    const started = Date.now();
    await migrateAll(dbs);
    const db = dbs.crm;
    if (databaseUrl) label += `, PostgreSQL ${await serverVersion(db)}`;
    if (!(await seededAt(db, scale))) {
      for (const d of DEPARTMENTS) {
        console.log(`  seeding ${d} at scale ${scale}`);
        await seedDepartment(dbs[d], d, scale, { reset: true });
      }
      // Projections of a previous seed go too; run.ts follows the feeds again.
      await db.query(`TRUNCATE campaigns.conversions, campaigns.feed_positions, crm.suppressions, crm.feed_positions`);
    }
    // Table statistics now, not whenever autovacuum gets to it: plans during the run are the
    // plans a database in service would have.
    await db.query('ANALYZE');
    const seed = (Date.now() - started) / 1000;
    const ids = await readIds(db);
    return {
      label,
      env,
      ids,
      seconds: { seed },
      dispose: async () => {
        if (dir) await rm(dir, { recursive: true, force: true });
      },
    };
  } finally {
    await close();
  }
}

/** True when the database holds exactly the seed of this scale (customer and campaign counts). */
async function seededAt(db: Db, scale: number): Promise<boolean> {
  const { sizes } = buildWorld(scale);
  const [row] = await db.query<{ customers: number; campaigns: number }>(
    `SELECT (SELECT count(*)::int FROM crm.customers) AS customers, (SELECT count(*)::int FROM campaigns.campaigns) AS campaigns`,
  );
  return row?.customers === sizes.customers && row?.campaigns === sizes.campaigns;
}

async function readIds(db: Db): Promise<Ids> {
  const column = async (sql: string) => (await db.query<{ id: string }>(sql)).map((r) => r.id);
  const ids: Ids = {
    customers: await column(`SELECT id FROM crm.customers ORDER BY id`),
    campaigns: await column(`SELECT id FROM campaigns.campaigns ORDER BY id`),
    salesManagers: await column(
      `SELECT DISTINCT manager_id AS id FROM hr.employees WHERE department = 'SALES' AND manager_id IS NOT NULL ORDER BY 1`,
    ),
  };
  for (const [what, list] of Object.entries(ids)) if (list.length === 0) throw new Error(`the seeded database has no ${what}`);
  return ids;
}

async function serverVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ server_version: string }>(`SHOW server_version`);
  return row?.server_version.split(' ')[0] ?? '?';
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
