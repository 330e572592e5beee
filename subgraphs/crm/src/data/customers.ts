import type { Queryable } from '../../../kit/src/db.ts';
import { fetchPage, when, type Connection, type PageArgs, type SortKey } from '../../../kit/src/pagination.ts';
import type { CustomerRow } from './rows.ts';

/** crm.customers with camelCase columns; a view-like subquery so filters and keyset use the aliases. */
export const CUSTOMERS = `(SELECT id, first_name AS "firstName", last_name AS "lastName", email, phone, address,
  country, segment_id AS "segmentId", lifecycle_stage AS "lifecycleStage",
  account_manager_id AS "accountManagerId", created_at AS "createdAt", updated_at AS "updatedAt"
  FROM crm.customers) c`;

export const SORTS = {
  CREATED_AT: { name: 'CREATED_AT', column: '"createdAt"', type: 'timestamptz' },
  LAST_NAME: { name: 'LAST_NAME', column: '"lastName"', type: 'text' },
  EMAIL: { name: 'EMAIL', column: 'email', type: 'text' },
} as const satisfies Record<string, SortKey>;

export interface CustomerQuery extends PageArgs {
  filter?: {
    segmentId?: string | null;
    lifecycleStage?: string | null;
    country?: string | null;
    accountManagerId?: string | null;
    search?: string | null;
  } | null;
  sort: keyof typeof SORTS;
  /** Whether `search` may match emails (the caller reads PII); names only otherwise. */
  searchEmail: boolean;
}

export function customersByIds(q: Queryable, ids: readonly string[]): Promise<CustomerRow[]> {
  return q.query<CustomerRow>(`SELECT * FROM ${CUSTOMERS} WHERE id = ANY($1)`, [ids]);
}

export async function customerByEmail(q: Queryable, email: string): Promise<CustomerRow | null> {
  const rows = await q.query<CustomerRow>(`SELECT * FROM ${CUSTOMERS} WHERE email = $1`, [email.trim().toLowerCase()]);
  return rows[0] ?? null;
}

export function pageCustomers(q: Queryable, query: CustomerQuery): Promise<Connection<CustomerRow>> {
  const f = query.filter ?? {};
  const search = f.search?.trim() ? `%${f.search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  const where = [
    when(f.segmentId, '"segmentId" = $?'),
    when(f.lifecycleStage, '"lifecycleStage" = $?'),
    when(f.country?.toUpperCase(), 'country = $?'),
    when(f.accountManagerId, '"accountManagerId" = $?'),
    when(search, query.searchEmail ? '("firstName" ILIKE $? OR "lastName" ILIKE $? OR email ILIKE $?)' : '("firstName" ILIKE $? OR "lastName" ILIKE $?)'),
  ];
  return fetchPage<CustomerRow>(q, { ...query, from: CUSTOMERS, sort: SORTS[query.sort], where });
}

/**
 * First page (or the page after `afterId`) of customers per account manager, ordered by id,
 * for many managers in one statement. Returns up to `limit` rows per manager.
 */
export function customersByManagers(
  q: Queryable,
  managerIds: readonly string[],
  limit: number,
  afterId: string | null,
): Promise<CustomerRow[]> {
  return q.query<CustomerRow>(
    `SELECT c.* FROM unnest($1::text[]) AS m(id)
     CROSS JOIN LATERAL (SELECT * FROM ${CUSTOMERS}
       WHERE "accountManagerId" = m.id AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3) c`,
    [managerIds, afterId, limit],
  );
}

export interface CustomerWrite {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  address: string | null;
  country: string;
  segmentId: string | null;
  lifecycleStage: string;
  accountManagerId: string | null;
}

const COLUMNS: Record<keyof CustomerWrite, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  country: 'country',
  segmentId: 'segment_id',
  lifecycleStage: 'lifecycle_stage',
  accountManagerId: 'account_manager_id',
};

export async function insertCustomer(q: Queryable, c: CustomerWrite): Promise<string> {
  const keys = Object.keys(COLUMNS) as (keyof CustomerWrite)[];
  const rows = await q.query<{ id: string }>(
    `INSERT INTO crm.customers (${keys.map((k) => COLUMNS[k]).join(', ')})
     VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    keys.map((k) => c[k]),
  );
  return rows[0].id;
}

/** Updates the given columns only; returns false when the customer does not exist. */
export async function updateCustomer(q: Queryable, id: string, changes: Partial<CustomerWrite>): Promise<boolean> {
  const keys = Object.keys(changes) as (keyof CustomerWrite)[];
  const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
  const rows = await q.query(
    `UPDATE crm.customers SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING id`,
    [id, ...keys.map((k) => changes[k])],
  );
  return rows.length === 1;
}

export async function existingCustomerIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM crm.customers WHERE id = ANY($1)`, [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function emailOwner(q: Queryable, email: string): Promise<string | null> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM crm.customers WHERE email = $1`, [email]);
  return rows[0]?.id ?? null;
}
