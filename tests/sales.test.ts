import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../subgraphs/kit/src/db.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';
import { encodeCursor } from '../subgraphs/kit/src/pagination.ts';
import { sales } from '../subgraphs/sales/src/app.ts';
import { insertOrder } from '../subgraphs/sales/src/data/orders.ts';
import { bucketCount, parsePeriod, type BucketUnit } from '../subgraphs/kit/src/periods.ts';
import { minorIn, moneyList, ratio } from '../subgraphs/sales/src/figures.ts';

// Fixture (minor units). Products: A1 12.50 EUR, A2 9.99 EUR, B1 500 JPY, C1 20.00 GBP.
// Orders (id, customer, rep, campaign, status, currency, total, placed_at, lines):
const ORDERS: [string, string, string | null, string | null, string, string, number, string, [string, number][]][] = [
  ['o1', 'c1', 'e1', 'k1', 'PLACED', 'EUR', 2500, '2025-01-15T10:00:00Z', [['A1', 2]]],
  ['o2', 'c1', 'e1', null, 'PAID', 'EUR', 999, '2025-02-03T00:00:00Z', [['A2', 1]]],
  ['o3', 'c1', null, 'k1', 'CANCELLED', 'EUR', 5000, '2025-03-01T00:00:00Z', [['A1', 4]]],
  ['o4', 'c2', 'e2', 'k1', 'SHIPPED', 'JPY', 1500, '2025-01-20T00:00:00Z', [['B1', 3]]],
  ['o5', 'c2', 'e1', 'k2', 'PLACED', 'GBP', 2000, '2025-03-10T00:00:00Z', [['C1', 1]]],
  ['o6', 'c3', 'e1', 'k1', 'PAID', 'EUR', 1250, '2025-02-14T12:00:00Z', [['A1', 1]]],
  ['o7', 'c3', 'e2', null, 'SHIPPED', 'EUR', 3499, '2025-04-02T00:00:00Z', [['A1', 2], ['A2', 1]]],
  ['o8', 'c4', 'e1', null, 'CANCELLED', 'EUR', 999, '2025-02-20T00:00:00Z', [['A2', 1]]],
  ['o9', 'c1', 'e1', null, 'PLACED', 'EUR', 1250, '2025-04-15T00:00:00Z', [['A1', 1]]],
];

let sub: SubgraphUnderTest;
let db: Db;

async function fixture(db: Db): Promise<void> {
  await db.query(`INSERT INTO sales.products VALUES ('A1', 'Widget', 'tools', 'EUR', 1250), ('A2', 'Gadget', 'tools', 'EUR', 999),
    ('B1', 'Daruma', 'toys', 'JPY', 500), ('C1', 'Atlas', 'books', 'GBP', 2000)`);
  for (const [id, customer, rep, campaign, status, currency, total, at, lines] of ORDERS) {
    await db.query(`INSERT INTO sales.orders VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, `key-${id}`, customer, rep, campaign, status, currency, total, at]);
    for (const [i, [sku, qty]] of lines.entries()) {
      await db.query(`INSERT INTO sales.order_lines SELECT $1, $2, sku, $4, price_minor FROM sales.products WHERE sku = $3`,
        [id, i + 1, sku, qty]);
    }
  }
}

beforeAll(async () => {
  sub = await startSubgraph(sales, fixture);
  db = sub.db;
});

afterAll(async () => {
  await sub?.close();
});

const gql = (query: string, variables?: Record<string, unknown>) =>
  sub.gql<{ data?: Record<string, unknown> | null; errors?: unknown[] }>(query, variables);

const money = (amount: string, currency: string) => ({ amount, currency });
const badInput = (field: string, message: string, path = 'placeOrder') =>
  ({ message: `${field}: ${message}`, locations: [expect.any(Object)], path: [path], extensions: { code: 'BAD_USER_INPUT', field } });

describe('pure helpers', () => {
  it('parses periods into UTC [start, end)', () => {
    const cases = [['2025', '2025-01-01', '2026-01-01'], ['2025-Q4', '2025-10-01', '2026-01-01'], ['2024-Q1', '2024-01-01', '2024-04-01'],
      ['2025-12', '2025-12-01', '2026-01-01'], ['1999-02', '1999-02-01', '1999-03-01']];
    for (const [period, start, end] of cases) {
      expect(parsePeriod('period', period)).toEqual({ start: new Date(`${start}T00:00:00Z`), end: new Date(`${end}T00:00:00Z`) });
    }
    for (const bad of ['0099-02', '2025-Q5', '2025-Q0', '2025-13', '2025-00', '25', '2025-1', '2025-H1', '']) {
      expect(() => parsePeriod('period', bad)).toThrow(`period: "${bad}" is not a period`);
    }
  });
  it('counts buckets like date_trunc (weeks from Monday; 2025-01-12 is a Sunday)', () => {
    const count = (from: string, to: string, unit: BucketUnit) => bucketCount(new Date(from), new Date(to), unit);
    expect([count('2025-01-15T00:00:00Z', '2025-03-01T00:00:00Z', 'month'), count('2024-12-31T23:00:00Z', '2025-01-01T00:00:01Z', 'day'),
      count('2025-01-12T00:00:00Z', '2025-01-14T00:00:00Z', 'week'), count('2025-01-13T00:00:00Z', '2025-01-27T00:00:00Z', 'week')])
      .toEqual([2, 2, 2, 2]);
  });
  it('sums money exactly per currency', () => {
    const rows = [{ currency: 'JPY', minor: '7' }, { currency: 'EUR', minor: '9007199254740993' }];
    expect(moneyList(rows)).toEqual([money('90071992547409.93', 'EUR'), money('7', 'JPY')]);
    expect([minorIn(rows, 'EUR'), minorIn(rows, 'GBP'), ratio(1n, 0n), ratio(-1250n, 2500n)]).toEqual([9007199254740993n, 0n, null, -0.5]);
  });
});

describe('queries', () => {
  it('order with lines, product, references; products', async () => {
    const res = await gql(`{ order(id: "o7") { id status total { amount currency } placedAt customer { id } salesRep { id }
      campaign { id } lines { lineNo quantity unitPrice { amount currency } lineTotal { amount currency } product { sku name category price { amount currency } } } }
      missing: order(id: "nope") { id } products { sku } product(sku: "B1") { sku name category price { amount currency } } none: product(sku: "Z") { sku } }`);
    expect(res).toEqual({ data: {
      order: { id: 'o7', status: 'SHIPPED', total: money('34.99', 'EUR'), placedAt: '2025-04-02T00:00:00.000Z',
        customer: { id: 'c3' }, salesRep: { id: 'e2' }, campaign: null, lines: [
          { lineNo: 1, quantity: 2, unitPrice: money('12.50', 'EUR'), lineTotal: money('25.00', 'EUR'),
            product: { sku: 'A1', name: 'Widget', category: 'tools', price: money('12.50', 'EUR') } },
          { lineNo: 2, quantity: 1, unitPrice: money('9.99', 'EUR'), lineTotal: money('9.99', 'EUR'),
            product: { sku: 'A2', name: 'Gadget', category: 'tools', price: money('9.99', 'EUR') } },
        ] }, missing: null, products: [{ sku: 'A1' }, { sku: 'A2' }, { sku: 'B1' }, { sku: 'C1' }],
      product: { sku: 'B1', name: 'Daruma', category: 'toys', price: money('500', 'JPY') }, none: null } });
  });
  const ORDERS_Q = `query($first: Int, $after: String, $filter: OrderFilter, $orderBy: OrderOrder) {
    orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const at = (id: string) => new Date(ORDERS.find((o) => o[0] === id)![7]);
  const page = (edges: [string, string | Date][], hasNextPage: boolean, hasPreviousPage: boolean) => {
    const e = edges.map(([id, v]) => ({ cursor: encodeCursor(v instanceof Date ? 'PLACED_AT' : 'TOTAL', v, id), node: { id } }));
    return { data: { orders: { edges: e, pageInfo: {
      hasNextPage, hasPreviousPage, startCursor: e[0]?.cursor ?? null, endCursor: e.at(-1)?.cursor ?? null } } } };
  };
  it('orders: keyset pages by placedAt', async () => {
    // placed_at ascending: o1, o4, o2, o6, o8, o3, o5, o7, o9 (the fixture window keeps out orders other tests place)
    const vars = (after?: string) => ({ first: 3, after, filter: { placedTo: '2025-06-01T00:00:00Z' } });
    expect(await gql(ORDERS_Q, vars())).toEqual(page([['o1', at('o1')], ['o4', at('o4')], ['o2', at('o2')]], true, false));
    expect(await gql(ORDERS_Q, vars(encodeCursor('PLACED_AT', at('o2'), 'o2')))).toEqual(page([['o6', at('o6')], ['o8', at('o8')], ['o3', at('o3')]], true, true));
    expect(await gql(ORDERS_Q, vars(encodeCursor('PLACED_AT', at('o3'), 'o3')))).toEqual(page([['o5', at('o5')], ['o7', at('o7')], ['o9', at('o9')]], false, true));
  });
  it('orders: filters and TOTAL sort', async () => {
    const ids = async (variables: Record<string, unknown>) =>
      ((await gql(ORDERS_Q, variables)).data as { orders: { edges: { node: { id: string } }[] } }).orders.edges.map((e) => e.node.id);
    expect(await ids({ filter: { campaignId: 'k1' } })).toEqual(['o1', 'o4', 'o6', 'o3']);
    expect(await ids({ filter: { salesRepId: 'e2' } })).toEqual(['o4', 'o7']);
    expect(await ids({ filter: { customerId: 'c1', status: 'PLACED' } })).toEqual(['o1', 'o9']);
    expect(await ids({ filter: { placedFrom: '2025-02-03T00:00:00Z', placedTo: '2025-03-01T00:00:00Z' } })).toEqual(['o2', 'o6', 'o8']);
    expect(await gql(ORDERS_Q, { first: 2, filter: { status: 'PLACED' }, orderBy: { field: 'TOTAL', direction: 'DESC' } }))
      .toEqual(page([['o1', '2500'], ['o5', '2000']], true, false));
    expect(await gql(ORDERS_Q, { first: 2, after: encodeCursor('TOTAL', '2000', 'o5'), filter: { status: 'PLACED' }, orderBy: { field: 'TOTAL', direction: 'DESC' } }))
      .toEqual(page([['o9', '1250']], false, true));
    expect(await gql(ORDERS_Q, { first: 101 })).toEqual({ data: null, errors: [badInput('first', 'must be from 1 to 100, got 101', 'orders')] });
  });
  it('salesKpis: every bucket, cancelled excluded, new customers over all time', async () => {
    const q = `query($from: DateTime!, $to: DateTime!, $interval: Interval!) {
      salesKpis(from: $from, to: $to, interval: $interval) { periodStart orders revenue { amount currency } newCustomers } }`;
    const point = (periodStart: string, orders: number, revenue: unknown[], newCustomers: number) => ({ periodStart, orders, revenue, newCustomers });
    expect(await gql(q, { from: '2025-01-01T00:00:00Z', to: '2025-06-01T00:00:00Z', interval: 'MONTH' })).toEqual({ data: { salesKpis: [
      point('2025-01-01T00:00:00.000Z', 2, [money('25.00', 'EUR'), money('1500', 'JPY')], 2), // o1, o4; c1, c2 first
      point('2025-02-01T00:00:00.000Z', 2, [money('22.49', 'EUR')], 1), // o2 + o6 (o8 cancelled); c3 first
      point('2025-03-01T00:00:00.000Z', 1, [money('20.00', 'GBP')], 0), // o5 (o3 cancelled)
      point('2025-04-01T00:00:00.000Z', 2, [money('47.49', 'EUR')], 0), // o7 + o9
      point('2025-05-01T00:00:00.000Z', 0, [], 0),
    ] } });
    expect(await gql(q, { from: '2025-01-13T00:00:00Z', to: '2025-01-27T00:00:00Z', interval: 'WEEK' })).toEqual({ data: { salesKpis: [
      point('2025-01-13T00:00:00.000Z', 1, [money('25.00', 'EUR')], 1), point('2025-01-20T00:00:00.000Z', 1, [money('1500', 'JPY')], 1)] } });
    // c1's first order (January) keeps it out of February's new customers.
    expect(await gql(q, { from: '2025-02-03T00:00:00Z', to: '2025-02-04T00:00:00Z', interval: 'DAY' }))
      .toEqual({ data: { salesKpis: [point('2025-02-03T00:00:00.000Z', 1, [money('9.99', 'EUR')], 0)] } });
    expect(await gql(q, { from: '2025-02-01T00:00:00Z', to: '2025-02-01T00:00:00Z', interval: 'DAY' }))
      .toEqual({ data: null, errors: [badInput('to', 'must be after from', 'salesKpis')] });
    // 2020-01-01 .. 2023-01-01 is 366 + 365 * 2 = 1096 days.
    expect(await gql(q, { from: '2020-01-01T00:00:00Z', to: '2023-01-01T00:00:00Z', interval: 'DAY' }))
      .toEqual({ data: null, errors: [badInput('to', 'the range spans 1096 day buckets; at most 1000 are allowed', 'salesKpis')] });
  });
  it('retentionCohorts', async () => {
    const q = `query($months: Int!) { retentionCohorts(from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z", months: $months) {
      cohort customers retention } }`;
    // 2025-01: c1 (Jan, Feb, Apr; March only cancelled), c2 (Jan, Mar). 2025-02: c3 (Feb, Apr). c4 only cancelled.
    expect(await gql(q, { months: 4 })).toEqual({ data: { retentionCohorts: [
      { cohort: '2025-01', customers: 2, retention: [1, 1 / 2, 1 / 2, 1 / 2] },
      { cohort: '2025-02', customers: 1, retention: [1, 0, 1, 0] },
    ] } });
    expect(await gql(q, { months: 25 })).toEqual({ data: null, errors: [badInput('months', 'must be an integer from 1 to 24, got 25', 'retentionCohorts')] });
  });
});

describe('entities', () => {
  const entities = (representations: unknown[], selection: string) =>
    gql(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
  it('Customer: orders (cancelled too), count, lifetime value, first/last', async () => {
    const res = await entities(['c1', 'c2', 'c4', 'c9'].map((id) => ({ __typename: 'Customer', id })),
      `... on Customer { id orders(first: 2) { id status } all: orders { id } orderCount lifetimeValue { amount currency } firstOrderAt lastOrderAt }`);
    const none = { orderCount: 0, lifetimeValue: [], firstOrderAt: null, lastOrderAt: null };
    expect(res).toEqual({ data: { _entities: [
      { id: 'c1', orders: [{ id: 'o9', status: 'PLACED' }, { id: 'o3', status: 'CANCELLED' }], all: [{ id: 'o9' }, { id: 'o3' }, { id: 'o2' }, { id: 'o1' }],
        orderCount: 3, lifetimeValue: [money('47.49', 'EUR')], firstOrderAt: '2025-01-15T10:00:00.000Z', lastOrderAt: '2025-04-15T00:00:00.000Z' },
      { id: 'c2', orders: [{ id: 'o5', status: 'PLACED' }, { id: 'o4', status: 'SHIPPED' }], all: [{ id: 'o5' }, { id: 'o4' }],
        orderCount: 2, lifetimeValue: [money('20.00', 'GBP'), money('1500', 'JPY')], firstOrderAt: '2025-01-20T00:00:00.000Z', lastOrderAt: '2025-03-10T00:00:00.000Z' },
      { id: 'c4', orders: [{ id: 'o8', status: 'CANCELLED' }], all: [{ id: 'o8' }], ...none },
      { id: 'c9', orders: [], all: [], ...none },
    ] } });
  });
  it('Campaign: attributed orders, revenue, roi from the required spend', async () => {
    const res = await entities([
      { __typename: 'Campaign', id: 'k1', spend: money('25.00', 'EUR') }, // EUR 37.50 -> (3750 - 2500) / 2500
      { __typename: 'Campaign', id: 'k1', spend: money('10.00', 'GBP') }, // nothing in GBP -> -1
      { __typename: 'Campaign', id: 'k2', spend: money('40.00', 'GBP') }, // (2000 - 4000) / 4000
      { __typename: 'Campaign', id: 'k3', spend: money('0.00', 'EUR') },
    ], `... on Campaign { id attributedOrders attributedRevenue { amount currency } roi }`);
    const k1 = { id: 'k1', attributedOrders: 3, attributedRevenue: [money('37.50', 'EUR'), money('1500', 'JPY')] };
    expect(res).toEqual({ data: { _entities: [
      { ...k1, roi: 0.5 }, { ...k1, roi: -1 },
      { id: 'k2', attributedOrders: 1, attributedRevenue: [money('20.00', 'GBP')], roi: -0.5 },
      { id: 'k3', attributedOrders: 0, attributedRevenue: [], roi: null },
    ] } });
  });
  it('Quota: revenue in the target currency, deals, attainment; bad period refused', async () => {
    const res = await entities([
      { __typename: 'Quota', employeeId: 'e1', period: '2025-Q1', target: money('100.00', 'EUR') }, // o1 o2 o6 EUR, o5 GBP
      { __typename: 'Quota', employeeId: 'e1', period: '2025-02', target: money('0.00', 'EUR') }, // o2 o6 (o8 cancelled)
      { __typename: 'Quota', employeeId: 'e2', period: '2025', target: money('1000', 'JPY') }, // o4 JPY, o7 EUR
      { __typename: 'Quota', employeeId: 'e1', period: '2025-Q2', target: money('50.00', 'EUR') }, // o9
    ], `... on Quota { employeeId period revenue { amount currency } dealsWon attainment }`);
    expect(res).toEqual({ data: { _entities: [
      { employeeId: 'e1', period: '2025-Q1', revenue: money('47.49', 'EUR'), dealsWon: 4, attainment: 0.4749 },
      { employeeId: 'e1', period: '2025-02', revenue: money('22.49', 'EUR'), dealsWon: 2, attainment: null },
      { employeeId: 'e2', period: '2025', revenue: money('1500', 'JPY'), dealsWon: 2, attainment: 1.5 },
      { employeeId: 'e1', period: '2025-Q2', revenue: money('12.50', 'EUR'), dealsWon: 1, attainment: 0.25 },
    ] } });
    const bad = await entities([{ __typename: 'Quota', employeeId: 'e1', period: '2025-Q5' }], `... on Quota { dealsWon }`);
    expect(bad).toEqual({ data: { _entities: [null] }, errors: [{
      message: 'period: "2025-Q5" is not a period; expected YYYY, YYYY-Qn or YYYY-MM', locations: [expect.any(Object)],
      path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT', field: 'period' } }] });
  });
  it('Order and Product references', async () => {
    const res = await entities([{ __typename: 'Order', id: 'o5' }, { __typename: 'Product', sku: 'C1' }, { __typename: 'Order', id: 'nope' }],
      `... on Order { id total { amount currency } campaign { id } salesRep { id } } ... on Product { sku name }`);
    expect(res).toEqual({ data: { _entities: [
      { id: 'o5', total: money('20.00', 'GBP'), campaign: { id: 'k2' }, salesRep: { id: 'e1' } }, { sku: 'C1', name: 'Atlas' }, null] } });
  });
  it('batches: 20 representations cost the statements of 2', async () => {
    // One request per entity type: a loader reached through two paths in one request may
    // legitimately dispatch twice when the two parents' statements finish in different ticks.
    const selection = `... on Customer { orderCount lifetimeValue { amount } orders(first: 2) { id lines { product { sku } } } }
      ... on Quota { dealsWon revenue { amount } attainment } ... on Campaign { attributedOrders roi }
      ... on Order { lines { lineTotal { amount } product { sku } } }`;
    const reps = (n: number) => Array.from({ length: n }, (_, i): Record<string, Record<string, unknown>[]> => ({
      Customer: [{ __typename: 'Customer', id: `c${(i % 5) + 1}-${i}` }, { __typename: 'Customer', id: `c${(i % 4) + 1}` }],
      Quota: [{ __typename: 'Quota', employeeId: `e${(i % 2) + 1}`, period: `2025-0${(i % 9) + 1}`, target: money('1.00', 'EUR') }],
      Campaign: [{ __typename: 'Campaign', id: `k${i}`, spend: money('1.00', 'EUR') }],
      Order: [{ __typename: 'Order', id: `o${(i % 9) + 1}` }],
    }));
    const cost = async (n: number) => {
      const perType: Record<string, number> = {};
      for (const type of ['Customer', 'Quota', 'Campaign', 'Order'] as const) {
        const before = db.statements;
        expect((await entities(reps(n).flatMap((r) => r[type]), selection)).errors).toBeUndefined();
        perType[type] = db.statements - before;
      }
      return perType;
    };
    // Customer: orders, totals, lines, products; Quota: revenue; Campaign: totals; Order: order, lines, products.
    const expected = { Customer: 4, Quota: 1, Campaign: 1, Order: 3 };
    expect(await cost(2)).toEqual(expected);
    expect(await cost(20)).toEqual(expected);
  });
});

describe('placeOrder', () => {
  const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
    id status customer { id } salesRep { id } campaign { id } total { amount currency } placedAt
    lines { lineNo quantity product { sku } unitPrice { amount } lineTotal { amount } } } }`;
  // Customer, rep, campaign and dates (2030, or now) of their own, so no other test sees these orders.
  const input = (over: Record<string, unknown> = {}) => ({
    clientKey: 'new-1', customerId: 'c5', salesRepId: 'e9', campaignId: 'k9', currency: 'EUR',
    lines: [{ sku: 'A1', quantity: 3 }, { sku: 'A2', quantity: 2 }], placedAt: '2030-05-05T10:00:00Z', ...over,
  });
  const counts = async () => (await db.query<{ orders: number; lines: number }>(
    `SELECT (SELECT count(*)::int FROM sales.orders) AS orders, (SELECT count(*)::int FROM sales.order_lines) AS lines`))[0];
  it('refuses bad input naming the field and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, unknown][] = [
      [{ clientKey: '' }, badInput('input.clientKey', 'must be 1-128 printable characters')],
      [{ customerId: '  ' }, badInput('input.customerId', 'must not be empty')],
      [{ currency: 'XXX' }, badInput('input.currency', 'unsupported currency "XXX"; expected one of EUR, USD, GBP, CHF, SEK, NOK, DKK, PLN, CAD, AUD, JPY')],
      [{ lines: [] }, badInput('input.lines', 'must have 1 to 100 lines, got 0')],
      [{ lines: Array.from({ length: 101 }, () => ({ sku: 'A1', quantity: 1 })) }, badInput('input.lines', 'must have 1 to 100 lines, got 101')],
      [{ lines: [{ sku: 'A1', quantity: 1 }, { sku: 'A2', quantity: 0 }] }, badInput('input.lines[1].quantity', 'must be an integer from 1 to 10000, got 0')],
      [{ lines: [{ sku: 'A1', quantity: 10001 }] }, badInput('input.lines[0].quantity', 'must be an integer from 1 to 10000, got 10001')],
      [{ lines: [{ sku: 'B1', quantity: 1 }] }, badInput('input.lines[0].sku', 'product "B1" is priced in JPY, not in the order currency EUR')],
      [{ lines: [{ sku: 'A1', quantity: 1 }, { sku: 'ZZ', quantity: 1 }] }, { ...badInput('input.lines[1].sku', 'product "ZZ" not found'),
        extensions: { code: 'SALES_PRODUCT_NOT_FOUND', field: 'input.lines[1].sku' } }],
    ];
    for (const [over, error] of cases) {
      expect(await gql(PLACE, { input: input({ clientKey: 'bad-1', ...over }) })).toEqual({ data: null, errors: [error] });
    }
    expect(await counts()).toEqual(before);
  });
  it('places an order priced from the catalogue, once per client key', async () => {
    const before = await counts();
    // 3 x 12.50 + 2 x 9.99 = 37.50 + 19.98 = 57.48 EUR
    const expected = { status: 'PLACED', customer: { id: 'c5' }, salesRep: { id: 'e9' }, campaign: { id: 'k9' },
      total: money('57.48', 'EUR'), placedAt: '2030-05-05T10:00:00.000Z', lines: [
        { lineNo: 1, quantity: 3, product: { sku: 'A1' }, unitPrice: { amount: '12.50' }, lineTotal: { amount: '37.50' } },
        { lineNo: 2, quantity: 2, product: { sku: 'A2' }, unitPrice: { amount: '9.99' }, lineTotal: { amount: '19.98' } }] };
    const first = await gql(PLACE, { input: input() });
    expect(first).toEqual({ data: { placeOrder: { id: expect.any(String), ...expected } } });
    const id = (first.data as { placeOrder: { id: string } }).placeOrder.id;
    // A retry, even one that differs, returns the stored order unchanged and stores nothing.
    const again = await gql(PLACE, { input: input({ lines: [{ sku: 'A1', quantity: 1 }], currency: 'GBP' }) });
    expect(again).toEqual({ data: { placeOrder: { id, ...expected } } });
    const both = await Promise.all([1, 2].map(() => gql(PLACE, { input: input({ clientKey: 'new-2', placedAt: null }) })));
    const ids = both.map((r) => (r.data as { placeOrder: { id: string } }).placeOrder.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await counts()).toEqual({ orders: before.orders + 2, lines: before.lines + 4 });
    expect(await db.query(`SELECT client_key AS key, status, total_minor::int AS total FROM sales.orders WHERE client_key LIKE 'new-%' ORDER BY 1`))
      .toEqual([{ key: 'new-1', status: 'PLACED', total: 5748 }, { key: 'new-2', status: 'PLACED', total: 5748 }]);
  });
  it('a losing concurrent insert of the same key writes nothing', async () => {
    const order = { clientKey: 'race-1', customerId: 'c6', salesRepId: null, campaignId: null, currency: 'EUR',
      totalMinor: 1250n, placedAt: null, lines: [{ sku: 'A1', quantity: 1, unitPriceMinor: 1250n }] };
    expect(await db.transaction((tx) => insertOrder(tx, order))).toEqual(expect.any(String));
    const before = await counts();
    expect(await db.transaction((tx) => insertOrder(tx, order))).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
