import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracer, tracingEnabled } from '../../../lib/telemetry/tracing.ts';

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
  /** The connection pool now: clients open (`total`), of which `idle`, and queries `waiting` for one (pg Pool's counts). */
  readonly pool: PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
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
    if (tracingEnabled() && trace.getSpan(context.active())) return traced(() => client.query<R>(text, params as unknown[] | undefined), text);
    const res = await client.query<R>(text, params as unknown[] | undefined);
    return res.rows;
  };
  return {
    location,
    get pool() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
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

/** Longest statement text recorded on a span (bulk inserts are long); parameters are never recorded. */
const MAX_STATEMENT_CHARS = 2_000;

/** Runs one statement in a `sql <OPERATION>` client span, child of the active span (a subgraph request). */
async function traced<R extends object>(query: () => Promise<pg.QueryResult<R>>, text: string): Promise<R[]> {
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  const span = tracer().startSpan(`sql ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': text.length > MAX_STATEMENT_CHARS ? `${text.slice(0, MAX_STATEMENT_CHARS)}…` : text },
  });
  try {
    const res = await query();
    if (typeof res.rowCount === 'number') span.setAttribute('db.response.returned_rows', res.rowCount);
    return res.rows;
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as { code?: string }).code ?? 'error' });
    throw err;
  } finally {
    span.end();
  }
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
