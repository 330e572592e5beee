import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// Multi-touch attribution through the gateway. Expected figures come from SQL straight over
// sales.orders and campaigns.events (never campaigns.conversions, never the product's
// attribution code), or are worked out by hand for the fixture this file inserts.

type Model = 'LAST_TOUCH' | 'FIRST_TOUCH' | 'LINEAR' | 'TIME_DECAY';
type Vars = Record<string, unknown>;
interface Money { amount: string; currency: string }
interface Credit { touch: { id: string }; campaign: { id: string }; credit: Money; share: number }

const FIGURES = 'model lookbackDays halfLifeDays orders revenue { amount currency } roi';
const MODELS: Model[] = ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR', 'TIME_DECAY'];
const CAMPAIGNS = `query($model: AttributionModel!, $from: DateTime, $to: DateTime) {
  campaigns(first: 100) { edges { node { id attribution(model: $model, from: $from, to: $to) { ${FIGURES} } } } } }`;
const CREDITS = 'model total { amount currency } credits { touch { id type occurredAt } campaign { id } credit { amount currency } share }';
const ORDER = `query($id: ID!, $model: AttributionModel!, $lookback: Int! = 30, $halfLife: Float! = 7) {
  order(id: $id) { id attribution(model: $model, lookbackDays: $lookback, halfLifeDays: $halfLife) { ${CREDITS} } } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id attribution { ${CREDITS} } } }`;

let graph: TestGraph;
beforeAll(async () => { graph = await startGraph(); });
afterAll(() => graph?.close());

const sql = <R extends object>(text: string, params: unknown[] = []) => graph.db.query<R>(text, params);
const eur = (minor: number | bigint | string) => formatMinor(minor, 'EUR');
const toMinor = (m: Money) => BigInt(m.amount.replace('.', ''));

/**
 * Every (order, touch) credit of non-cancelled orders placed in [$1, $2) under model $3, in SQL:
 * touches numbered oldest first (occurred_at, then id as text); last/first touch take the whole
 * total; linear gives each touch floor(total / n) and the total mod n leftover cents go one each
 * to the largest remainders. Every linear remainder is the same (total mod n) / n, so the
 * row_number over the remainder order falls through to its tie-break: the later touch first.
 */
const CREDITS_SQL = `
  WITH touches AS (
    SELECT o.id AS order_id, o.currency, o.total_minor, e.id::text AS event_id, e.campaign_id,
      row_number() OVER (PARTITION BY o.id ORDER BY e.occurred_at, e.id::text COLLATE "C") AS pos,
      count(*) OVER (PARTITION BY o.id) AS n
    FROM sales.orders o JOIN campaigns.events e ON e.customer_id = o.customer_id
      AND e.type IN ('OPENED', 'CLICKED', 'CONVERTED')
      AND e.occurred_at < o.placed_at AND e.occurred_at >= o.placed_at - interval '720 hours' -- 30 days of 24 h, in any time zone
    WHERE o.status <> 'CANCELLED' AND ($1::timestamptz IS NULL OR o.placed_at >= $1)
      AND ($2::timestamptz IS NULL OR o.placed_at < $2)
  ), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY total_minor % n DESC, pos DESC) AS remainder_rank FROM touches
  )
  SELECT order_id, currency, event_id, campaign_id, pos, n,
    CASE $3::text WHEN 'LAST_TOUCH' THEN (pos = n)::int * total_minor WHEN 'FIRST_TOUCH' THEN (pos = 1)::int * total_minor
      ELSE total_minor / n + (remainder_rank <= total_minor % n)::int END AS credit,
    $3::text = 'LINEAR' OR pos = CASE $3::text WHEN 'LAST_TOUCH' THEN n ELSE 1 END AS credited
  FROM ranked`;

/** Per-campaign totals of one model, in SQL: orders, credited revenue per currency, ROI in the spend's currency. */
async function expectedTotals(model: Model, from: string | null = null, to: string | null = null) {
  const rows = await sql<{ id: string; orders: number; revenue: { currency: string; minor: string }[]; roi: number | null }>(`
    WITH credits AS (${CREDITS_SQL}),
    per_currency AS (SELECT campaign_id, currency, count(DISTINCT order_id)::int AS orders, sum(credit) AS minor
      FROM credits WHERE credited GROUP BY campaign_id, currency)
    SELECT k.id, coalesce(sum(p.orders), 0)::int AS orders,
      coalesce(json_agg(json_build_object('currency', p.currency, 'minor', p.minor::text) ORDER BY p.currency)
        FILTER (WHERE p.currency IS NOT NULL), '[]') AS revenue,
      (coalesce(sum(p.minor) FILTER (WHERE p.currency = k.currency), 0) - k.spend_minor)::float8 / nullif(k.spend_minor, 0) AS roi
    FROM campaigns.campaigns k LEFT JOIN per_currency p ON p.campaign_id = k.id
    GROUP BY k.id ORDER BY k.starts_at, k.id`, [from, to, model]);
  return rows.map((r) => ({
    id: r.id,
    attribution: {
      model, lookbackDays: 30, halfLifeDays: 7, orders: r.orders, roi: r.roi,
      revenue: r.revenue.map((m) => formatMinor(m.minor, m.currency)),
    },
  }));
}

const campaignsPage = (nodes: unknown[]) => ({ status: 200, body: { data: { campaigns: { edges: nodes.map((node) => ({ node })) } } } });

describe('Campaign.attribution over the seeded data', () => {
  it.each<[Model, string | null, string | null]>([
    ['LAST_TOUCH', null, null],
    ['FIRST_TOUCH', null, null],
    ['LAST_TOUCH', '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z'],
    ['FIRST_TOUCH', '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z'],
  ])('%s per-campaign totals for [%s, %s) match SQL', async (model, from, to) => {
    const expected = await expectedTotals(model, from, to);
    // Guard against a vacuous pass: several campaigns are credited.
    expect(expected.filter((c) => c.attribution.orders > 0).length).toBeGreaterThan(2);
    expect(await graph.gql(CAMPAIGNS, { model, from, to })).toEqual(campaignsPage(expected));
  });

  it('LINEAR per-campaign totals, leftover cents included, match SQL', async () => {
    const [uneven] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT order_id FROM (${CREDITS_SQL}) c
      GROUP BY order_id HAVING max(credit) <> min(credit)) u`, [null, null, 'LINEAR']);
    // Some seeded orders split unevenly across several touches, so the remainder rule is exercised.
    expect(uneven.n).toBeGreaterThan(5);
    for (const [from, to] of [[null, null], ['2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z']]) {
      expect(await graph.gql(CAMPAIGNS, { model: 'LINEAR', from, to })).toEqual(campaignsPage(await expectedTotals('LINEAR', from, to)));
    }
  });

  it('credits of 50 seeded orders sum to the order total under every model', async () => {
    const orders = await sql<{ id: string; total: string }>(
      `SELECT o.id, o.total_minor::text AS total FROM sales.orders o
       JOIN (SELECT DISTINCT order_id, n FROM (${CREDITS_SQL}) c) t ON t.order_id = o.id ORDER BY t.n DESC, o.id LIMIT 50`,
      [null, null, 'LINEAR']);
    expect(orders).toHaveLength(50);
    const doc = `{ ${orders.map((o, i) => `o${i}: order(id: "${o.id}") { id
      ${MODELS.map((m) => `${m}: attribution(model: ${m}, halfLifeDays: 3.5) { credits { touch { id } campaign { id } credit { amount currency } share } }`).join(' ')}
    }`).join('\n')} }`;
    const res = await graph.gql<Record<string, Record<Model, { credits: Credit[] }> & { id: string }>>(doc);
    expect(res.body.errors).toBeUndefined();
    const got = orders.map((_, i) => {
      const g = res.body.data?.[`o${i}`];
      return g && Object.fromEntries([['id', g.id], ...MODELS.map((m) => [m, {
        sum: g[m].credits.reduce((s, c) => s + toMinor(c.credit), 0n),
        touches: g[m].credits.map((c) => c.touch.id),
        detail: m === 'TIME_DECAY' ? g[m].credits.reduce((s, c) => s + c.share, 0) : g[m].credits,
      }])]);
    });
    const expected = [];
    for (const o of orders) {
      const entry: Vars = { id: o.id };
      for (const model of MODELS) {
        const rows = await sql<{ event_id: string; campaign_id: string; credit: string; credited: boolean; n: string }>(
          `SELECT * FROM (${CREDITS_SQL}) c WHERE order_id = $4 ORDER BY pos`, [null, null, model, o.id]);
        const share = (r: (typeof rows)[number]) => (!r.credited ? 0 : model === 'LINEAR' ? 1 / Number(r.n) : 1);
        entry[model] = {
          sum: BigInt(o.total),
          touches: rows.map((r) => r.event_id),
          // TIME_DECAY weights are not re-derived in SQL: its credits must still cover the total exactly, shares summing to 1.
          detail: model === 'TIME_DECAY' ? expect.closeTo(1, 12)
            : rows.map((r) => ({ touch: { id: r.event_id }, campaign: { id: r.campaign_id }, credit: eur(r.credit), share: share(r) })),
        };
      }
      expected.push(entry);
    }
    expect(got).toEqual(expected);
  });

  it('batches: the attribution of a page of campaigns is one statement, for 5 campaigns as for 20', async () => {
    const page = (attribution: string) => `query($first: Int!) { campaigns(first: $first) { edges { node { id ${attribution} } } } }`;
    const count = async (query: string, first: number) => {
      const before = graph.db.statements;
      const res = await graph.gql<{ campaigns: { edges: unknown[] } }>(query, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.campaigns.edges).toHaveLength(first);
      return graph.db.statements - before;
    };
    // Different periods, so no answer can come from a cache of an earlier one.
    const without = await count(page(''), 20);
    const five = await count(page('attribution(model: LINEAR, from: "2025-02-01T00:00:00Z") { orders }'), 5);
    const twenty = await count(page('attribution(model: LINEAR, from: "2025-03-01T00:00:00Z") { orders }'), 20);
    expect(twenty).toBe(five);
    expect(twenty - without).toBe(1);
  });
});

const touches: Record<string, { id: string; type: string; occurredAt: string; campaign: string }> = {};
const orderIds: Record<string, string> = {};

/** Inserts events (ids drawn by the table unless given) and remembers each as a touch by its key. */
async function addEvents(rows: [key: string, campaign: string, customer: string, type: string, at: string, id?: string][]) {
  const explicit = rows[0][5] !== undefined;
  const stored = await sql<{ id: string; client_key: string }>(
    `INSERT INTO campaigns.events (${explicit ? 'id, ' : ''}client_key, campaign_id, customer_id, type, occurred_at)
     ${explicit ? 'OVERRIDING SYSTEM VALUE' : ''} SELECT ${explicit ? 'i::bigint, ' : ''}k, c, u, t, a::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(k, c, u, t, a, i)
     RETURNING id::text, client_key`,
    [0, 1, 2, 3, 4, 5].map((col) => rows.map((r) => (col === 0 ? `att-${r[0]}` : r[col] ?? null))));
  for (const r of rows) {
    const id = stored.find((s) => s.client_key === `att-${r[0]}`)?.id ?? '';
    touches[r[0]] = { id, type: r[3], occurredAt: r[4], campaign: r[1] };
  }
}

async function placeOrder(key: string, customerId: string, placedAt: string, lines: { sku: string; quantity: number }[], currency = 'EUR') {
  const res = await graph.gql<{ placeOrder: { id: string; attribution: unknown } }>(PLACE, {
    input: { clientKey: `att-${key}`, customerId, currency, lines, placedAt } });
  // Not yet in campaigns' projection: no attribution until the next sync.
  expect(res.body).toEqual({ data: { placeOrder: { id: expect.any(String), attribution: null } } });
  orderIds[key] = res.body.data?.placeOrder.id ?? '';
}

type Case = [label: string, order: string, model: Model, args: Vars, credits: () => unknown[]];
const usd = (minor: number | bigint | string) => formatMinor(minor, 'USD');
const credit = (key: string, minor: number, share: number, money = eur) => {
  const { campaign, ...touch } = touches[key];
  return { touch, campaign: { id: campaign }, credit: money(minor), share };
};
const attributionOf = (order: string, model: Model, total: Money, credits: unknown[]) =>
  ({ status: 200, body: { data: { order: { id: orderIds[order], attribution: { model, total, credits } } } } });

/** The fixture's figures per model for att-a, att-b and att-c (half-life 10 days), each worked out in its comment. */
const FIXTURE_TOTALS: [Model, [orders: number, revenue: Money[], roi: number | null][]][] = [
  // O1 -> e3 (att-c) 100.00 EUR, O2 -> t2 (att-b) 10.01 USD. ROI: att-a (0 - 5000) / 5000, att-c (10000 - 20000) / 20000.
  ['LAST_TOUCH', [[0, [], -1], [1, [usd(1001)], null], [1, [eur(10000)], -0.5]]],
  // O1 -> e1 and O2 -> t1, both att-a; ROI counts only the spend's currency: (10000 - 5000) / 5000.
  ['FIRST_TOUCH', [[2, [eur(10000), usd(1001)], 1], [0, [], null], [0, [], -1]]],
  // att-a 33.33 EUR + 5.00 USD, att-b 33.33 EUR + 5.01 USD, att-c 33.34 EUR: (3333 - 5000) / 5000, (3334 - 20000) / 20000.
  ['LINEAR', [[2, [eur(3333), usd(500)], -0.3334], [2, [eur(3333), usd(501)], null], [1, [eur(3334)], -0.8333]]],
  // att-a 14.29 EUR + 5.00 USD, att-b 28.57 EUR + 5.01 USD, att-c 57.14 EUR: (1429 - 5000) / 5000, (5714 - 20000) / 20000.
  ['TIME_DECAY', [[2, [eur(1429), usd(500)], -0.7142], [2, [eur(2857), usd(501)], null], [1, [eur(5714)], -0.7143]]],
];

describe('Order.attribution on a hand-worked fixture', () => {
  beforeAll(async () => {
    // att-a spends 50.00, att-b nothing, att-c 200.00 (EUR); fresh customers with no seeded history.
    await sql(`INSERT INTO campaigns.campaigns (id, name, channel, status, currency, budget_minor, spend_minor, starts_at, ends_at)
      VALUES ('att-a', 'Attribution A', 'EMAIL', 'COMPLETED', 'EUR', 10000, 5000, '2032-01-01', '2033-01-01'),
             ('att-b', 'Attribution B', 'SMS', 'COMPLETED', 'EUR', 10000, 0, '2032-01-02', '2033-01-01'),
             ('att-c', 'Attribution C', 'PUSH', 'COMPLETED', 'EUR', 30000, 20000, '2032-01-03', '2033-01-01')`);
    await sql(`INSERT INTO sales.products (sku, name, category, currency, price_minor)
      VALUES ('ATT-TEN', 'Ten', 'Test', 'EUR', 1000), ('ATT-USD', 'Ten', 'Test', 'USD', 1000), ('ATT-CENT', 'Cent', 'Test', 'USD', 1)`);
    await addEvents([ // O1 is placed at 2032-03-31T12:00Z for customer 1.
      ['x0', 'att-c', 'att-cus-1', 'CLICKED', '2032-03-01T11:59:59.999Z'], // 30 days + 1 ms before O1: outside the window
      ['e1', 'att-a', 'att-cus-1', 'OPENED', '2032-03-01T12:00:00.000Z'], // exactly 30 days before: inside
      ['e2', 'att-b', 'att-cus-1', 'CLICKED', '2032-03-11T12:00:00.000Z'], // 20 days before
      ['d1', 'att-a', 'att-cus-1', 'DELIVERED', '2032-03-15T12:00:00.000Z'], // not a touch
      ['e3', 'att-c', 'att-cus-1', 'CONVERTED', '2032-03-21T12:00:00.000Z'], // 10 days before
      ['e4', 'att-c', 'att-cus-1', 'OPENED', '2032-03-31T12:00:00.000Z'], // at placedAt: not before the order
      ['e5', 'att-a', 'att-cus-1', 'CLICKED', '2032-04-01T12:00:00.000Z'], // after O1 (before the cancelled O4)
    ]);
    // Same instant for customer 2; as text "100000000" < "99999999", so 99999999 is the later touch.
    await addEvents([
      ['t1', 'att-a', 'att-cus-2', 'CLICKED', '2032-05-05T00:00:00.000Z', '100000000'],
      ['t2', 'att-b', 'att-cus-2', 'OPENED', '2032-05-05T00:00:00.000Z', '99999999'],
    ]);
    await placeOrder('o1', 'att-cus-1', '2032-03-31T12:00:00.000Z', [{ sku: 'ATT-TEN', quantity: 10 }]); // 100.00
    await placeOrder('o2', 'att-cus-2', '2032-05-10T00:00:00.000Z', [{ sku: 'ATT-USD', quantity: 1 }, { sku: 'ATT-CENT', quantity: 1 }], 'USD'); // 10.01 USD
    await placeOrder('o3', 'att-cus-1', '2032-02-01T00:00:00.000Z', [{ sku: 'ATT-TEN', quantity: 1 }]); // 10.00, before every touch
    // Cancelled (sales has no cancel mutation): its window holds e2, e3, e4, e5, yet it credits no campaign.
    await sql(`INSERT INTO sales.orders (client_key, customer_id, status, currency, total_minor, placed_at)
      VALUES ('att-o4', 'att-cus-1', 'CANCELLED', 'EUR', 5000, '2032-04-02T00:00:00Z')`);
    expect(await graph.syncConversions()).toBe(4);
  });

  it.each<Case>([
    // O1 = 10000 minor; touches e1 (att-a, 30 days), e2 (att-b, 20 days), e3 (att-c, 10 days) before it.
    ['O1 last touch: all to e3', 'o1', 'LAST_TOUCH', {}, () => [credit('e1', 0, 0), credit('e2', 0, 0), credit('e3', 10000, 1)]],
    ['O1 first touch: all to e1', 'o1', 'FIRST_TOUCH', {}, () => [credit('e1', 10000, 1), credit('e2', 0, 0), credit('e3', 0, 0)]],
    // 10000 / 3 = 3333.33 each: floors sum to 9999, equal remainders, the cent goes to the later touch e3.
    ['O1 linear: 33.33, 33.33, 33.34', 'o1', 'LINEAR', {}, () => [credit('e1', 3333, 1 / 3), credit('e2', 3333, 1 / 3), credit('e3', 3334, 1 / 3)]],
    // Half-life 10 days: weights 2^-3, 2^-2, 2^-1 = 1/8, 2/8, 4/8 -> shares 1/7, 2/7, 4/7 = 1428.57, 2857.14, 5714.28;
    // floors 1428 + 2857 + 5714 = 9999, the cent goes to the largest remainder (.57): e1, the oldest.
    ['O1 time decay', 'o1', 'TIME_DECAY', {}, () => [credit('e1', 1429, 1 / 7), credit('e2', 2857, 2 / 7), credit('e3', 5714, 4 / 7)]],
    // Half-life 0.001 days: e3's weight is 2^-10000 and the others' far less (all underflow a double), yet
    // relative to each other e3 outweighs e2 by 2^10000: the whole order goes to e3.
    ['O1 time decay, 0.001-day half-life', 'o1', 'TIME_DECAY', { halfLife: 0.001 }, () => [credit('e1', 0, 0), credit('e2', 0, 0), credit('e3', 10000, 1)]],
    // 20-day window starts exactly at e2: e2 and e3 split 10000.
    ['O1 linear over 20 days', 'o1', 'LINEAR', { lookback: 20 }, () => [credit('e2', 5000, 0.5), credit('e3', 5000, 0.5)]],
    // 31-day window also reaches x0 (30 days + 1 ms): 2500 each.
    ['O1 linear over 31 days', 'o1', 'LINEAR', { lookback: 31 }, () => ['x0', 'e1', 'e2', 'e3'].map((k) => credit(k, 2500, 0.25))],
    // O2 = 1001 USD cents; t1 and t2 at the same instant, t2 the later by id as text.
    ['O2 tie, last touch: t2', 'o2', 'LAST_TOUCH', {}, () => [credit('t1', 0, 0, usd), credit('t2', 1001, 1, usd)]],
    ['O2 tie, first touch: t1', 'o2', 'FIRST_TOUCH', {}, () => [credit('t1', 1001, 1, usd), credit('t2', 0, 0, usd)]],
    // 500.5 each: floors 500 + 500, the cent to the later touch t2; equal ages make time decay the same.
    ['O2 tie, linear', 'o2', 'LINEAR', {}, () => [credit('t1', 500, 0.5, usd), credit('t2', 501, 0.5, usd)]],
    ['O2 tie, time decay', 'o2', 'TIME_DECAY', {}, () => [credit('t1', 500, 0.5, usd), credit('t2', 501, 0.5, usd)]],
    ...MODELS.map((m): Case => [`O3 before every touch, ${m}: no credits`, 'o3', m, {}, () => []]),
  ])('%s', async (_label, order, model, args, credits) => {
    const total = { o1: eur(10000), o2: usd(1001), o3: eur(1000) }[order] ?? eur(0);
    expect(await graph.gql(ORDER, { id: orderIds[order], model, halfLife: 10, ...args })).toEqual(attributionOf(order, model, total, credits()));
  });

  it.each(FIXTURE_TOTALS)('%s totals per campaign: cancelled O4 and untouched O3 count for none, zero spend has no ROI', async (model, rows) => {
    const one = (id: string) => `${id.replace('-', '_')}: campaign(id: "${id}") { id attribution(model: $model, halfLifeDays: 10) { ${FIGURES} } }`;
    const res = await graph.gql(`query($model: AttributionModel!) { ${['att-a', 'att-b', 'att-c'].map(one).join(' ')} }`, { model });
    const node = (id: string, [orders, revenue, roi]: (typeof rows)[number]) =>
      ({ id, attribution: { model, lookbackDays: 30, halfLifeDays: 10, orders, revenue, roi } });
    expect(res).toEqual({ status: 200, body: { data: { att_a: node('att-a', rows[0]), att_b: node('att-b', rows[1]), att_c: node('att-c', rows[2]) } } });
  });

  it.each(FIXTURE_TOTALS)('%s totals of a campaign asked for alone: its share of each order is split over every campaign\'s touches', async (model, rows) => {
    // O1's touches belong to att-a, att-b and att-c, O2's to att-a and att-b: asked for alone, a campaign must
    // still get its share among all of them (att-b's 33.33 of O1 under LINEAR, not the whole 100.00).
    const one = `query($id: ID!, $model: AttributionModel!) { campaign(id: $id) { id attribution(model: $model, halfLifeDays: 10) { ${FIGURES} } } }`;
    for (const [i, id] of ['att-a', 'att-b', 'att-c'].entries()) {
      const [orders, revenue, roi] = rows[i];
      expect(await graph.gql(one, { id, model }), id).toEqual({ status: 200, body: { data: { campaign: {
        id, attribution: { model, lookbackDays: 30, halfLifeDays: 10, orders, revenue, roi } } } } });
    }
  });
});

describe('Order.attribution follows the order feed', () => {
  it('is null for an order campaigns has not synced yet, and appears after syncConversions()', async () => {
    await sql(`INSERT INTO campaigns.campaigns (id, name, channel, status, currency, budget_minor, spend_minor, starts_at, ends_at)
      VALUES ('att-f', 'Attribution F', 'EMAIL', 'ACTIVE', 'EUR', 1000, 100, '2033-01-01', '2034-01-01')`);
    await sql(`INSERT INTO sales.products (sku, name, category, currency, price_minor) VALUES ('ATT-F', 'F', 'Test', 'EUR', 4321)`);
    await addEvents([['f1', 'att-f', 'att-cus-f', 'CLICKED', '2033-02-01T00:00:00.000Z']]);
    await placeOrder('of', 'att-cus-f', '2033-02-02T00:00:00.000Z', [{ sku: 'ATT-F', quantity: 1 }]);
    const before = await graph.gql(ORDER, { id: orderIds.of, model: 'LAST_TOUCH' });
    expect(before).toEqual({ status: 200, body: { data: { order: { id: orderIds.of, attribution: null } } } });
    expect(await graph.syncConversions()).toBe(1);
    expect(await graph.gql(ORDER, { id: orderIds.of, model: 'LAST_TOUCH' })).toEqual(attributionOf('of', 'LAST_TOUCH', eur(4321), [credit('f1', 4321, 1)]));
  });
});

describe('attribution arguments are validated', () => {
  const CAMPAIGN = `query($id: ID!, $lookback: Int! = 30, $halfLife: Float! = 7, $from: DateTime, $to: DateTime) {
    campaign(id: $id) { id attribution(lookbackDays: $lookback, halfLifeDays: $halfLife, from: $from, to: $to) { orders } } }`;
  const refused = (data: unknown, path: string[], field: string, detail: string) => ({
    status: 200,
    body: { data, errors: [{ message: `${field}: ${detail}`, path, extensions: { code: 'BAD_USER_INPUT', field, serviceName: 'campaigns' } }] },
  });
  const Q2 = { from: '2025-04-01T00:00:00Z', to: '2025-07-01T00:00:00Z' };

  it.each<[string, Vars, string, string]>([
    ['lookbackDays 0', { lookback: 0 }, 'lookbackDays', 'must be an integer from 1 to 365, got 0'],
    ['lookbackDays 366', { lookback: 366 }, 'lookbackDays', 'must be an integer from 1 to 365, got 366'],
    ['halfLifeDays 0', { halfLife: 0 }, 'halfLifeDays', 'must be more than 0 and at most 365, got 0'],
    ['to = from', { from: Q2.from, to: Q2.from }, 'to', 'must be after from'],
    ['to < from', { from: Q2.to, to: Q2.from }, 'to', 'must be after from'],
  ])('Campaign.attribution refuses %s', async (_label, vars, field, detail) => {
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM campaigns.campaigns ORDER BY id LIMIT 1`);
    expect(await graph.gql(CAMPAIGN, { id, ...vars })).toEqual(refused({ campaign: null }, ['campaign', 'attribution'], field, detail));
  });

  it.each<[string, Vars, string, string]>([
    ['lookbackDays 0', { lookback: 0 }, 'lookbackDays', 'must be an integer from 1 to 365, got 0'],
    ['lookbackDays 366', { lookback: 366 }, 'lookbackDays', 'must be an integer from 1 to 365, got 366'],
    ['halfLifeDays 0', { halfLife: 0 }, 'halfLifeDays', 'must be more than 0 and at most 365, got 0'],
  ])('Order.attribution refuses %s', async (_label, vars, field, detail) => {
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM sales.orders ORDER BY id LIMIT 1`);
    expect(await graph.gql(ORDER, { id, model: 'LINEAR', ...vars }))
      .toEqual(refused({ order: { id, attribution: null } }, ['order', 'attribution'], field, detail));
  });
});
