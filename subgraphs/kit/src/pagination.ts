import { badInput } from './errors.ts';
import type { Queryable } from './db.ts';

/** Largest page a client may ask for; larger `first` values are refused, not clamped. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export type SortDirection = 'ASC' | 'DESC';

/** A way a list can be ordered: the name clients see, the SQL column, and its type. */
export interface SortKey {
  /** Client-facing name, e.g. `CREATED_AT`; cursors remember it. */
  name: string;
  /** Non-null SQL column (or quoted alias) to order by; `id` breaks ties. */
  column: string;
  type: 'text' | 'timestamptz' | 'bigint';
}

/** One AND-ed condition of a list; every `$?` in `sql` stands for `value`. */
export interface Condition {
  sql: string;
  value: unknown;
}

/** The condition when a filter field was given (not null/undefined), else nothing. */
export function when(value: unknown, sql: string): Condition | null {
  return value == null ? null : { sql, value };
}

export interface PageArgs {
  direction: SortDirection;
  first?: number | null;
  after?: string | null;
}

export interface PageRequest extends PageArgs {
  /** SQL relation to page over, e.g. `crm.customers`. */
  from: string;
  where: (Condition | null)[];
  sort: SortKey;
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(\d{3})?Z$/;

/**
 * An opaque cursor: the sort's name, the row's exact sort value as text (timestamps keep
 * their microseconds, which a JS Date would lose) and the row id.
 */
export function encodeCursor(sort: string, value: string | Date, id: string): string {
  const text = value instanceof Date ? value.toISOString() : value.replace(/^(.*\.\d{3})000Z$/, '$1Z');
  return Buffer.from(JSON.stringify([sort, text, id])).toString('base64url');
}

/** The sort value and id of a cursor of this sort; anything else is bad input naming `after`. */
export function decodeCursor(cursor: string, sort: SortKey): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    throw badInput('after', 'is not a cursor returned by this list');
  }
  const [name, value, id] = parsed as [string, string, string];
  if (name !== sort.name) throw badInput('after', `is a cursor of the ${name} order; this list is ordered by ${sort.name}`);
  const valid = sort.type === 'timestamptz' ? TIMESTAMP.test(value) : sort.type === 'bigint' ? /^-?\d{1,18}$/.test(value) : true;
  if (!valid) throw badInput('after', 'is not a cursor returned by this list');
  return [value, id];
}

/** The sort value as exact text, in the form encodeCursor keeps. */
function sortText(sort: SortKey): string {
  return sort.type === 'timestamptz'
    ? `to_char(${sort.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : `${sort.column}::text`;
}

/**
 * Keyset pagination: one statement, stable under inserts, cost independent of depth.
 * Fetches one extra row to know whether a next page exists.
 */
export async function fetchPage<R extends { id: string }>(q: Queryable, req: PageRequest): Promise<Connection<R>> {
  const size = pageSize(req.first);
  const where: string[] = [];
  const params: unknown[] = [];
  for (const c of req.where) {
    if (!c) continue;
    params.push(c.value);
    where.push(c.sql.replaceAll('$?', `$${params.length}`));
  }
  const { sort } = req;
  if (req.after != null) {
    const [value, id] = decodeCursor(req.after, sort);
    params.push(value, id);
    const op = req.direction === 'ASC' ? '>' : '<';
    where.push(`(${sort.column}, id) ${op} ($${params.length - 1}::${sort.type}, $${params.length})`);
  }
  params.push(size + 1);
  const sql =
    `SELECT *, ${sortText(sort)} AS "__sortValue" FROM ${req.from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${sort.column} ${req.direction}, id ${req.direction} LIMIT $${params.length}`;
  const rows = await q.query<R & { __sortValue: string }>(sql, params);
  const connection = toConnection(rows, size, req.after != null, (row) => encodeCursor(sort.name, row.__sortValue, row.id));
  for (const edge of connection.edges) delete (edge.node as Partial<typeof edge.node>).__sortValue;
  return connection;
}

/** Builds a connection from up to `size + 1` rows (the extra one only says a next page exists). */
export function toConnection<R>(rows: R[], size: number, hasPrevious: boolean, cursorOf: (row: R) => string): Connection<R> {
  const edges = rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
