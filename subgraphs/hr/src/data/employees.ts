import type { Queryable } from '../../../kit/src/db.ts';
import { fetchPage, when, type Connection, type PageArgs, type SortKey } from '../../../kit/src/pagination.ts';
import type { EmployeeRow } from './rows.ts';

const COLUMNS = `id, first_name AS "firstName", last_name AS "lastName", email, title, department,
  manager_id AS "managerId", hired_at AS "hiredAt"`;

/** hr.employees with camelCase columns; a view-like subquery so filters and keyset use the aliases. */
const EMPLOYEES = `(SELECT ${COLUMNS} FROM hr.employees) e`;

export const SORTS = {
  LAST_NAME: { name: 'LAST_NAME', column: '"lastName"', type: 'text' },
  HIRED_AT: { name: 'HIRED_AT', column: '"hiredAt"', type: 'timestamptz' },
} as const satisfies Record<string, SortKey>;

export interface EmployeeQuery extends PageArgs {
  filter?: { department?: string | null; managerId?: string | null } | null;
  sort: keyof typeof SORTS;
}

export function employeesByIds(q: Queryable, ids: readonly string[]): Promise<EmployeeRow[]> {
  return q.query<EmployeeRow>(`SELECT * FROM ${EMPLOYEES} WHERE id = ANY($1)`, [ids]);
}

/** Direct reports of many managers in one statement, ordered by id within each manager. */
export function reportsByManagers(q: Queryable, managerIds: readonly string[]): Promise<EmployeeRow[]> {
  return q.query<EmployeeRow>(`SELECT * FROM ${EMPLOYEES} WHERE "managerId" = ANY($1) ORDER BY "managerId", id`, [
    managerIds,
  ]);
}

export function pageEmployees(q: Queryable, query: EmployeeQuery): Promise<Connection<EmployeeRow>> {
  const f = query.filter ?? {};
  const where = [when(f.department, 'department = $?'), when(f.managerId, '"managerId" = $?')];
  return fetchPage<EmployeeRow>(q, { ...query, from: EMPLOYEES, sort: SORTS[query.sort], where });
}

export async function existingEmployeeIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM hr.employees WHERE id = ANY($1)`, [ids]);
  return new Set(rows.map((r) => r.id));
}
