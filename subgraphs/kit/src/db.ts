import { createHash } from 'node:crypto';
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
    return wrapPool(pool, redactUrl(target.url), async () => pool.end(), preparedStatements());
  }
  await mkdir(target.dataDir, { recursive: true });
  const lite = await PGlite.create(target.dataDir);
  const pool = new pg.Pool(createPgConfig(lite));
  return wrapPool(pool, target.dataDir, async () => {
    await pool.end();
    await lite.close();
  });
}

function wrapPool(pool: pg.Pool, location: string, close: () => Promise<void>, prepared?: (text: string, params: readonly unknown[]) => pg.QueryConfig): Db {
  let statements = 0;
  const run = async <R extends object>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    statements++;
    const query = () => (prepared && params?.length ? client.query<R>(prepared(text, params)) : client.query<R>(text, params as unknown[] | undefined));
    if (tracingEnabled() && trace.getSpan(context.active())) return traced(query, text);
    const res = await query();
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

/**
 * Statements with parameters run as named prepared statements (PostgreSQL only): each
 * connection parses a text once and then binds and executes it, so the server skips the
 * parse, and once its plan cache trusts a generic plan the planning too, of every repeat. The
 * data layer's texts are a bounded set (ids travel as `= ANY($1)` arrays, bulk rows as
 * `unnest($1::type[])`), so each connection prepares a bounded number. Not for a pooler in
 * transaction mode (PgBouncer), where a connection's prepared statements are not the session's.
 */
function preparedStatements(): (text: string, params: readonly unknown[]) => pg.QueryConfig {
  const names = new Map<string, string>();
  return (text, params) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `ag_${createHash('sha1').update(text).digest('base64url')}`));
    return { name, text, values: params as unknown[] };
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
