import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

const TEAM = /* GraphQL */ `
  query Team($first: Int!, $period: String!) {
    employees(first: $first, filter: { department: SALES }) {
      edges { node {
        id name title manager { name }
        quota(period: $period) { period target { amount currency } revenue { amount currency } dealsWon attainment }
        latestReview { rating period }
      } }
      pageInfo { hasNextPage }
    }
  }
`;

const MANAGER = /* GraphQL */ `
  query Manager($id: ID!, $after: String) {
    employee(id: $id) {
      id name department manager { id name }
      reports { id name title }
      managedCustomers(first: 2, after: $after) {
        edges { cursor node { id firstName lastName } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

/** UTC windows [from, to) that orders must be placed in to count toward a period's quota. */
const WINDOWS = {
  '2025-Q3': ['2025-07-01T00:00:00Z', '2025-10-01T00:00:00Z'],
  '2025': ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
  '2025-08': ['2025-08-01T00:00:00Z', '2025-09-01T00:00:00Z'],
} as const;
type Period = keyof typeof WINDOWS;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

/** The SALES team page for a period, straight from hr.employees/quotas/reviews and sales.orders. */
async function expectedTeam(first: number, period: Period) {
  const q = graph.db;
  const [from, to] = WINDOWS[period];
  const people = await q.query<{ id: string; name: string; title: string; manager: string | null }>(
    `SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.title, m.first_name || ' ' || m.last_name AS manager
     FROM hr.employees e LEFT JOIN hr.employees m ON m.id = e.manager_id
     WHERE e.department = 'SALES' ORDER BY e.last_name, e.id LIMIT $1`, [first + 1]);
  const page = people.slice(0, first);
  const ids = page.map((p) => p.id);
  const quotas = await q.query<{ employee_id: string; currency: string; target: string }>(
    `SELECT employee_id, currency, target_minor::text AS target FROM hr.quotas WHERE period = $1 AND employee_id = ANY($2)`,
    [period, ids]);
  const sold = await q.query<{ rep: string; currency: string; n: number; minor: string }>(
    `SELECT sales_rep_id AS rep, currency, count(*)::int AS n, sum(total_minor)::text AS minor FROM sales.orders
     WHERE sales_rep_id = ANY($1) AND status <> 'CANCELLED' AND placed_at >= $2 AND placed_at < $3
     GROUP BY sales_rep_id, currency`, [ids, from, to]);
  const reviews = await q.query<{ employee_id: string; rating: number; period: string }>(
    `SELECT DISTINCT ON (employee_id) employee_id, rating, period FROM hr.reviews
     WHERE employee_id = ANY($1) ORDER BY employee_id, reviewed_at DESC, id DESC`, [ids]);
  const quotaOf = (id: string) => {
    const quota = quotas.find((r) => r.employee_id === id);
    if (!quota) return null;
    const mine = sold.filter((s) => s.rep === id);
    const revenue = BigInt(mine.find((s) => s.currency === quota.currency)?.minor ?? 0);
    const target = BigInt(quota.target);
    return {
      period,
      target: formatMinor(target, quota.currency),
      revenue: formatMinor(revenue, quota.currency),
      dealsWon: mine.reduce((n, s) => n + s.n, 0),
      attainment: target === 0n ? null : expect.closeTo(Number(revenue) / Number(target), 12),
    };
  };
  const edges = page.map((p) => {
    const review = reviews.find((r) => r.employee_id === p.id);
    return {
      node: {
        id: p.id, name: p.name, title: p.title,
        manager: p.manager === null ? null : { name: p.manager },
        quota: quotaOf(p.id),
        latestReview: review ? { rating: review.rating, period: review.period } : null,
      },
    };
  });
  return { edges, pageInfo: { hasNextPage: people.length > first } };
}

type TeamPage = Awaited<ReturnType<typeof expectedTeam>>;

interface ManagerPage {
  employee: { managedCustomers: { edges: { cursor: string }[]; pageInfo: { startCursor: string | null; endCursor: string | null } } };
}

describe('sales team performance through the gateway', () => {
  it('answers the quarter: quota, revenue, deals won and attainment per seller, with manager and latest review', async () => {
    const expected = await expectedTeam(100, '2025-Q3');
    // The fixture must make every figure count: quotas set, orders sold, managers and reviews present.
    const quotas = expected.edges.map((e) => e.node.quota);
    expect(quotas.length).toBeGreaterThan(3);
    expect(quotas.every((quota) => quota !== null)).toBe(true);
    expect(quotas.filter((quota) => quota !== null && quota.dealsWon > 0).length).toBeGreaterThan(3);
    expect(expected.edges.some((e) => e.node.latestReview !== null && e.node.manager !== null)).toBe(true);
    const res = await graph.gql(TEAM, { first: 100, period: '2025-Q3' });
    expect(res).toEqual({ status: 200, body: { data: { employees: expected } } });
  });

  it('answers a yearly and a monthly period, in the quota currency, null where no quota is set', async () => {
    const q = graph.db;
    const [from, to] = WINDOWS['2025-08'];
    const reps = await q.query<{ id: string }>(
      `SELECT sales_rep_id AS id FROM sales.orders
       WHERE status <> 'CANCELLED' AND placed_at >= $1 AND placed_at < $2 AND sales_rep_id IS NOT NULL
       GROUP BY sales_rep_id ORDER BY count(*) DESC, sales_rep_id LIMIT 3`, [from, to]);
    expect(reps).toHaveLength(3);
    const [euro, dollar, zero] = reps.map((r) => r.id);
    await q.query(
      `INSERT INTO hr.quotas (employee_id, period, currency, target_minor)
       VALUES ($1, '2025', 'EUR', 90000000), ($2, '2025', 'EUR', 75000000),
              ($1, '2025-08', 'EUR', 4000000), ($2, '2025-08', 'USD', 2500000), ($3, '2025-08', 'EUR', 0)`,
      [euro, dollar, zero]);
    // Edge orders for one seller: a USD deal (a deal, but not EUR revenue), a cancelled one (nothing),
    // and one on each boundary of August (the start counts, the end belongs to September).
    await q.query(
      `INSERT INTO sales.orders (client_key, customer_id, sales_rep_id, status, currency, total_minor, placed_at)
       VALUES ('st-usd', 'st-cus', $1, 'PAID', 'USD', 700000, '2025-08-15T12:00:00Z'),
              ('st-cancelled', 'st-cus', $1, 'CANCELLED', 'EUR', 900000, '2025-08-16T12:00:00Z'),
              ('st-start', 'st-cus', $1, 'SHIPPED', 'EUR', 123456, '2025-08-01T00:00:00Z'),
              ('st-end', 'st-cus', $1, 'SHIPPED', 'EUR', 654321, '2025-09-01T00:00:00Z')`,
      [euro]);
    for (const period of ['2025', '2025-08'] as const) {
      const expected = await expectedTeam(100, period);
      const quotas = expected.edges.map((e) => e.node.quota);
      expect(quotas.filter((quota) => quota !== null).length).toBe(period === '2025' ? 2 : 3);
      const res = await graph.gql(TEAM, { first: 100, period });
      expect(res).toEqual({ status: 200, body: { data: { employees: expected } } });
    }
    const august = (await expectedTeam(100, '2025-08')).edges.map((e) => e.node);
    expect(august.find((n) => n.id === dollar)?.quota).toMatchObject({ revenue: { amount: '0.00', currency: 'USD' } });
    expect(august.find((n) => n.id === zero)?.quota).toMatchObject({ attainment: null });
  });

  it('refuses a malformed period on each quota with BAD_USER_INPUT at its path, and still answers the rest', async () => {
    const valid = await expectedTeam(3, '2025-Q3');
    const expected: TeamPage = { ...valid, edges: valid.edges.map((e) => ({ node: { ...e.node, quota: null } })) };
    const res = await graph.gql(TEAM, { first: 3, period: '2025-Q9' });
    expect(res).toEqual({
      status: 200,
      body: {
        data: { employees: expected },
        errors: expected.edges.map((_e, i) => ({
          message: expect.stringContaining('"2025-Q9"'),
          // GraphQL spec: list indices in an error path are integers.
          path: ['employees', 'edges', i, 'node', 'quota'],
          extensions: { code: 'BAD_USER_INPUT', field: 'period', serviceName: 'hr' },
        })),
      },
    });
  });

  it('answers employee(id) with reports and pages through managed customers by id', async () => {
    const q = graph.db;
    const [m] = await q.query<{ id: string; name: string; department: string; boss_id: string; boss: string }>(
      `SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.department, b.id AS boss_id, b.first_name || ' ' || b.last_name AS boss
       FROM hr.employees e JOIN hr.employees b ON b.id = e.manager_id
       WHERE e.department = 'SALES' AND (SELECT count(*) FROM hr.employees r WHERE r.manager_id = e.id) >= 2
         AND (SELECT count(*) FROM crm.customers c WHERE c.account_manager_id = e.id) >= 5
       ORDER BY e.id LIMIT 1`);
    const reports = await q.query<{ id: string; name: string; title: string }>(
      `SELECT id, first_name || ' ' || last_name AS name, title FROM hr.employees WHERE manager_id = $1 ORDER BY id`, [m.id]);
    const customers = await q.query<{ id: string; firstName: string; lastName: string }>(
      `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM crm.customers
       WHERE account_manager_id = $1 ORDER BY id`, [m.id]);
    const page = (from: number, after: boolean) => ({
      id: m.id, name: m.name, department: m.department, manager: { id: m.boss_id, name: m.boss }, reports,
      managedCustomers: {
        edges: customers.slice(from, from + 2).map((node) => ({ cursor: expect.any(String), node })),
        pageInfo: { hasNextPage: customers.length > from + 2, hasPreviousPage: after, startCursor: expect.any(String), endCursor: expect.any(String) },
      },
    });
    const first = await graph.gql<ManagerPage>(MANAGER, { id: m.id });
    expect(first).toEqual({ status: 200, body: { data: { employee: page(0, false) } } });
    const connection = first.body.data?.employee.managedCustomers;
    expect([connection?.pageInfo.startCursor, connection?.pageInfo.endCursor]).toEqual(connection?.edges.map((e) => e.cursor));
    const second = await graph.gql(MANAGER, { id: m.id, after: connection?.pageInfo.endCursor });
    expect(second).toEqual({ status: 200, body: { data: { employee: page(2, true) } } });
    expect(await graph.gql(MANAGER, { id: 'emp-missing' })).toEqual({ status: 200, body: { data: { employee: null } } });
  });

  it('batches: the team page costs the same SQL statements for 15 sellers as for 3', async () => {
    const [{ n }] = await graph.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hr.employees WHERE department = 'SALES'`);
    expect(n).toBeGreaterThan(3);
    const count = async (first: number) => {
      const before = graph.db.statements;
      const res = await graph.gql<{ employees: { edges: unknown[] } }>(TEAM, { first, period: '2025-Q3' });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.employees.edges).toHaveLength(Math.min(first, n));
      return graph.db.statements - before;
    };
    const three = await count(3);
    const fifteen = await count(15);
    expect(fifteen).toBe(three);
    // Page, manager, quota, sales figures and review each in one batch; per-seller loading would be >= 15.
    expect(three).toBeLessThan(10);
  });
});
