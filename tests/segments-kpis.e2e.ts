import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

type Unit = 'day' | 'week' | 'month';
type Interval = 'DAY' | 'WEEK' | 'MONTH';
const UNIT: Record<Interval, Unit> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

const SEGMENTS = /* GraphQL */ `
  { segments { id name description customerCount lifecycleBreakdown { stage count } nps campaigns { id } } }
`;
const SALES_KPIS = /* GraphQL */ `
  query Kpis($from: DateTime!, $to: DateTime!, $interval: Interval!) {
    salesKpis(from: $from, to: $to, interval: $interval) { periodStart orders newCustomers revenue { amount currency } }
  }
`;
const NPS_TREND = /* GraphQL */ `
  query Trend($from: DateTime!, $to: DateTime!, $interval: Interval!, $segmentId: ID) {
    npsTrend(from: $from, to: $to, interval: $interval, segmentId: $segmentId) { periodStart responses promoters detractors nps }
  }
`;
const RETENTION = /* GraphQL */ `
  query Retention($from: DateTime!, $to: DateTime!, $months: Int!) {
    retentionCohorts(from: $from, to: $to, months: $months) { cohort customers retention }
  }
`;

interface Cohort { cohort: string; customers: number; retention: number[] }

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

// NPS of a set of answers as SQL's round(numeric, 2) gives it: half away from zero, so
// +3.125 and -3.125 round symmetrically to 3.13 and -3.13.
const NPS_SQL = `CASE WHEN count(*) = 0 THEN NULL ELSE round((count(*) FILTER (WHERE r.score >= 9)
  - count(*) FILTER (WHERE r.score <= 6)) * 100.0 / count(*), 2)::float8 END`;

/** Every segment with its figures, straight from crm and campaigns tables. */
function expectedSegments() {
  return graph.db.query(
    `SELECT s.id, s.name, s.description,
       (SELECT count(*)::int FROM crm.customers c WHERE c.segment_id = s.id) AS "customerCount",
       COALESCE((SELECT json_agg(json_build_object('stage', stage, 'count', n) ORDER BY stage)
         FROM (SELECT lifecycle_stage AS stage, count(*)::int AS n FROM crm.customers c
               WHERE c.segment_id = s.id GROUP BY lifecycle_stage) b), '[]'::json) AS "lifecycleBreakdown",
       (SELECT ${NPS_SQL} FROM crm.satisfaction_responses r JOIN crm.customers c ON c.id = r.customer_id
         WHERE r.kind = 'NPS' AND c.segment_id = s.id) AS nps,
       COALESCE((SELECT json_agg(json_build_object('id', k.id) ORDER BY k.starts_at DESC, k.id DESC)
         FROM campaigns.campaigns k WHERE k.segment_id = s.id), '[]'::json) AS campaigns
     FROM crm.segments s ORDER BY s.id`);
}

/** UTC buckets [start, stop) of [from, to), clipped to the range: $1 from, $2 to, $3 unit. */
const BUCKETS = `buckets AS (
  SELECT s AT TIME ZONE 'UTC' AS start,
    greatest(s AT TIME ZONE 'UTC', $1::timestamptz) AS lo,
    least((s + ('1 ' || $3::text)::interval) AT TIME ZONE 'UTC', $2::timestamptz) AS hi
  FROM generate_series(date_trunc($3::text, $1::timestamptz AT TIME ZONE 'UTC'),
                       $2::timestamptz AT TIME ZONE 'UTC', ('1 ' || $3::text)::interval) AS s
  WHERE s AT TIME ZONE 'UTC' < $2::timestamptz)`;

async function expectedKpis(from: string, to: string, interval: Interval) {
  const rows = await graph.db.query<{ start: Date; orders: number; newCustomers: number; revenue: { currency: string; minor: string }[] }>(
    `WITH ${BUCKETS},
     live AS (SELECT customer_id, currency, total_minor, placed_at FROM sales.orders WHERE status <> 'CANCELLED'),
     firsts AS (SELECT customer_id, min(placed_at) AS first_at FROM live GROUP BY customer_id)
     SELECT b.start,
       (SELECT count(*)::int FROM live o WHERE o.placed_at >= b.lo AND o.placed_at < b.hi) AS orders,
       (SELECT count(*)::int FROM firsts f WHERE f.first_at >= b.lo AND f.first_at < b.hi) AS "newCustomers",
       COALESCE((SELECT json_agg(json_build_object('currency', currency, 'minor', minor) ORDER BY currency)
         FROM (SELECT currency, sum(total_minor)::text AS minor FROM live o
               WHERE o.placed_at >= b.lo AND o.placed_at < b.hi GROUP BY currency) r), '[]'::json) AS revenue
     FROM buckets b ORDER BY b.start`,
    [from, to, UNIT[interval]]);
  return rows.map((r) => ({
    periodStart: r.start.toISOString(),
    orders: r.orders,
    newCustomers: r.newCustomers,
    revenue: r.revenue.map((m) => formatMinor(m.minor, m.currency)),
  }));
}

async function expectedTrend(from: string, to: string, interval: Interval, segmentId: string | null) {
  const rows = await graph.db.query<{ start: Date; responses: number; promoters: number; detractors: number; nps: number | null }>(
    `WITH ${BUCKETS}
     SELECT b.start, t.* FROM buckets b CROSS JOIN LATERAL (
       SELECT count(*)::int AS responses, count(*) FILTER (WHERE r.score >= 9)::int AS promoters,
         count(*) FILTER (WHERE r.score <= 6)::int AS detractors, ${NPS_SQL} AS nps
       FROM crm.satisfaction_responses r JOIN crm.customers c ON c.id = r.customer_id
       WHERE r.kind = 'NPS' AND r.responded_at >= b.lo AND r.responded_at < b.hi
         AND ($4::text IS NULL OR c.segment_id = $4)) t
     ORDER BY b.start`,
    [from, to, UNIT[interval], segmentId]);
  return rows.map(({ start, ...point }) => ({ periodStart: start.toISOString(), ...point }));
}

async function expectedCohorts(from: string, to: string, months: number): Promise<Cohort[]> {
  const rows = await graph.db.query<{ cohort: string; customers: number; active: number[] }>(
    `WITH live AS (SELECT customer_id, placed_at FROM sales.orders WHERE status <> 'CANCELLED'),
     members AS (
       SELECT customer_id, date_trunc('month', min(placed_at) AT TIME ZONE 'UTC') AS cohort FROM live
       GROUP BY customer_id HAVING min(placed_at) >= $1::timestamptz AND min(placed_at) < $2::timestamptz)
     SELECT to_char(m.cohort, 'YYYY-MM') AS cohort, count(*)::int AS customers,
       (SELECT array_agg(a.n ORDER BY g.n) FROM generate_series(0, $3::int - 1) AS g(n)
        CROSS JOIN LATERAL (SELECT count(DISTINCT l.customer_id)::int AS n FROM live l
          JOIN members x ON x.customer_id = l.customer_id AND x.cohort = m.cohort
          WHERE l.placed_at >= (m.cohort + make_interval(months => g.n)) AT TIME ZONE 'UTC'
            AND l.placed_at < (m.cohort + make_interval(months => g.n + 1)) AT TIME ZONE 'UTC') a) AS active
     FROM members m GROUP BY m.cohort ORDER BY m.cohort`,
    [from, to, months]);
  return rows.map((r) => ({ cohort: r.cohort, customers: r.customers, retention: r.active.map((n) => n / r.customers) }));
}

/** A fresh segment with one customer per entry of `answers`, each giving those NPS scores. */
async function segmentWithAnswers(id: string, answers: number[][], at: string): Promise<void> {
  await graph.db.query(`INSERT INTO crm.segments (id, name, description) VALUES ($1, $1, 'crafted by a test')`, [id]);
  const responses: Record<string, unknown>[] = [];
  for (const [n, scores] of answers.entries()) {
    const [{ id: customerId }] = await graph.db.query<{ id: string }>(
      `INSERT INTO crm.customers (first_name, last_name, email, country, segment_id, lifecycle_stage)
       VALUES ('Nps', 'Tester', $1, 'DE', $2, $3) RETURNING id`,
      [`${id}.${n}@example.com`, id, n % 2 ? 'CUSTOMER' : 'LEAD']);
    scores.forEach((score, i) => responses.push({ clientKey: `${id}:${n}:${i}`, customerId, kind: 'NPS', score, respondedAt: at }));
    // A CSAT answer of 1-5 must not count as an NPS detractor.
    responses.push({ clientKey: `${id}:${n}:csat`, customerId, kind: 'CSAT', score: 2, respondedAt: at });
  }
  const res = await graph.gql(
    `mutation($r: [SatisfactionResponseInput!]!) { recordSatisfactionResponses(responses: $r) { stored } }`, { r: responses });
  expect(res.body).toEqual({ data: { recordSatisfactionResponses: { stored: responses.length } } });
}

describe('segments', () => {
  it('lists every segment with customer count, lifecycle breakdown, NPS and targeting campaigns', async () => {
    const res = await graph.gql(SEGMENTS);
    expect(res).toEqual({ status: 200, body: { data: { segments: await expectedSegments() } } });
    expect((res.body.data?.segments as unknown[]).length).toBeGreaterThan(1);
  });

  it('rounds NPS to 2 decimals over NPS answers only; an empty segment has no NPS', async () => {
    const at = '2027-03-10T12:00:00.000Z';
    await segmentWithAnswers('seg-t-two-thirds', [[10, 7], [9]], at); // 66.666.. -> 66.67
    await segmentWithAnswers('seg-t-minus-third', [[10, 0], [3]], at); // -33.333.. -> -33.33
    await segmentWithAnswers('seg-t-plus-half', [[10, ...Array<number>(15).fill(7)], Array<number>(16).fill(8)], at); // 3.125 -> 3.13
    await graph.db.query(`INSERT INTO crm.segments (id, name, description) VALUES ('seg-t-empty', 'Empty', '')`);
    const crafted = (await expectedSegments()).filter((s) => String(s.id).startsWith('seg-t-'));
    expect(crafted.map((s) => [s.id, s.customerCount, s.nps])).toEqual([
      ['seg-t-empty', 0, null], ['seg-t-minus-third', 2, -33.33], ['seg-t-plus-half', 2, 3.13], ['seg-t-two-thirds', 2, 66.67],
    ]);
    expect(await graph.gql(SEGMENTS)).toEqual({ status: 200, body: { data: { segments: await expectedSegments() } } });
  });

  it('rounds a negative half like a positive one (-3.125 -> -3.13), in segment NPS and in the trend', async () => {
    const id = 'seg-u-minus-half';
    await segmentWithAnswers(id, [[0, ...Array<number>(15).fill(7)], Array<number>(16).fill(8)], '2027-05-10T12:00:00.000Z');
    try {
      const [expected] = (await expectedSegments()).filter((s) => s.id === id);
      expect(expected.nps).toBe(-3.13);
      expect(await graph.gql(`query($id: ID!) { segment(id: $id) { id name description customerCount lifecycleBreakdown { stage count } nps campaigns { id } } }`, { id }))
        .toEqual({ status: 200, body: { data: { segment: expected } } });
      const range = ['2027-05-09T00:00:00Z', '2027-05-12T00:00:00Z', 'DAY'] as const;
      const trend = await graph.gql(NPS_TREND, { from: range[0], to: range[1], interval: range[2], segmentId: id });
      expect(trend).toEqual({ status: 200, body: { data: { npsTrend: await expectedTrend(...range, id) } } });
      expect(trend.body.data?.npsTrend).toEqual([
        { periodStart: '2027-05-09T00:00:00.000Z', responses: 0, promoters: 0, detractors: 0, nps: null },
        { periodStart: '2027-05-10T00:00:00.000Z', responses: 32, promoters: 0, detractors: 1, nps: -3.13 },
        { periodStart: '2027-05-11T00:00:00.000Z', responses: 0, promoters: 0, detractors: 0, nps: null },
      ]);
    } finally {
      // Leaves the segment list as it was, so the other segment tests never see this one.
      await graph.db.query(`DELETE FROM crm.satisfaction_responses WHERE customer_id IN (SELECT id FROM crm.customers WHERE segment_id = $1)`, [id]);
      await graph.db.query(`DELETE FROM crm.customers WHERE segment_id = $1`, [id]);
      await graph.db.query(`DELETE FROM crm.segments WHERE id = $1`, [id]);
    }
  });

  it('resolves the figures of all segments in batches: more segments, same statements', async () => {
    const cost = async () => {
      const before = graph.db.statements;
      const res = await graph.gql(SEGMENTS);
      expect(res.body.errors).toBeUndefined();
      return graph.db.statements - before;
    };
    const few = await cost();
    for (const n of [1, 2, 3]) {
      await graph.db.query(`INSERT INTO crm.segments (id, name) VALUES ($1, $1)`, [`seg-batch-${n}`]);
    }
    expect(await cost()).toBe(few);
  });
});

describe('sales KPIs', () => {
  it.each([
    ['MONTH', '2024-10-01T00:00:00Z', '2026-09-01T00:00:00Z'],
    ['MONTH', '2025-01-15T00:00:00Z', '2025-05-10T00:00:00Z'],
    ['WEEK', '2025-03-01T00:00:00Z', '2025-06-01T00:00:00Z'],
    ['WEEK', '2026-05-25T00:00:00Z', '2026-07-20T00:00:00Z'],
    ['DAY', '2025-12-20T00:00:00Z', '2026-01-10T00:00:00Z'],
    ['DAY', '2026-06-24T00:00:00Z', '2026-07-04T00:00:00Z'],
  ] as const)('%s buckets from %s to %s match SQL, empty buckets included', async (interval, from, to) => {
    const expected = await expectedKpis(from, to, interval);
    expect(await graph.gql(SALES_KPIS, { from, to, interval })).toEqual({ status: 200, body: { data: { salesKpis: expected } } });
    expect(expected.some((p) => p.orders > 0)).toBe(true);
  });

  it('splits revenue per currency, skips cancelled orders and counts a customer new at their first live order', async () => {
    const [{ id: customerId }] = await graph.db.query<{ id: string }>(
      `INSERT INTO crm.customers (first_name, last_name, email, country, lifecycle_stage)
       VALUES ('Kpi', 'Buyer', 'kpi.buyer@example.com', 'US', 'CUSTOMER') RETURNING id`);
    const orders: [string, string, number, string][] = [
      ['CANCELLED', 'EUR', 50000, '2027-01-05T10:00:00Z'],
      ['PAID', 'USD', 12345, '2027-02-03T10:00:00Z'],
      ['SHIPPED', 'EUR', 9999, '2027-02-20T10:00:00Z'],
      ['PLACED', 'USD', 1, '2027-04-01T00:00:00Z'],
    ];
    for (const [n, [status, currency, total, placedAt]] of orders.entries()) {
      await graph.db.query(
        `INSERT INTO sales.orders (client_key, customer_id, status, currency, total_minor, placed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [`kpi-test-${n}`, customerId, status, currency, total, placedAt]);
    }
    const vars = { from: '2027-01-01T00:00:00Z', to: '2027-05-01T00:00:00Z', interval: 'MONTH' } as const;
    const res = await graph.gql(SALES_KPIS, vars);
    expect(res).toEqual({ status: 200, body: { data: { salesKpis: await expectedKpis(vars.from, vars.to, vars.interval) } } });
    expect(res.body.data?.salesKpis).toEqual([
      { periodStart: '2027-01-01T00:00:00.000Z', orders: 0, newCustomers: 0, revenue: [] },
      { periodStart: '2027-02-01T00:00:00.000Z', orders: 2, newCustomers: 1, revenue: [formatMinor(9999, 'EUR'), formatMinor(12345, 'USD')] },
      { periodStart: '2027-03-01T00:00:00.000Z', orders: 0, newCustomers: 0, revenue: [] },
      { periodStart: '2027-04-01T00:00:00.000Z', orders: 1, newCustomers: 0, revenue: [formatMinor(1, 'USD')] },
    ]);
  });
});

describe('NPS trend', () => {
  it.each([
    ['MONTH', '2025-01-01T00:00:00Z', '2026-07-01T00:00:00Z'],
    ['WEEK', '2025-09-03T00:00:00Z', '2025-12-01T00:00:00Z'],
    ['DAY', '2026-02-01T00:00:00Z', '2026-03-15T00:00:00Z'],
  ] as const)('%s buckets from %s to %s match SQL, overall and for one segment', async (interval, from, to) => {
    const [{ id: segmentId }] = await graph.db.query<{ id: string }>(
      `SELECT c.segment_id AS id FROM crm.satisfaction_responses r JOIN crm.customers c ON c.id = r.customer_id
       WHERE r.kind = 'NPS' AND c.segment_id IS NOT NULL GROUP BY c.segment_id ORDER BY count(*) DESC, c.segment_id LIMIT 1`);
    for (const segment of [null, segmentId]) {
      const expected = await expectedTrend(from, to, interval, segment);
      expect(await graph.gql(NPS_TREND, { from, to, interval, segmentId: segment }))
        .toEqual({ status: 200, body: { data: { npsTrend: expected } } });
      expect(expected.some((p) => p.responses > 0)).toBe(true);
    }
    if (interval === 'DAY') {
      const empty = await expectedTrend(from, to, interval, segmentId);
      expect(empty.some((p) => p.responses === 0 && p.nps === null)).toBe(true);
    }
  });
});

describe('retention cohorts', () => {
  it.each([
    ['2025-01-01T00:00:00Z', '2025-07-01T00:00:00Z', 6],
    ['2025-10-01T00:00:00Z', '2026-04-01T00:00:00Z', 12],
    ['2025-03-15T00:00:00Z', '2025-05-20T00:00:00Z', 1],
  ] as const)('cohorts from %s to %s over %i months match SQL', async (from, to, months) => {
    const expected = await expectedCohorts(from, to, months);
    const res = await graph.gql<{ retentionCohorts: Cohort[] }>(RETENTION, { from, to, months });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const actual = res.body.data?.retentionCohorts ?? [];
    expect(actual.map((c) => [c.cohort, c.customers, c.retention.length]))
      .toEqual(expected.map((c) => [c.cohort, c.customers, months]));
    expected.forEach((c, i) => {
      expect(actual[i].retention[0]).toBe(1);
      c.retention.forEach((share, n) => expect(actual[i].retention[n]).toBeCloseTo(share, 10));
    });
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('bad ranges', () => {
  it.each([
    ['salesKpis', 'sales', SALES_KPIS, { interval: 'MONTH' }],
    ['npsTrend', 'crm', NPS_TREND, { interval: 'WEEK' }],
    ['retentionCohorts', 'sales', RETENTION, { months: 3 }],
  ] as const)('%s refuses to <= from with BAD_USER_INPUT naming to', async (field, serviceName, query, extra) => {
    for (const [from, to] of [['2025-03-01T00:00:00Z', '2025-02-01T00:00:00Z'], ['2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z']]) {
      expect(await graph.gql(query, { from, to, ...extra })).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [{ message: 'to: must be after from', path: [field], extensions: { code: 'BAD_USER_INPUT', field: 'to', serviceName } }],
        },
      });
    }
  });
});
