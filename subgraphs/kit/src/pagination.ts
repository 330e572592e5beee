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

export interface PageRequest {
  /** SQL relation to page over, e.g. `crm.customers`. */
  from: string;
  /** AND-ed SQL conditions using $1..$n from `params`. */
  where: string[];
  params: unknown[];
  /** Whitelisted, non-null column to order by; `id` breaks ties. */
  sortColumn: string;
  direction: SortDirection;
  first?: number | null;
  after?: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

type CursorValue = string | number;

export function encodeCursor(sortValue: unknown, id: string): string {
  const value: CursorValue = sortValue instanceof Date ? sortValue.toISOString() : (sortValue as CursorValue);
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'is not a cursor returned by this list');
}

/**
 * Keyset pagination: one statement, stable under inserts, cost independent of depth.
 * Fetches one extra row to know whether a next page exists.
 */
export async function fetchPage<R extends { id: string }>(q: Queryable, req: PageRequest): Promise<Connection<R>> {
  const size = pageSize(req.first);
  const where = [...req.where];
  const params = [...req.params];
  if (req.after != null) {
    const [value, id] = decodeCursor(req.after);
    params.push(value, id);
    const op = req.direction === 'ASC' ? '>' : '<';
    where.push(`(${req.sortColumn}, id) ${op} ($${params.length - 1}, $${params.length})`);
  }
  params.push(size + 1);
  const sql =
    `SELECT * FROM ${req.from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${req.sortColumn} ${req.direction}, id ${req.direction} LIMIT $${params.length}`;
  const rows = await q.query<R>(sql, params);
  // The row property of a quoted alias such as "createdAt" is the name without quotes.
  const column = req.sortColumn.replace(/^"(.*)"$/, '$1');
  return toConnection(rows, size, req.after != null, (node) =>
    encodeCursor((node as Record<string, unknown>)[column], node.id),
  );
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
