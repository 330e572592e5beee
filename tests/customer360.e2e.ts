import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

const CUSTOMER_360 = /* GraphQL */ `
  fragment Customer360 on Customer {
    id firstName lastName email country lifecycleStage
    segment { id name }
    consents { channel granted }
    latestNps { score }
    accountManager { id name title latestReview { rating period } }
    orderCount
    lifetimeValue { amount currency }
    orders(first: 5) { id status total { amount currency } placedAt campaign { id name } }
    engagement { score lastTouchAt touches(first: 5) { type occurredAt campaign { id name } } }
  }
  query Customer360($id: ID!) { customer(id: $id) { ...Customer360 } }
`;

const PAGE_360 = /* GraphQL */ `
  query Page360($first: Int!) {
    customers(first: $first) { edges { node {
      id segment { name } consents { channel } latestNps { score }
      accountManager { name latestReview { rating } }
      orderCount lifetimeValue { amount currency }
      orders(first: 3) { id campaign { name } }
      engagement { score touches(first: 3) { type campaign { name } } }
    } } }
  }
`;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

/** Customer 360 computed straight from the four departments' tables. */
async function expected360(id: string) {
  const q = graph.db;
  const [c] = await q.query<Record<string, string>>(
    `SELECT c.id, first_name, last_name, email, country, lifecycle_stage, s.id AS seg_id, s.name AS seg_name, account_manager_id
     FROM crm.customers c LEFT JOIN crm.segments s ON s.id = c.segment_id WHERE c.id = $1`, [id]);
  const consents = await q.query<{ channel: string; granted: boolean }>(
    `SELECT channel, granted FROM crm.consents WHERE customer_id = $1 ORDER BY channel`, [id]);
  const [nps] = await q.query<{ score: number }>(
    `SELECT score FROM crm.satisfaction_responses WHERE customer_id = $1 AND kind = 'NPS' ORDER BY responded_at DESC, id DESC LIMIT 1`, [id]);
  const [manager] = await q.query<Record<string, string>>(
    `SELECT id, first_name || ' ' || last_name AS name, title FROM hr.employees WHERE id = $1`, [c.account_manager_id]);
  const [review] = await q.query<{ rating: number; period: string }>(
    `SELECT rating, period FROM hr.reviews WHERE employee_id = $1 ORDER BY reviewed_at DESC, id DESC LIMIT 1`, [c.account_manager_id]);
  const ltv = await q.query<{ currency: string; total: string; n: number }>(
    `SELECT currency, sum(total_minor)::text AS total, count(*)::int AS n FROM sales.orders
     WHERE customer_id = $1 AND status <> 'CANCELLED' GROUP BY currency ORDER BY currency`, [id]);
  const orders = await q.query<Record<string, string> & { placed_at: Date }>(
    `SELECT o.id, o.status, o.currency, o.total_minor::text AS total, o.placed_at, k.id AS cid, k.name AS cname
     FROM sales.orders o LEFT JOIN campaigns.campaigns k ON k.id = o.campaign_id
     WHERE o.customer_id = $1 ORDER BY o.placed_at DESC, o.id DESC LIMIT 5`, [id]);
  const [engagement] = await q.query<{ score: number; last: Date | null }>(
    `WITH e AS (SELECT type, occurred_at FROM campaigns.events WHERE customer_id = $1),
          w AS (SELECT CASE type WHEN 'OPENED' THEN 1 WHEN 'CLICKED' THEN 3 WHEN 'CONVERTED' THEN 10
                  WHEN 'UNSUBSCRIBED' THEN -10 WHEN 'BOUNCED' THEN -2 ELSE 0 END AS weight
                FROM e WHERE occurred_at >= (SELECT max(occurred_at) FROM e) - interval '90 days')
     SELECT greatest(coalesce((SELECT sum(weight) FROM w), 0), 0)::int AS score, (SELECT max(occurred_at) FROM e) AS last`, [id]);
  const touches = await q.query<{ type: string; occurred_at: Date; cid: string; cname: string }>(
    `SELECT e.type, e.occurred_at, k.id AS cid, k.name AS cname FROM campaigns.events e
     JOIN campaigns.campaigns k ON k.id = e.campaign_id WHERE e.customer_id = $1
     ORDER BY e.occurred_at DESC, e.id DESC LIMIT 5`, [id]);
  return {
    id: c.id, firstName: c.first_name, lastName: c.last_name, email: c.email, country: c.country,
    lifecycleStage: c.lifecycle_stage,
    segment: c.seg_id ? { id: c.seg_id, name: c.seg_name } : null,
    consents,
    latestNps: nps ? { score: nps.score } : null,
    accountManager: manager ? { ...manager, latestReview: review ?? null } : null,
    orderCount: ltv.reduce((n, r) => n + r.n, 0),
    lifetimeValue: ltv.map((r) => formatMinor(r.total, r.currency)),
    orders: orders.map((o) => ({
      id: o.id, status: o.status, total: formatMinor(o.total, o.currency), placedAt: o.placed_at.toISOString(),
      campaign: o.cid ? { id: o.cid, name: o.cname } : null,
    })),
    engagement: {
      score: engagement.score,
      lastTouchAt: engagement.last?.toISOString() ?? null,
      touches: touches.map((t) => ({ type: t.type, occurredAt: t.occurred_at.toISOString(), campaign: { id: t.cid, name: t.cname } })),
    },
  };
}

describe('customer 360 through the gateway', () => {
  it('joins all four departments exactly as the data says', async () => {
    const [{ id }] = await graph.db.query<{ id: string }>(
      `SELECT c.id FROM crm.customers c
       WHERE c.account_manager_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.id AND o.campaign_id IS NOT NULL)
         AND EXISTS (SELECT 1 FROM crm.satisfaction_responses r WHERE r.customer_id = c.id AND r.kind = 'NPS')
         AND EXISTS (SELECT 1 FROM crm.consents k WHERE k.customer_id = c.id)
       ORDER BY c.id LIMIT 1`);
    const res = await graph.gql(CUSTOMER_360, { id });
    expect(res).toEqual({ status: 200, body: { data: { customer: await expected360(id) } } });
  });

  it('answers a customer with no orders, touches or manager with empty joins', async () => {
    const [{ id }] = await graph.db.query<{ id: string }>(
      `INSERT INTO crm.customers (first_name, last_name, email, country, lifecycle_stage)
       VALUES ('Ada', 'Quiet', 'ada.quiet@example.com', 'DE', 'LEAD') RETURNING id`);
    const res = await graph.gql(CUSTOMER_360, { id });
    expect(res.body.data?.customer).toEqual(await expected360(id));
    expect(res.body.data?.customer).toMatchObject({ orders: [], orderCount: 0, lifetimeValue: [], engagement: { score: 0, lastTouchAt: null, touches: [] } });
  });

  it('returns null for an unknown customer', async () => {
    expect(await graph.gql(CUSTOMER_360, { id: 'cus-missing' })).toEqual({ status: 200, body: { data: { customer: null } } });
  });

  it('batches: a page of 50 customers costs the same SQL statements as a page of 5', async () => {
    const count = async (first: number) => {
      const before = graph.db.statements;
      const res = await graph.gql<{ customers: { edges: unknown[] } }>(PAGE_360, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.customers.edges).toHaveLength(first);
      return graph.db.statements - before;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    // One statement per page, relation and entity batch: a per-row loader would be >= 50.
    expect(five).toBeLessThan(20);
  });
});
