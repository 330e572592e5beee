import type { Queryable } from '../../../kit/src/db.ts';
import type { SegmentRow } from './rows.ts';

export function allSegments(q: Queryable): Promise<SegmentRow[]> {
  return q.query<SegmentRow>(`SELECT id, name, description FROM crm.segments ORDER BY id`);
}

export function segmentsByIds(q: Queryable, ids: readonly string[]): Promise<SegmentRow[]> {
  return q.query<SegmentRow>(`SELECT id, name, description FROM crm.segments WHERE id = ANY($1)`, [ids]);
}

export interface LifecycleCountRow {
  segmentId: string;
  stage: 'LEAD' | 'PROSPECT' | 'CUSTOMER' | 'CHURNED';
  count: number;
}

export function lifecycleCounts(q: Queryable, segmentIds: readonly string[]): Promise<LifecycleCountRow[]> {
  return q.query<LifecycleCountRow>(
    `SELECT segment_id AS "segmentId", lifecycle_stage AS stage, count(*)::int AS count
     FROM crm.customers WHERE segment_id = ANY($1)
     GROUP BY segment_id, lifecycle_stage ORDER BY segment_id, lifecycle_stage`,
    [segmentIds],
  );
}

export interface NpsTally {
  key: string;
  responses: number;
  promoters: number;
  detractors: number;
}

/** NPS tallies over every NPS answer of each segment's customers. */
export function segmentNps(q: Queryable, segmentIds: readonly string[]): Promise<NpsTally[]> {
  return q.query<NpsTally>(
    `SELECT c.segment_id AS key, count(*)::int AS responses,
       count(*) FILTER (WHERE r.score >= 9)::int AS promoters,
       count(*) FILTER (WHERE r.score <= 6)::int AS detractors
     FROM crm.satisfaction_responses r JOIN crm.customers c ON c.id = r.customer_id
     WHERE r.kind = 'NPS' AND c.segment_id = ANY($1)
     GROUP BY c.segment_id`,
    [segmentIds],
  );
}

/**
 * NPS = % promoters - % detractors, rounded to 2 decimals half away from zero (as SQL
 * round(numeric, 2) does), in integer arithmetic; null without answers.
 */
export function npsScore(t: { responses: number; promoters: number; detractors: number }): number | null {
  if (t.responses === 0) return null;
  const hundredths = Math.abs(t.promoters - t.detractors) * 10000;
  const rounded = Math.floor((2 * hundredths + t.responses) / (2 * t.responses));
  return (Math.sign(t.promoters - t.detractors) * rounded) / 100;
}
