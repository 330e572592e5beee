import type { Queryable } from '../../../kit/src/db.ts';
import type { ReviewRow } from './rows.ts';

const REVIEW = `id::text AS id, employee_id AS "employeeId", reviewer_id AS "reviewerId", period, rating, summary,
  reviewed_at AS "reviewedAt"`;

/** Every review of many employees, newest first within each employee (id breaks ties). */
export function reviewsByEmployees(q: Queryable, employeeIds: readonly string[]): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `SELECT ${REVIEW} FROM hr.reviews WHERE employee_id = ANY($1) ORDER BY employee_id, reviewed_at DESC, id DESC`,
    [employeeIds],
  );
}

/** The newest review of each of many employees. */
export function latestReviewsByEmployees(q: Queryable, employeeIds: readonly string[]): Promise<ReviewRow[]> {
  return q.query<ReviewRow>(
    `SELECT DISTINCT ON (employee_id) ${REVIEW} FROM hr.reviews
     WHERE employee_id = ANY($1) ORDER BY employee_id, reviewed_at DESC, id DESC`,
    [employeeIds],
  );
}

export interface ReviewWrite {
  clientKey: string;
  employeeId: string;
  reviewerId: string | null;
  period: string;
  rating: number;
  summary: string;
  reviewedAt: Date;
}

/** Stores the review unless its client key exists; returns null for a duplicate. */
export async function insertReview(q: Queryable, r: ReviewWrite): Promise<ReviewRow | null> {
  const rows = await q.query<ReviewRow>(
    `INSERT INTO hr.reviews (client_key, employee_id, reviewer_id, period, rating, summary, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (client_key) DO NOTHING RETURNING ${REVIEW}`,
    [r.clientKey, r.employeeId, r.reviewerId, r.period, r.rating, r.summary, r.reviewedAt.toISOString()],
  );
  return rows[0] ?? null;
}

export async function reviewByClientKey(q: Queryable, clientKey: string): Promise<ReviewRow | null> {
  const rows = await q.query<ReviewRow>(`SELECT ${REVIEW} FROM hr.reviews WHERE client_key = $1`, [clientKey]);
  return rows[0] ?? null;
}
