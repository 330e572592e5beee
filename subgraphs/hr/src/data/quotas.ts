import type { Queryable } from '../../../kit/src/db.ts';
import type { QuotaRow } from './rows.ts';

// ::text keeps bigint exact whatever the driver's int8 parser does.
const QUOTA = `employee_id AS "employeeId", period, currency, target_minor::text AS "targetMinor"`;

export interface QuotaKey {
  employeeId: string;
  period: string;
}

/** Every quota of many employees, latest period first within each employee. */
export function quotasByEmployees(q: Queryable, employeeIds: readonly string[]): Promise<QuotaRow[]> {
  // COLLATE "C": periods compare by code point, so the order does not depend on the server's locale.
  return q.query<QuotaRow>(
    `SELECT ${QUOTA} FROM hr.quotas WHERE employee_id = ANY($1) ORDER BY employee_id, period COLLATE "C" DESC`,
    [employeeIds],
  );
}

/** The quotas for many (employee, period) pairs in one statement; pairs without a quota are absent. */
export function quotasByKeys(q: Queryable, keys: readonly QuotaKey[]): Promise<QuotaRow[]> {
  return q.query<QuotaRow>(
    `SELECT ${QUOTA} FROM hr.quotas
     WHERE (employee_id, period) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k.employeeId), keys.map((k) => k.period)],
  );
}

export async function upsertQuota(
  q: Queryable,
  quota: { employeeId: string; period: string; currency: string; targetMinor: bigint },
): Promise<QuotaRow> {
  const rows = await q.query<QuotaRow>(
    `INSERT INTO hr.quotas (employee_id, period, currency, target_minor) VALUES ($1, $2, $3, $4)
     ON CONFLICT (employee_id, period) DO UPDATE
       SET currency = EXCLUDED.currency, target_minor = EXCLUDED.target_minor
     RETURNING ${QUOTA}`,
    [quota.employeeId, quota.period, quota.currency, quota.targetMinor.toString()],
  );
  return rows[0];
}
