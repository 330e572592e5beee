import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type GraphResponse, type TestGraph } from './helpers/graph.ts';

type Dir = 'ASC' | 'DESC';
type Row = Record<string, unknown>;
interface PageInfo { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
interface Page { edges: { cursor: string; node: Row }[]; pageInfo: PageInfo }

/** One Relay list of the graph and how to read the same rows straight from its table. */
interface List {
  field: 'customers' | 'orders' | 'campaigns' | 'employees';
  types: [filter: string, order: string];
  serviceName: string;
  nodeFields: string;
  /** SELECT ... FROM ... aliased like `nodeFields`; `id` is the tie-breaker. */
  select: string;
  sort: Record<string, string>;
  defaultSort: [string, Dir];
  toNode?: (row: Row) => Row;
}

const iso = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

const LISTS: Record<List['field'], List> = {
  customers: {
    field: 'customers', types: ['CustomerFilter', 'CustomerOrder'], serviceName: 'crm',
    nodeFields: 'id firstName lastName email country lifecycleStage createdAt',
    select: `SELECT id, first_name AS "firstName", last_name AS "lastName", email, country,
      lifecycle_stage AS "lifecycleStage", created_at AS "createdAt" FROM crm.customers`,
    sort: { CREATED_AT: 'created_at', LAST_NAME: 'last_name', EMAIL: 'email' },
    defaultSort: ['CREATED_AT', 'ASC'],
  },
  orders: {
    field: 'orders', types: ['OrderFilter', 'OrderOrder'], serviceName: 'sales',
    nodeFields: 'id status placedAt total { amount currency } customer { id } campaign { id }',
    select: `SELECT id, status, placed_at AS "placedAt", total_minor::text AS minor, currency,
      customer_id AS "customerId", campaign_id AS "campaignId" FROM sales.orders`,
    sort: { PLACED_AT: 'placed_at', TOTAL: 'total_minor' },
    defaultSort: ['PLACED_AT', 'ASC'],
    toNode: (r) => ({
      id: r.id, status: r.status, placedAt: (r.placedAt as Date).toISOString(),
      total: formatMinor(String(r.minor), String(r.currency)), customer: { id: r.customerId },
      campaign: r.campaignId == null ? null : { id: r.campaignId },
    }),
  },
  campaigns: {
    field: 'campaigns', types: ['CampaignFilter', 'CampaignOrder'], serviceName: 'campaigns',
    nodeFields: 'id name channel status startsAt',
    select: `SELECT id, name, channel, status, starts_at AS "startsAt" FROM campaigns.campaigns`,
    sort: { STARTS_AT: 'starts_at', NAME: 'name' },
    defaultSort: ['STARTS_AT', 'ASC'],
  },
  employees: {
    field: 'employees', types: ['EmployeeFilter', 'EmployeeOrder'], serviceName: 'hr',
    nodeFields: 'id lastName department hiredAt manager { id }',
    select: `SELECT id, last_name AS "lastName", department, hired_at AS "hiredAt", manager_id FROM hr.employees`,
    sort: { LAST_NAME: 'last_name', HIRED_AT: 'hired_at' },
    defaultSort: ['LAST_NAME', 'ASC'],
    toNode: ({ manager_id: managerId, ...r }) => ({ ...iso(r), manager: managerId == null ? null : { id: managerId } }),
  },
};

const query = (l: List) => /* GraphQL */ `
  query List($first: Int, $after: String, $filter: ${l.types[0]}, $orderBy: ${l.types[1]}) {
    ${l.field}(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { ${l.nodeFields} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface Case { filter?: Row; orderBy?: { field: string; direction: Dir }; where?: string; params?: unknown[] }

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

/** The list's nodes in the order SQL gives for the case's filter and sort (ties by id, same direction). */
async function expectedNodes(l: List, c: Case): Promise<Row[]> {
  const [field, dir] = c.orderBy ? [c.orderBy.field, c.orderBy.direction] : l.defaultSort;
  const rows = await graph.db.query<Row>(
    `${l.select}${c.where ? ` WHERE ${c.where}` : ''} ORDER BY ${l.sort[field]} ${dir}, id ${dir}`,
    c.params ?? []);
  return rows.map(l.toNode ?? iso);
}

/** Follows endCursor until hasNextPage is false (with a guard against cursors that never advance). */
async function walk(l: List, c: Case, first: number, maxPages: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const res: GraphResponse<Record<string, Page>> = await graph.gql(query(l), { first, after, filter: c.filter, orderBy: c.orderBy });
    expect(res.body.errors).toBeUndefined();
    const page: Page = res.body.data![l.field];
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null && pages.length <= maxPages);
  return pages;
}

/** Walks every page and compares the pages, their nodes and page info with the SQL order. */
async function expectWalk(l: List, c: Case, first = 37): Promise<Row[]> {
  const nodes = await expectedNodes(l, c);
  const chunks: Row[][] = [];
  for (let i = 0; i < nodes.length; i += first) chunks.push(nodes.slice(i, i + first));
  if (chunks.length === 0) chunks.push([]);
  const pages = await walk(l, c, first, chunks.length);
  expect(pages.map((p) => ({ nodes: p.edges.map((e) => e.node), pageInfo: p.pageInfo }))).toEqual(
    chunks.map((chunk, i) => ({
      nodes: chunk,
      pageInfo: {
        hasNextPage: i < chunks.length - 1,
        hasPreviousPage: i > 0,
        startCursor: pages[i]?.edges[0]?.cursor ?? null,
        endCursor: pages[i]?.edges.at(-1)?.cursor ?? null,
      },
    })));
  return nodes;
}

const sorts = (field: string, direction: Dir) => ({ orderBy: { field, direction } });

describe('walking every page in SQL order', () => {
  it.each([
    ['customers', {}], ['customers', sorts('LAST_NAME', 'ASC')], ['customers', sorts('LAST_NAME', 'DESC')],
    ['customers', sorts('CREATED_AT', 'DESC')], ['customers', sorts('EMAIL', 'DESC')],
    ['orders', {}], ['orders', sorts('TOTAL', 'DESC')], ['orders', sorts('TOTAL', 'ASC')], ['orders', sorts('PLACED_AT', 'DESC')],
    ['campaigns', {}], ['campaigns', sorts('NAME', 'DESC')], ['campaigns', sorts('STARTS_AT', 'DESC')],
    ['employees', {}], ['employees', sorts('HIRED_AT', 'DESC')], ['employees', sorts('LAST_NAME', 'DESC')],
  ] as const)('%s %j', async (field, c) => {
    const l = LISTS[field];
    const nodes = await expectWalk(l, c);
    expect(nodes.length).toBeGreaterThan(10);
    // Short lists fit in one page of 37: walk them in pages of 3 too, so cursors are followed.
    if (nodes.length <= 37) await expectWalk(l, c, 3);
  });

  it('breaks ties by id in the sort direction (the seed repeats last names and totals)', async () => {
    const [ties] = await graph.db.query<{ names: number; totals: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM crm.customers GROUP BY last_name HAVING count(*) > 37) t) AS names,
              (SELECT count(*)::int FROM (SELECT 1 FROM sales.orders WHERE status = 'PLACED' GROUP BY total_minor HAVING count(*) > 1) t) AS totals`);
    expect(ties.names).toBeGreaterThan(0);
    expect(ties.totals).toBeGreaterThan(0);
    await expectWalk(LISTS.customers, { ...sorts('LAST_NAME', 'ASC'), filter: { lifecycleStage: 'CUSTOMER' }, where: `lifecycle_stage = 'CUSTOMER'` }, 5);
    await expectWalk(LISTS.orders, { ...sorts('TOTAL', 'DESC'), filter: { status: 'PLACED' }, where: `status = 'PLACED'` }, 5);
  });
});

describe('filters', () => {
  it('customers by segment, lifecycle stage, country, account manager and a combination', async () => {
    const [top] = await graph.db.query<{ seg: string; country: string; manager: string }>(
      `SELECT (SELECT segment_id FROM crm.customers WHERE segment_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS seg,
              (SELECT country FROM crm.customers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS country,
              (SELECT account_manager_id FROM crm.customers WHERE account_manager_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS manager`);
    const c = LISTS.customers;
    expect((await expectWalk(c, { filter: { segmentId: top.seg }, where: 'segment_id = $1', params: [top.seg] })).length).toBeGreaterThan(37);
    await expectWalk(c, { filter: { lifecycleStage: 'CHURNED' }, where: `lifecycle_stage = 'CHURNED'`, ...sorts('LAST_NAME', 'DESC') });
    await expectWalk(c, { filter: { country: top.country }, where: 'country = $1', params: [top.country], ...sorts('EMAIL', 'ASC') });
    expect((await expectWalk(c, { filter: { accountManagerId: top.manager }, where: 'account_manager_id = $1', params: [top.manager] })).length).toBeGreaterThan(37);
    await expectWalk(c, {
      filter: { lifecycleStage: 'CUSTOMER', country: top.country, segmentId: top.seg }, ...sorts('LAST_NAME', 'ASC'),
      where: `lifecycle_stage = 'CUSTOMER' AND country = $1 AND segment_id = $2`, params: [top.country, top.seg],
    }, 10);
  });

  it('customers by a case-insensitive search on first name, last name or email; wildcards match literally', async () => {
    const [{ term }] = await graph.db.query<{ term: string }>(
      `SELECT upper(substr(last_name, 2, 4)) AS term FROM crm.customers GROUP BY last_name ORDER BY count(*) DESC, last_name LIMIT 1`);
    const match = `(strpos(lower(first_name), lower($1)) > 0 OR strpos(lower(last_name), lower($1)) > 0 OR strpos(lower(email), lower($1)) > 0)`;
    const c = LISTS.customers;
    expect((await expectWalk(c, { filter: { search: term }, where: match, params: [term] })).length).toBeGreaterThan(37);
    expect((await expectWalk(c, { filter: { search: 'EXAMPLE.' }, where: match, params: ['EXAMPLE.'], ...sorts('EMAIL', 'DESC') })).length).toBeGreaterThan(0);
    for (const literal of ['%', '_', 'zz-no-such-customer']) {
      expect(await expectWalk(c, { filter: { search: literal }, where: match, params: [literal] })).toEqual([]);
    }
  });

  it('orders by customer, status, campaign and placed-at window', async () => {
    const [top] = await graph.db.query<{ customer: string; campaign: string }>(
      `SELECT (SELECT customer_id FROM sales.orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS customer,
              (SELECT campaign_id FROM sales.orders WHERE campaign_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS campaign`);
    const o = LISTS.orders;
    expect((await expectWalk(o, { filter: { customerId: top.customer }, where: 'customer_id = $1', params: [top.customer] }, 2)).length).toBeGreaterThan(2);
    expect((await expectWalk(o, { filter: { status: 'PAID' }, where: `status = 'PAID'`, ...sorts('TOTAL', 'DESC') })).length).toBeGreaterThan(37);
    expect((await expectWalk(o, { filter: { campaignId: top.campaign }, where: 'campaign_id = $1', params: [top.campaign] }, 4)).length).toBeGreaterThan(4);
    const window = { placedFrom: '2025-06-01T00:00:00Z', placedTo: '2025-09-01T00:00:00Z' };
    expect((await expectWalk(o, {
      filter: { ...window, status: 'SHIPPED' }, ...sorts('PLACED_AT', 'DESC'),
      where: `placed_at >= $1 AND placed_at < $2 AND status = 'SHIPPED'`, params: [window.placedFrom, window.placedTo],
    })).length).toBeGreaterThan(37);
    await expectWalk(o, { filter: { placedFrom: window.placedFrom }, where: 'placed_at >= $1', params: [window.placedFrom], ...sorts('TOTAL', 'ASC') });
    await expectWalk(o, { filter: { placedTo: window.placedTo }, where: 'placed_at < $1', params: [window.placedTo] });
  });

  it('campaigns by channel and status; employees by department and manager', async () => {
    const [top] = await graph.db.query<{ manager: string }>(
      `SELECT manager_id AS manager FROM hr.employees WHERE manager_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    for (const [filter, where] of [
      [{ channel: 'EMAIL' }, `channel = 'EMAIL'`], [{ status: 'COMPLETED' }, `status = 'COMPLETED'`],
      [{ channel: 'EMAIL', status: 'ACTIVE' }, `channel = 'EMAIL' AND status = 'ACTIVE'`],
    ] as const) {
      expect((await expectWalk(LISTS.campaigns, { filter, where, ...sorts('NAME', 'ASC') }, 2)).length).toBeGreaterThan(0);
    }
    expect((await expectWalk(LISTS.employees, { filter: { department: 'SALES' }, where: `department = 'SALES'`, ...sorts('HIRED_AT', 'ASC') }, 4)).length).toBeGreaterThan(4);
    expect((await expectWalk(LISTS.employees, { filter: { managerId: top.manager }, where: 'manager_id = $1', params: [top.manager] }, 2)).length).toBeGreaterThan(2);
  });
});

// PostgreSQL keeps microseconds: now() in createCustomer/placeOrder gives them on a server (PGlite's
// clock has milliseconds, so rows with explicit microseconds show the same on both backends).
describe('rows written through the API or with microsecond timestamps page like seeded ones', () => {
  it('customers created by createCustomer walk by CREATED_AT, one per page, in both directions', async () => {
    for (const n of [1, 2, 3, 4]) {
      const res = await graph.gql(`mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`,
        { i: { firstName: 'Paging', lastName: `Walker${n}`, email: `paging.walker${n}@example.com`, country: 'DE' } });
      expect(res.body.errors).toBeUndefined();
    }
    for (const n of [5, 6]) {
      await graph.db.query(
        `INSERT INTO crm.customers (first_name, last_name, email, country, lifecycle_stage, created_at)
         VALUES ('Paging', $1, $2, 'DE', 'LEAD', '2024-06-01T12:00:00.123456Z'::timestamptz + $3 * interval '1 microsecond')`,
        [`Walker${n}`, `paging.walker${n}@example.com`, n * 100]);
    }
    for (const direction of ['ASC', 'DESC'] as const) {
      const c = { filter: { search: 'paging.walker' }, where: `email LIKE 'paging.walker%'`, ...sorts('CREATED_AT', direction) };
      expect(await expectWalk(LISTS.customers, c, 1)).toHaveLength(6);
    }
  });

  it('orders placed by placeOrder (and one with microseconds) walk by PLACED_AT, one per page', async () => {
    const [{ id: customerId }] = await graph.db.query<{ id: string }>(
      `INSERT INTO crm.customers (first_name, last_name, email, country, lifecycle_stage)
       VALUES ('Order', 'Walker', 'order.walker@example.com', 'DE', 'CUSTOMER') RETURNING id`);
    const [{ sku, currency }] = await graph.db.query<{ sku: string; currency: string }>(`SELECT sku, currency FROM sales.products ORDER BY sku LIMIT 1`);
    for (const n of [1, 2, 3]) {
      const res = await graph.gql(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
        { i: { clientKey: `lists-walk-${n}`, customerId, currency, lines: [{ sku, quantity: n }] } });
      expect(res.body.errors).toBeUndefined();
    }
    await graph.db.query(
      `INSERT INTO sales.orders (client_key, customer_id, status, currency, total_minor, placed_at)
       VALUES ('lists-walk-micro', $1, 'PAID', $2, 100, '2025-06-01T12:00:00.123456Z')`, [customerId, currency]);
    const c = { filter: { customerId }, where: 'customer_id = $1', params: [customerId] };
    expect(await expectWalk(LISTS.orders, c, 1)).toHaveLength(4);
    expect(await expectWalk(LISTS.orders, { ...c, ...sorts('PLACED_AT', 'DESC') }, 1)).toHaveLength(4);
  });
});

describe('page size and cursors', () => {
  const badInput = (l: List, field: string, message: string) => ({
    status: 200,
    body: { data: null, errors: [{ message, path: [l.field], extensions: { code: 'BAD_USER_INPUT', field, serviceName: l.serviceName } }] },
  });

  it.each(Object.keys(LISTS) as List['field'][])('%s: default page of 20, first 0 and 101 refused, garbage after refused', async (field) => {
    const l = LISTS[field];
    const res = await graph.gql<Record<string, Page>>(query(l), {});
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data![field];
    const all = await expectedNodes(l, {});
    expect(page.edges.map((e) => e.node)).toEqual(all.slice(0, 20));
    expect(page.pageInfo).toEqual({ hasNextPage: all.length > 20, hasPreviousPage: false, startCursor: page.edges[0].cursor, endCursor: page.edges[19].cursor });
    for (const first of [0, 101]) {
      expect(await graph.gql(query(l), { first })).toEqual(badInput(l, 'first', `first: must be from 1 to 100, got ${first}`));
    }
    expect((await graph.gql<Record<string, Page>>(query(l), { first: 100 })).body.data?.[field].edges.map((e) => e.node)).toEqual(all.slice(0, 100));
    for (const after of ['garbage', 'bm90LWpzb24', Buffer.from('[1,2,3]').toString('base64url')]) {
      expect(await graph.gql(query(l), { first: 2, after })).toEqual(badInput(l, 'after', 'after: is not a cursor returned by this list'));
    }
  });

  it.each([
    ['customers', sorts('LAST_NAME', 'ASC'), {}], ['orders', sorts('PLACED_AT', 'ASC'), sorts('TOTAL', 'ASC')],
    ['employees', sorts('LAST_NAME', 'ASC'), sorts('HIRED_AT', 'ASC')], ['campaigns', sorts('NAME', 'ASC'), {}],
  ] as const)('%s: a cursor from another sort order is bad input, not an internal error', async (field, from, to) => {
    const l = LISTS[field];
    const res = await graph.gql<Record<string, Page>>(query(l), { first: 2, ...from });
    const after = res.body.data![field].pageInfo.endCursor;
    expect(await graph.gql(query(l), { first: 2, after, ...to })).toEqual({
      status: 200,
      body: { data: null, errors: [{ message: expect.stringMatching(/^after: /), path: [field], extensions: { code: 'BAD_USER_INPUT', field: 'after', serviceName: l.serviceName } }] },
    });
  });
});
