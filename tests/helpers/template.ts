import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../../subgraphs/kit/src/db.ts';
import { DEPARTMENTS, type Department } from '../../subgraphs/kit/src/config.ts';
import { migrateAll } from '../../scripts/databases.ts';
import { seedAll } from '../../scripts/seed/index.ts';

/**
 * A migrated, scale-1 seeded database that every test copies: a PGlite directory, or a
 * PostgreSQL template database when the suite runs against a server (DATABASE_URL).
 */
export type Template = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; adminUrl: string; database: string };

export interface DbCopy {
  db: Db;
  /** Closes the Db and deletes the copy. */
  dispose(): Promise<void>;
}

export async function buildTemplate(databaseUrl: string | undefined): Promise<Template> {
  if (databaseUrl) {
    const database = `allygraph_tpl_${process.pid}`;
    await admin(databaseUrl, [`DROP DATABASE IF EXISTS ${database}`, `CREATE DATABASE ${database}`]);
    await fill({ kind: 'postgres', url: withDatabase(databaseUrl, database) });
    return { kind: 'postgres', adminUrl: databaseUrl, database };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'allygraph-tpl-'));
  await fill({ kind: 'pglite', dataDir });
  return { kind: 'pglite', dataDir };
}

export async function dropTemplate(t: Template): Promise<void> {
  if (t.kind === 'pglite') await rm(t.dataDir, { recursive: true, force: true });
  else await admin(t.adminUrl, [`DROP DATABASE IF EXISTS ${t.database}`]);
}

/** An empty database on the same backend as the template (PGlite directory or server). */
export function emptyDatabase(t: Template): Promise<DbCopy> {
  return t.kind === 'pglite' ? privateDir() : privateDatabase(t.adminUrl, '');
}

/** A private, writable copy of the template for one test file. */
export function copyTemplate(t: Template): Promise<DbCopy> {
  return t.kind === 'pglite' ? privateDir(t.dataDir) : privateDatabase(t.adminUrl, ` TEMPLATE ${t.database}`);
}

/** A fresh PGlite directory (a copy of `from` when given), deleted on dispose. */
async function privateDir(from?: string): Promise<DbCopy> {
  const dataDir = await mkdtemp(join(tmpdir(), 'allygraph-test-'));
  if (from) await cp(from, dataDir, { recursive: true });
  const db = await openDb({ kind: 'pglite', dataDir });
  return {
    db,
    dispose: async () => {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server (`CREATE DATABASE x<options>`), dropped on dispose. */
async function privateDatabase(adminUrl: string, options: string): Promise<DbCopy> {
  const database = `allygraph_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, [`CREATE DATABASE ${database}${options}`]);
  const db = await openDb({ kind: 'postgres', url: withDatabase(adminUrl, database) });
  return {
    db,
    dispose: async () => {
      await db.close();
      await admin(adminUrl, [`DROP DATABASE IF EXISTS ${database}`]);
    },
  };
}

async function fill(target: Parameters<typeof openDb>[0]): Promise<void> {
  const db = await openDb(target);
  try {
    const dbs = Object.fromEntries(DEPARTMENTS.map((d) => [d, db])) as Record<Department, Db>;
    await migrateAll(dbs);
    await seedAll(dbs, 1);
  } finally {
    await db.close();
  }
}

async function admin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
