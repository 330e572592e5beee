import type { Queryable } from '../../../kit/src/db.ts';
import type { CurrencyTotalRow, CustomerTotalRow } from './rows.ts';

// Every aggregate here skips cancelled orders: they count toward nothing.

/** Non-cancelled order count, sum and first/last order time per customer and currency. */
export function customerTotals(q: Queryable, customerIds: readonly string[]): Promise<CustomerTotalRow[]> {
  return q.query<CustomerTotalRow>(
    `SELECT customer_id AS key, currency, count(*)::int AS orders, sum(total_minor)::text AS minor,
       min(placed_at) AS "firstAt", max(placed_at) AS "lastAt"
     FROM sales.orders WHERE customer_id = ANY($1) AND status <> 'CANCELLED'
     GROUP BY customer_id, currency ORDER BY customer_id, currency`,
    [customerIds],
  );
}

/** Orders and revenue attributed to each campaign (the order's direct source), per currency. */
export function campaignTotals(q: Queryable, campaignIds: readonly string[]): Promise<CurrencyTotalRow[]> {
  return q.query<CurrencyTotalRow>(
    `SELECT campaign_id AS key, currency, count(*)::int AS orders, sum(total_minor)::text AS minor
     FROM sales.orders WHERE campaign_id = ANY($1) AND status <> 'CANCELLED'
     GROUP BY campaign_id, currency ORDER BY campaign_id, currency`,
    [campaignIds],
  );
}

export interface QuotaWindow {
  key: string;
  employeeId: string;
  start: Date;
  end: Date;
}

/** Orders and revenue per currency of each employee inside each window [start, end), in one statement. */
export function quotaTotals(q: Queryable, windows: readonly QuotaWindow[]): Promise<CurrencyTotalRow[]> {
  return q.query<CurrencyTotalRow>(
    // Summed per window (LATERAL) over orders_rep_cover_idx (003_perf_indexes.sql) alone: a plain
    // join let the planner hash-join the whole orders table once there were a few windows.
    `SELECT w.key, o.currency, sum(o.orders)::int AS orders, sum(o.minor)::text AS minor
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS w(key, employee_id, start_at, end_at)
     CROSS JOIN LATERAL (
       SELECT currency, count(*) AS orders, sum(total_minor) AS minor FROM sales.orders
       WHERE sales_rep_id = w.employee_id AND placed_at >= w.start_at AND placed_at < w.end_at AND status <> 'CANCELLED'
       GROUP BY currency) o
     GROUP BY w.key, o.currency ORDER BY w.key, o.currency`,
    [
      windows.map((w) => w.key),
      windows.map((w) => w.employeeId),
      windows.map((w) => w.start.toISOString()),
      windows.map((w) => w.end.toISOString()),
    ],
  );
}
