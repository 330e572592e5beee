import type { Queryable } from '../../../kit/src/db.ts';
import { BUCKETS_SQL, type BucketUnit } from '../../../kit/src/periods.ts';

export interface KpiBucketRow {
  periodStart: Date;
  orders: number;
  newCustomers: number;
  /** Exact sums per currency, sorted by currency. */
  revenue: { currency: string; minor: string }[];
}

/**
 * Non-cancelled orders, revenue and new customers per local bucket in [from, to); every bucket
 * is present. A customer is new in the bucket of their first non-cancelled order over all
 * time, so an older first order keeps them out of every bucket of the range.
 */
export function salesKpis(q: Queryable, opts: { from: Date; to: Date; unit: BucketUnit; timeZone: string }): Promise<KpiBucketRow[]> {
  return q.query<KpiBucketRow>(
    `WITH buckets AS (${BUCKETS_SQL}),
     sold AS (
       SELECT date_trunc($3, placed_at AT TIME ZONE $4) AS b, currency, count(*) AS n, sum(total_minor) AS minor
       FROM sales.orders
       WHERE status <> 'CANCELLED' AND placed_at >= $1 AND placed_at < $2
       GROUP BY 1, 2),
     firsts AS (
       SELECT date_trunc($3, first_at AT TIME ZONE $4) AS b, count(*) AS n
       FROM (SELECT min(placed_at) AS first_at FROM sales.orders WHERE status <> 'CANCELLED' GROUP BY customer_id) f
       WHERE first_at >= $1 AND first_at < $2
       GROUP BY 1)
     SELECT (buckets.b AT TIME ZONE $4) AS "periodStart",
       COALESCE((SELECT sum(s.n) FROM sold s WHERE s.b = buckets.b), 0)::int AS orders,
       COALESCE((SELECT f.n FROM firsts f WHERE f.b = buckets.b), 0)::int AS "newCustomers",
       COALESCE((SELECT json_agg(json_build_object('currency', s.currency, 'minor', s.minor::text) ORDER BY s.currency)
                 FROM sold s WHERE s.b = buckets.b), '[]'::json) AS revenue
     FROM buckets ORDER BY buckets.b`,
    [opts.from.toISOString(), opts.to.toISOString(), opts.unit, opts.timeZone],
  );
}

export interface CohortRow {
  cohort: string;
  customers: number;
  /** active[n]: cohort customers with a non-cancelled order in calendar month cohort+n. */
  active: number[];
}

/** Monthly cohorts (months of the time zone) of customers whose first non-cancelled order is in [from, to), in one statement. */
export function retentionCohorts(q: Queryable, opts: { from: Date; to: Date; months: number; timeZone: string }): Promise<CohortRow[]> {
  return q.query<CohortRow>(
    `WITH live AS (
       SELECT customer_id, placed_at, placed_at AT TIME ZONE $4 AS local
       FROM sales.orders WHERE status <> 'CANCELLED'),
     members AS (
       SELECT customer_id, date_trunc('month', min(local)) AS cohort
       FROM live GROUP BY customer_id
       HAVING min(placed_at) >= $1 AND min(placed_at) < $2),
     activity AS (
       SELECT m.cohort, k.n, count(DISTINCT m.customer_id) AS active
       FROM members m JOIN live l ON l.customer_id = m.customer_id
       CROSS JOIN LATERAL (SELECT ((extract(year FROM l.local) - extract(year FROM m.cohort)) * 12
                                   + extract(month FROM l.local) - extract(month FROM m.cohort))::int AS n) k
       WHERE k.n < $3
       GROUP BY m.cohort, k.n),
     sizes AS (SELECT cohort, count(*) AS customers FROM members GROUP BY cohort)
     SELECT to_char(s.cohort, 'YYYY-MM') AS cohort, s.customers::int AS customers,
       array_agg(COALESCE(a.active, 0)::int ORDER BY g.n) AS active
     FROM sizes s CROSS JOIN generate_series(0, $3 - 1) AS g(n)
     LEFT JOIN activity a ON a.cohort = s.cohort AND a.n = g.n
     GROUP BY s.cohort, s.customers ORDER BY s.cohort`,
    [opts.from.toISOString(), opts.to.toISOString(), opts.months, opts.timeZone],
  );
}
