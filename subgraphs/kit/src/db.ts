import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

// int8 (counts, minor units) and numeric come back as strings by default; keep them
// exact as strings and let callers convert with BigInt where they do arithmetic.

/** Anything that can run one SQL statement: the pool, or a transaction's client. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction on one client; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Number of SQL statements sent since the Db was opened (tests prove batching with it). */
  readonly statements: number;
  /** Human-readable location: a URL without password, or the PGlite data directory. */
  readonly location: string;
  close(): Promise<void>;
}

export type DbTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export async function openDb(target: DbTarget, opts: { poolSize?: number } = {}): Promise<Db> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    return wrapPool(pool, redactUrl(target.url), async () => pool.end());
  }
  await mkdir(target.dataDir, { recursive: true });
  const lite = await PGlite.create(target.dataDir);
  const pool = new pg.Pool(createPgConfig(lite));
  return wrapPool(pool, target.dataDir, async () => {
    await pool.end();
    await lite.close();
  });
}

function wrapPool(pool: pg.Pool, location: string, close: () => Promise<void>): Db {
  let statements = 0;
  const run = async <R extends object>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    statements++;
    const res = await client.query<R>(text, params as unknown[] | undefined);
    return res.rows;
  };
  return {
    location,
    get statements() {
      return statements;
    },
    query: (text, params) => run(pool, text, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await run(client, 'BEGIN');
        const tx: Queryable = { query: (text, params) => run(client, text, params) };
        const result = await fn(tx);
        await run(client, 'COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close,
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
