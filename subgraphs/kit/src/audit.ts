import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import type { ForwardedIdentity } from '../../../lib/internal-identity.ts';
import type { Db, PoolStats, Queryable } from './db.ts';
import * as v from './validate.ts';

/**
 * One request's audit trail: sensitive reads are collected while resolving and written in
 * one statement before the response leaves; every write is recorded inside the write's own
 * transaction, so a write never commits without its audit row.
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();
  /** The mutation field being resolved (GraphQL runs mutations one at a time). */
  mutation: { coordinate: string; args: Record<string, unknown> } | null = null;

  constructor(
    private readonly schema: string,
    readonly identity: ForwardedIdentity,
  ) {}

  read(coordinate: string, id: unknown): void {
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const ids = this.reads.get(coordinate) ?? new Set<string>();
    ids.add(String(id));
    this.reads.set(coordinate, ids);
  }

  /** Writes the collected reads, if any, as one row. */
  async flushReads(db: Queryable): Promise<void> {
    if (this.reads.size === 0) return;
    const fields = [...this.reads.keys()].sort();
    const ids = [...new Set([...this.reads.values()].flatMap((s) => [...s]))].sort();
    this.reads.clear();
    await this.insert(db, 'READ', fields, ids);
  }

  async recordWrite(tx: Queryable, result: unknown): Promise<void> {
    if (!this.mutation) return;
    const ids = new Set<string>([...idsOf(result), ...idsOf(this.mutation.args)]);
    await this.insert(tx, 'WRITE', [this.mutation.coordinate], [...ids].sort());
  }

  /** `db` whose transactions append this request's write record before committing. */
  wrap(db: Db): Db {
    return new AuditedDb(db, this);
  }

  private insert(db: Queryable, kind: 'READ' | 'WRITE', fields: string[], ids: string[]): Promise<unknown> {
    const who = this.identity;
    return db.query(
      `INSERT INTO ${this.schema}.audit_log (actor, roles, request_id, operation_name, kind, fields, record_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [who.subject, who.roles, who.requestId, who.operationName, kind, fields, ids],
    );
  }
}

/**
 * A request's view of the database (AuditTrail.wrap): a class rather than an object of fresh
 * closures, since every request makes one and most never open a transaction.
 */
class AuditedDb implements Db {
  constructor(
    private readonly db: Db,
    private readonly trail: AuditTrail,
  ) {}

  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return this.db.query<R>(text, params);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const result = await fn(tx);
      await this.trail.recordWrite(tx, result);
      return result;
    });
  }

  get statements(): number {
    return this.db.statements;
  }

  get location(): string {
    return this.db.location;
  }

  get pool(): PoolStats {
    return this.db.pool;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Record ids in a result or in mutation arguments: `id`, or the keys bulk inputs carry. */
function idsOf(value: unknown, depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => idsOf(v, depth + 1));
  const obj = value as Record<string, unknown>;
  for (const key of ['id', 'clientKey', 'orderId', 'customerId', 'employeeId']) if (typeof obj[key] === 'string') return [obj[key] as string];
  return Object.values(obj).flatMap((v) => idsOf(v, depth + 1));
}

interface AuditContext {
  audit: AuditTrail;
}

/** Wraps a field resolver so each resolved value records (coordinate, parent id). */
export function auditedRead(coordinate: string, resolve: GraphQLFieldResolver<unknown, AuditContext> = defaultFieldResolver): GraphQLFieldResolver<unknown, AuditContext> {
  return (parent, args, ctx, info) => {
    ctx.audit.read(coordinate, (parent as { id?: unknown } | null)?.id);
    return resolve(parent, args, ctx, info);
  };
}

/** Wraps a mutation resolver so the transaction it opens records the write. */
export function auditedWrite(coordinate: string, resolve: GraphQLFieldResolver<unknown, AuditContext>): GraphQLFieldResolver<unknown, AuditContext> {
  return async (parent, args, ctx, info) => {
    ctx.audit.mutation = { coordinate, args };
    try {
      return await resolve(parent, args, ctx, info);
    } finally {
      ctx.audit.mutation = null;
    }
  };
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string | null;
  roles: string[];
  request_id: string | null;
  operation_name: string | null;
  kind: string;
  fields: string[];
  record_ids: string[];
}

/** `Query.<department>AuditLog`: the department's trail, newest first. */
export function auditLogResolver(schema: string) {
  return async (_root: unknown, args: { since: string; actor?: string | null; kind?: string | null; first?: number | null }, ctx: { db: Queryable }) => {
    const first = v.intRange('first', args.first ?? 100, 1, 1000);
    const since = v.dateTime('since', args.since);
    const rows = await ctx.db.query<AuditRow>(
      `SELECT id::text, at, actor, roles, request_id, operation_name, kind, fields, record_ids FROM ${schema}.audit_log
       WHERE at >= $1 AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR kind = $3)
       ORDER BY id DESC LIMIT $4`,
      [since, args.actor ?? null, args.kind ?? null, first],
    );
    return rows.map((r) => ({
      department: schema,
      id: r.id,
      at: r.at,
      actor: r.actor,
      roles: r.roles,
      requestId: r.request_id,
      operationName: r.operation_name,
      kind: r.kind,
      fields: r.fields,
      recordIds: r.record_ids,
    }));
  };
}
