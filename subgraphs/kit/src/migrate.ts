import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './db.ts';

export interface AppliedMigration {
  version: number;
  name: string;
}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Migrations every department gets (900 and up): the audit log. */
export const KIT_MIGRATIONS_DIR = new URL('../migrations', import.meta.url).pathname;

/**
 * Applies `dir`'s numbered .sql files and the kit's (900 and up) in version order into
 * Postgres schema `schema`, all in one transaction (a failing file leaves nothing applied),
 * recording version and checksum in `<schema>.schema_migrations`. A migration whose file
 * changed after it was applied is an error, never a re-run; two files with one version too.
 */
export async function migrate(db: Db, schema: string, dir: string): Promise<AppliedMigration[]> {
  const files = [
    ...(await readdir(dir)).filter((f) => f.endsWith('.sql')).map((file) => ({ dir, file })),
    ...(await readdir(KIT_MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).map((file) => ({ dir: KIT_MIGRATIONS_DIR, file })),
  ];
  const migrations = await Promise.all(
    files.map(async ({ dir, file }) => {
      const match = FILE.exec(file);
      if (!match) throw new Error(`migration file ${join(dir, file)} must be named NNN_name.sql`);
      const sql = await readFile(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2], sql, checksum: sha256(sql), path: join(dir, file) };
    }),
  );
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`migrations ${migrations[i - 1].path} and ${migrations[i].path} share version ${migrations[i].version}`);
    }
  }
  return db.transaction(async (tx) => {
    // Serializes concurrent starts of the same subgraph against one server.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`allygraph.migrate.${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ version: number; checksum: string }>(
      `SELECT version, checksum FROM ${schema}.schema_migrations`,
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const done: AppliedMigration[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(
            `migration ${schema}/${m.version}_${m.name}.sql changed after it was applied (checksum mismatch); add a new migration instead`,
          );
        }
        continue;
      }
      await tx.query(`SET LOCAL search_path TO ${schema}, public`);
      await tx.query(m.sql);
      await tx.query(`INSERT INTO ${schema}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`, [
        m.version,
        m.name,
        m.checksum,
      ]);
      done.push({ version: m.version, name: m.name });
    }
    return done;
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
