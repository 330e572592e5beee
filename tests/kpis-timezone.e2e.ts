import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// Time-zone aware buckets, across Berlin's switch to summer time (2026-03-29, 02:00 -> 03:00).
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

const FROM = '2026-03-26T23:00:00Z'; // 2026-03-27 00:00 in Berlin (CET, +01:00)
const TO = '2026-03-31T22:00:00Z'; // 2026-04-01 00:00 in Berlin (CEST, +02:00)
// Local midnights, worked out by hand: +01:00 until the 29th, +02:00 from the 30th.
const BERLIN_DAYS = ['2026-03-26T23:00:00.000Z', '2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z'];

describe('time-zone aware KPIs', () => {
  it('salesKpis buckets by local days in the zone, matching SQL on local dates', async () => {
    const res = await graph.gql<{ salesKpis: unknown[] }>(
      `query($from: DateTime!, $to: DateTime!) { salesKpis(from: $from, to: $to, interval: DAY, timeZone: "Europe/Berlin") {
        periodStart orders revenue { amount currency } } }`,
      { from: FROM, to: TO },
    );
    const rows = await graph.db.query<{ day: string; orders: number; currency: string | null; minor: string | null }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day, count(o.id)::int AS orders, o.currency, sum(o.total_minor)::text AS minor
       FROM generate_series(date '2026-03-27', date '2026-03-31', interval '1 day') AS d
       LEFT JOIN sales.orders o ON (o.placed_at AT TIME ZONE 'Europe/Berlin')::date = d::date AND o.status <> 'CANCELLED'
       GROUP BY d, o.currency ORDER BY d, o.currency`,
    );
    const expected = BERLIN_DAYS.map((periodStart, i) => {
      const day = rows.filter((r) => r.day === `2026-03-${27 + i}`);
      return {
        periodStart,
        orders: day.reduce((n, r) => n + r.orders, 0),
        revenue: day.filter((r) => r.currency).map((r) => formatMinor(r.minor!, r.currency!)),
      };
    });
    expect(res.body).toEqual({ data: { salesKpis: expected } });
    expect(expected.some((d) => d.orders > 0)).toBe(true);
  });

  it('engagementKpis counts unique customers per local day and the conversion rate', async () => {
    const res = await graph.gql(
      `query($from: DateTime!, $to: DateTime!) { engagementKpis(from: $from, to: $to, interval: DAY, timeZone: "Europe/Berlin") {
        periodStart delivered clicked converted conversionRate } }`,
      { from: FROM, to: TO },
    );
    const rows = await graph.db.query<{ delivered: number; clicked: number; converted: number }>(
      `SELECT count(DISTINCT e.customer_id) FILTER (WHERE e.type = 'DELIVERED')::int AS delivered,
              count(DISTINCT e.customer_id) FILTER (WHERE e.type = 'CLICKED')::int AS clicked,
              count(DISTINCT e.customer_id) FILTER (WHERE e.type = 'CONVERTED')::int AS converted
       FROM generate_series(date '2026-03-27', date '2026-03-31', interval '1 day') AS d
       LEFT JOIN campaigns.events e ON (e.occurred_at AT TIME ZONE 'Europe/Berlin')::date = d::date
       GROUP BY d ORDER BY d`,
    );
    expect(res.body).toEqual({ data: { engagementKpis: rows.map((r, i) => ({
      periodStart: BERLIN_DAYS[i], ...r, conversionRate: r.delivered === 0 ? null : r.converted / r.delivered,
    })) } });
  });

  it('npsTrend and retentionCohorts take the zone too; UTC stays the default', async () => {
    const res = await graph.gql<{ utc: { periodStart: string }[]; berlin: { periodStart: string }[] }>(
      `{ utc: npsTrend(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { periodStart }
         berlin: npsTrend(from: "2025-12-31T23:00:00Z", to: "2026-02-28T23:00:00Z", timeZone: "Europe/Berlin") { periodStart }
         cohorts: retentionCohorts(from: "2025-12-31T23:00:00Z", to: "2026-01-31T23:00:00Z", months: 1, timeZone: "Europe/Berlin") { cohort } }`,
    );
    expect(res.body.data).toEqual({
      utc: [{ periodStart: '2026-01-01T00:00:00.000Z' }, { periodStart: '2026-02-01T00:00:00.000Z' }],
      berlin: [{ periodStart: '2025-12-31T23:00:00.000Z' }, { periodStart: '2026-01-31T23:00:00.000Z' }],
      cohorts: [{ cohort: '2026-01' }],
    });
  });

  it('refuses an unknown time zone naming the argument', async () => {
    const res = await graph.gql(`{ salesKpis(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", timeZone: "Mars/Olympus") { orders } }`);
    expect(res.body.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.field])).toEqual([
      ['timeZone: "Mars/Olympus" is not an IANA time zone such as UTC or Europe/Berlin', 'BAD_USER_INPUT', 'timeZone'],
    ]);
  });
});
