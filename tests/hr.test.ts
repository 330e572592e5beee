import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../subgraphs/kit/src/db.ts';
import { loc, startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';
import { encodeCursor } from '../subgraphs/kit/src/pagination.ts';
import { hr } from '../subgraphs/hr/src/app.ts';
import { isQuotaPeriod } from '../subgraphs/kit/src/periods.ts';

// Hand-made people (e*) for exact answers; twenty generated ones (b01..b20 under b00) for batching.
const FIXTURE = `
INSERT INTO hr.employees (id, first_name, last_name, email, title, department, manager_id, hired_at) VALUES
  ('e1', 'Grace', 'Hopper', 'grace@example.com', 'VP Sales', 'SALES', NULL, '2015-03-01T09:00:00Z'),
  ('e2', 'Alan', 'Turing', 'alan@example.com', 'Sales Manager', 'SALES', 'e1', '2017-06-15T09:00:00Z'),
  ('e3', 'Ada', 'Lovelace', 'ada@example.com', 'Account Executive', 'SALES', 'e2', '2020-01-10T09:00:00Z'),
  ('e4', 'Edsger', 'Dijkstra', 'edsger@example.com', 'Account Executive', 'SALES', 'e2', '2021-09-01T09:00:00Z'),
  ('e5', 'Barbara', 'Liskov', 'barbara@example.com', 'Marketing Lead', 'MARKETING', 'e1', '2019-04-20T09:00:00Z'),
  ('e6', 'Ken', 'Thompson', 'ken@example.com', 'Engineer', 'IT', NULL, '2018-02-02T09:00:00Z'),
  ('e7', 'Radia', 'Perlman', 'radia@example.com', 'HR Partner', 'HR', NULL, '2016-11-30T09:00:00Z'),
  ('b00', 'Batch', 'Zeta', 'lead@example.com', 'Support Lead', 'SUPPORT', NULL, '2022-01-01T00:00:00Z');
INSERT INTO hr.employees (id, first_name, last_name, email, title, department, manager_id, hired_at)
  SELECT 'b' || lpad(i::text, 2, '0'), 'Rep', 'Zulu' || lpad(i::text, 2, '0'), 'rep' || i || '@example.com',
    'Support Agent', 'SUPPORT', 'b00', timestamptz '2023-01-01T00:00:00Z' + i * interval '1 day'
  FROM generate_series(1, 20) i;
INSERT INTO hr.quotas (employee_id, period, currency, target_minor) VALUES
  ('e3', '2025', 'EUR', 100000000), ('e3', '2026', 'EUR', 120000000),
  ('e3', '2026-Q1', 'EUR', 30000000), ('e3', '2026-01', 'EUR', 10000000),
  ('e4', '2026', 'USD', 95000050), ('e4', '2026-Q1', 'JPY', 5000000);
INSERT INTO hr.quotas (employee_id, period, currency, target_minor)
  SELECT 'b' || lpad(i::text, 2, '0'), '2026', 'EUR', i * 100000 FROM generate_series(1, 20) i;
INSERT INTO hr.reviews (client_key, employee_id, reviewer_id, period, rating, summary, reviewed_at) VALUES
  ('fx-1', 'e3', 'e2', '2025-H1', 3, 'Solid first half.', '2025-07-01T10:00:00Z'),
  ('fx-2', 'e3', 'e2', '2025-H2', 4, 'Strong pipeline.', '2026-01-05T10:00:00Z'),
  ('fx-3', 'e3', 'e1', '2025-H2', 5, 'Skip-level: outstanding.', '2026-01-05T10:00:00Z'),
  ('fx-4', 'e4', NULL, '2025-H2', 2, 'Awaiting manager input.', '2026-01-20T09:30:00Z');
INSERT INTO hr.reviews (client_key, employee_id, reviewer_id, period, rating, summary, reviewed_at)
  SELECT 'batch-' || i || '-' || n, 'b' || lpad(i::text, 2, '0'), 'b00', '2025-H' || n, 2 + n, 'Batch review',
    timestamptz '2026-01-01T00:00:00Z' + n * interval '1 hour'
  FROM generate_series(1, 20) i, generate_series(1, 2) n;
`;

let sub: SubgraphUnderTest;
let db: Db;

beforeAll(async () => {
  sub = await startSubgraph(hr, (fresh) => fresh.query(FIXTURE));
  db = sub.db;
});

afterAll(async () => {
  await sub?.close();
});

const gql = (query: string, variables: Record<string, unknown> = {}): Promise<unknown> => sub.gql(query, variables);

function fieldError(query: string, token: string, path: (string | number)[], code: string, field: string, message: string) {
  return { message, locations: [loc(query, token)], path, extensions: { code, field } };
}

const money = (amount: string, currency: string) => ({ amount, currency });

describe('isQuotaPeriod', () => {
  it('accepts a year, a quarter and a month', () => {
    expect(['2026', '2026-Q1', '2026-Q4', '2026-01', '2026-12'].map(isQuotaPeriod)).toEqual([true, true, true, true, true]);
  });
  it('refuses other shapes', () => {
    const bad = ['', '26', '0999', '2026-Q0', '2026-Q5', '2026-00', '2026-13', '2026-1', '2026-H1', ' 2026', '2026-q1'];
    expect(bad.filter(isQuotaPeriod)).toEqual([]);
  });
});

describe('queries', () => {
  const EMPLOYEE = `query ($id: ID!) { employee(id: $id) {
    id firstName lastName name email title department hiredAt
    manager { id name } reports { id }
    quota(period: "2026") { employeeId period target { amount currency } }
    quotas { period target { amount currency } }
    latestReview { id rating reviewer { id } }
    reviews { id period rating summary reviewedAt employee { id } reviewer { id name } }
  } }`;

  it('employee: profile, manager, quotas latest period first, reviews newest first', async () => {
    const review = (id: string, period: string, rating: number, summary: string, reviewedAt: string, reviewer: object) =>
      ({ id, period, rating, summary, reviewedAt, employee: { id: 'e3' }, reviewer });
    expect(await gql(EMPLOYEE, { id: 'e3' })).toEqual({ data: { employee: {
      id: 'e3', firstName: 'Ada', lastName: 'Lovelace', name: 'Ada Lovelace', email: 'ada@example.com',
      title: 'Account Executive', department: 'SALES', hiredAt: '2020-01-10T09:00:00.000Z',
      manager: { id: 'e2', name: 'Alan Turing' }, reports: [],
      quota: { employeeId: 'e3', period: '2026', target: money('1200000.00', 'EUR') },
      quotas: [
        { period: '2026-Q1', target: money('300000.00', 'EUR') },
        { period: '2026-01', target: money('100000.00', 'EUR') },
        { period: '2026', target: money('1200000.00', 'EUR') },
        { period: '2025', target: money('1000000.00', 'EUR') },
      ],
      // fx-2 and fx-3 share reviewed_at: the later id wins.
      latestReview: { id: '3', rating: 5, reviewer: { id: 'e1' } },
      reviews: [
        review('3', '2025-H2', 5, 'Skip-level: outstanding.', '2026-01-05T10:00:00.000Z', { id: 'e1', name: 'Grace Hopper' }),
        review('2', '2025-H2', 4, 'Strong pipeline.', '2026-01-05T10:00:00.000Z', { id: 'e2', name: 'Alan Turing' }),
        review('1', '2025-H1', 3, 'Solid first half.', '2025-07-01T10:00:00.000Z', { id: 'e2', name: 'Alan Turing' }),
      ],
    } } });
  });

  it('employee: reports by id, other currencies, missing quota, review without reviewer, unknown id', async () => {
    const q = `{ a: employee(id: "e1") { manager { id } reports { id name } }
      b: employee(id: "e4") { usd: quota(period: "2026") { target { amount currency } }
        jpy: quota(period: "2026-Q1") { target { amount currency } } none: quota(period: "2030") { period }
        latestReview { period rating summary reviewer { id } } }
      c: employee(id: "nobody") { id } }`;
    expect(await gql(q)).toEqual({ data: {
      a: { manager: null, reports: [{ id: 'e2', name: 'Alan Turing' }, { id: 'e5', name: 'Barbara Liskov' }] },
      b: { usd: { target: money('950000.50', 'USD') }, jpy: { target: money('5000000', 'JPY') }, none: null,
        latestReview: { period: '2025-H2', rating: 2, summary: 'Awaiting manager input.', reviewer: null } },
      c: null,
    } });
  });

  it('employee.quota refuses a malformed period, naming the argument', async () => {
    const q = `{ employee(id: "e3") { id quota(period: "Q1-2026") { period } } }`;
    expect(await gql(q)).toEqual({
      data: { employee: { id: 'e3', quota: null } },
      errors: [fieldError(q, 'quota(', ['employee', 'quota'], 'BAD_USER_INPUT', 'period',
        'period: "Q1-2026" is not a period; expected YYYY, YYYY-Qn or YYYY-MM')],
    });
  });

  const LIST = `query ($first: Int, $after: String, $filter: EmployeeFilter, $orderBy: EmployeeOrder) {
    employees(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const page = (nodes: [string | Date, string][], hasNextPage: boolean, hasPreviousPage: boolean) => {
    const edges = nodes.map(([value, id]) => ({ cursor: encodeCursor(value instanceof Date ? 'HIRED_AT' : 'LAST_NAME', value, id), node: { id } }));
    return { data: { employees: { edges, pageInfo: {
      hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null,
    } } } };
  };

  it('employees: by last name by default, filtered by department, paged with cursors', async () => {
    const sales = { department: 'SALES' };
    expect(await gql(LIST, { filter: sales })).toEqual(
      page([['Dijkstra', 'e4'], ['Hopper', 'e1'], ['Lovelace', 'e3'], ['Turing', 'e2']], false, false),
    );
    expect(await gql(LIST, { filter: sales, first: 2 })).toEqual(page([['Dijkstra', 'e4'], ['Hopper', 'e1']], true, false));
    const after = encodeCursor('LAST_NAME', 'Hopper', 'e1');
    expect(await gql(LIST, { filter: sales, first: 2, after })).toEqual(
      page([['Lovelace', 'e3'], ['Turing', 'e2']], false, true),
    );
  });

  it('employees: by hire date either way, filtered by manager', async () => {
    const at = (iso: string) => new Date(iso);
    expect(await gql(LIST, { filter: { managerId: 'e2' }, orderBy: { field: 'HIRED_AT', direction: 'DESC' } })).toEqual(
      page([[at('2021-09-01T09:00:00Z'), 'e4'], [at('2020-01-10T09:00:00Z'), 'e3']], false, false),
    );
    const byHire = { first: 3, orderBy: { field: 'HIRED_AT' } };
    expect(await gql(LIST, byHire)).toEqual(
      page([[at('2015-03-01T09:00:00Z'), 'e1'], [at('2016-11-30T09:00:00Z'), 'e7'], [at('2017-06-15T09:00:00Z'), 'e2']], true, false),
    );
    const after = encodeCursor('HIRED_AT', at('2017-06-15T09:00:00Z'), 'e2');
    expect(await gql(LIST, { ...byHire, after })).toEqual(
      page([[at('2018-02-02T09:00:00Z'), 'e6'], [at('2019-04-20T09:00:00Z'), 'e5'], [at('2020-01-10T09:00:00Z'), 'e3']], true, true),
    );
  });

  it('employees: refuses oversized pages and foreign cursors', async () => {
    const err = (field: string, message: string) => ({ data: null, errors: [{
      message: `${field}: ${message}`, locations: [loc(LIST, 'employees(')], path: ['employees'],
      extensions: { code: 'BAD_USER_INPUT', field },
    }] });
    expect(await gql(LIST, { first: 101 })).toEqual(err('first', 'must be from 1 to 100, got 101'));
    expect(await gql(LIST, { after: 'not-a-cursor' })).toEqual(err('after', 'is not a cursor returned by this list'));
  });
});

describe('entities', () => {
  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Employee { id name department manager { id } }
    ... on Quota { employeeId period employee { name } target { amount currency } } } }`;

  it('resolves Employee and Quota references, null for unknown keys', async () => {
    const reps = [
      { __typename: 'Employee', id: 'e3' },
      { __typename: 'Quota', employeeId: 'e4', period: '2026' },
      { __typename: 'Employee', id: 'ghost' },
      { __typename: 'Quota', employeeId: 'e3', period: '2030' },
      { __typename: 'Employee', id: 'e5' },
    ];
    expect(await gql(ENTITIES, { reps })).toEqual({ data: { _entities: [
      { id: 'e3', name: 'Ada Lovelace', department: 'SALES', manager: { id: 'e2' } },
      { employeeId: 'e4', period: '2026', employee: { name: 'Edsger Dijkstra' }, target: money('950000.50', 'USD') },
      null,
      null,
      { id: 'e5', name: 'Barbara Liskov', department: 'MARKETING', manager: { id: 'e1' } },
    ] } });
  });

  const BATCH = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee {
    id name manager { id name } reports { id } quota(period: "2026") { target { amount currency } }
    quotas { period } latestReview { period rating reviewer { id } } reviews { period employee { id } reviewer { name } } } } }`;
  const rep = (i: number) => `b${String(i).padStart(2, '0')}`;
  // Per the fixture: rep i has a 2026 quota of i * 1000.00 EUR and reviews n = 1, 2 (rating 2 + n, n hours after 2026).
  const expected = (i: number) => ({
    id: rep(i), name: `Rep Zulu${String(i).padStart(2, '0')}`, manager: { id: 'b00', name: 'Batch Zeta' }, reports: [],
    quota: { target: money(`${i * 1000}.00`, 'EUR') }, quotas: [{ period: '2026' }],
    latestReview: { period: '2025-H2', rating: 4, reviewer: { id: 'b00' } },
    reviews: [2, 1].map((n) => ({ period: `2025-H${n}`, employee: { id: rep(i) }, reviewer: { name: 'Batch Zeta' } })),
  });

  async function cost(query: string, reps: object[], expectedData: unknown): Promise<number> {
    const before = db.statements;
    expect(await gql(query, { reps })).toEqual({ data: { _entities: expectedData } });
    return db.statements - before;
  }

  it('costs the same statements for 20 employees as for 2', async () => {
    const ids = Array.from({ length: 20 }, (_, k) => k + 1);
    const reps = ids.map((i) => ({ __typename: 'Employee', id: rep(i) }));
    const two = await cost(BATCH, reps.slice(0, 2), ids.slice(0, 2).map(expected));
    const twenty = await cost(BATCH, reps, ids.map(expected));
    // employee refs, then one each for manager, reports, quota, quotas, latestReview, reviews (reviewer is cached),
    // and one audit row for every review read.
    expect({ two, twenty }).toEqual({ two: 8, twenty: 8 });
  });

  it('costs the same statements for 20 quotas as for 2', async () => {
    const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Quota { employeeId employee { id } } } }`;
    const reps = Array.from({ length: 20 }, (_, k) => ({ __typename: 'Quota', employeeId: rep(k + 1), period: '2026' }));
    const rows = reps.map((r) => ({ employeeId: r.employeeId, employee: { id: r.employeeId } }));
    const two = await cost(q, reps.slice(0, 2), rows.slice(0, 2));
    const twenty = await cost(q, reps, rows);
    expect({ two, twenty }).toEqual({ two: 2, twenty: 2 });
  });
});

describe('setQuota', () => {
  const SET = `mutation ($input: SetQuotaInput!) { setQuota(input: $input) {
    employeeId period employee { id name } target { amount currency } } }`;
  const quotasOf = (id: string) =>
    db.query(`SELECT period, currency, target_minor::text AS minor FROM hr.quotas WHERE employee_id = $1 ORDER BY period`, [id]);
  const allQuotas = () => db.query(`SELECT * FROM hr.quotas ORDER BY employee_id, period`);

  it('creates, then replaces, the quota of an employee for a period', async () => {
    const input = { employeeId: 'e6', period: '2026-Q2', target: { amount: '250000.5', currency: 'EUR' } };
    const ken = { id: 'e6', name: 'Ken Thompson' };
    expect(await gql(SET, { input })).toEqual({ data: { setQuota: {
      employeeId: 'e6', period: '2026-Q2', employee: ken, target: money('250000.50', 'EUR') } } });
    expect(await gql(SET, { input: { ...input, target: { amount: '1000', currency: 'USD' } } })).toEqual({ data: { setQuota: {
      employeeId: 'e6', period: '2026-Q2', employee: ken, target: money('1000.00', 'USD') } } });
    expect(await quotasOf('e6')).toEqual([{ period: '2026-Q2', currency: 'USD', minor: '100000' }]);
  });

  const NOT_PERIOD = 'is not a period; expected YYYY, YYYY-Qn or YYYY-MM';
  const CURRENCIES = 'EUR, USD, GBP, CHF, SEK, NOK, DKK, PLN, CAD, AUD, JPY';
  const eur = (amount: string) => ({ target: { amount, currency: 'EUR' } });
  it.each([
    [{ employeeId: 'ghost' }, 'HR_EMPLOYEE_NOT_FOUND', 'input.employeeId', 'employee "ghost" not found'],
    [{ period: '2026-Q5' }, 'BAD_USER_INPUT', 'input.period', `input.period: "2026-Q5" ${NOT_PERIOD}`],
    [{ period: '2026-13' }, 'BAD_USER_INPUT', 'input.period', `input.period: "2026-13" ${NOT_PERIOD}`],
    [eur('-5'), 'BAD_USER_INPUT', 'input.target.amount', 'input.target.amount: must not be negative'],
    [eur('1.234'), 'BAD_USER_INPUT', 'input.target.amount', 'input.target.amount: "1.234" has more than 2 decimals for EUR'],
    [eur('lots'), 'BAD_USER_INPUT', 'input.target.amount', 'input.target.amount: "lots" is not a decimal amount'],
    [{ target: { amount: '10', currency: 'XYZ' } }, 'BAD_USER_INPUT', 'input.target.currency',
      `input.target.currency: unsupported currency "XYZ"; expected one of ${CURRENCIES}`],
  ])('refuses %j and writes nothing', async (patch, code, field, message) => {
    const input = { employeeId: 'e7', period: '2027', target: { amount: '10', currency: 'EUR' }, ...patch };
    const before = await allQuotas();
    expect(await gql(SET, { input })).toEqual({
      data: null, errors: [fieldError(SET, 'setQuota(', ['setQuota'], code, field, message)],
    });
    expect(await allQuotas()).toEqual(before);
  });
});

describe('recordPerformanceReview', () => {
  const RECORD = `mutation ($input: PerformanceReviewInput!) { recordPerformanceReview(input: $input) {
    id period rating summary reviewedAt employee { id } reviewer { id name } } }`;
  const base = {
    clientKey: 'rev-e6-2026h1', employeeId: 'e6', reviewerId: 'e7', period: '2026-H1',
    rating: 4, summary: 'Kept the build green.', reviewedAt: '2026-06-30T12:00:00Z',
  };
  const rowsWithKey = (key: string) =>
    db.query<{ id: string; summary: string }>(`SELECT id::text AS id, summary FROM hr.reviews WHERE client_key = $1`, [key]);

  it('stores a review once; a re-send with the same client key returns the first unchanged', async () => {
    const first = await gql(RECORD, { input: base });
    const stored = await rowsWithKey(base.clientKey);
    expect(stored).toEqual([{ id: stored[0]?.id, summary: 'Kept the build green.' }]);
    const review = {
      id: stored[0].id, period: '2026-H1', rating: 4, summary: 'Kept the build green.',
      reviewedAt: '2026-06-30T12:00:00.000Z', employee: { id: 'e6' }, reviewer: { id: 'e7', name: 'Radia Perlman' },
    };
    expect(first).toEqual({ data: { recordPerformanceReview: review } });
    const again = await gql(RECORD, { input: { ...base, rating: 1, summary: 'A retry with other text.' } });
    expect(again).toEqual({ data: { recordPerformanceReview: review } });
    expect(await rowsWithKey(base.clientKey)).toEqual(stored);
  });

  it('records a review without a reviewer', async () => {
    const input = { ...base, clientKey: 'rev-e6-no-reviewer', reviewerId: null, rating: 3 };
    const res = await gql(RECORD, { input });
    const [row] = await rowsWithKey('rev-e6-no-reviewer');
    expect(res).toEqual({ data: { recordPerformanceReview: {
      id: row.id, period: '2026-H1', rating: 3, summary: 'Kept the build green.',
      reviewedAt: '2026-06-30T12:00:00.000Z', employee: { id: 'e6' }, reviewer: null } } });
  });

  it.each([
    [{ clientKey: '' }, 'BAD_USER_INPUT', 'input.clientKey', 'input.clientKey: must be 1-128 printable characters'],
    [{ clientKey: 'has space' }, 'BAD_USER_INPUT', 'input.clientKey', 'input.clientKey: must be 1-128 printable characters'],
    [{ employeeId: 'ghost' }, 'HR_EMPLOYEE_NOT_FOUND', 'input.employeeId', 'employee "ghost" not found'],
    [{ reviewerId: 'ghost' }, 'HR_EMPLOYEE_NOT_FOUND', 'input.reviewerId', 'employee "ghost" not found'],
    [{ reviewerId: 'e6' }, 'BAD_USER_INPUT', 'input.reviewerId', 'input.reviewerId: an employee cannot review themselves'],
    [{ period: '  ' }, 'BAD_USER_INPUT', 'input.period', 'input.period: must not be empty'],
    [{ period: '2026-H1-extended-term' }, 'BAD_USER_INPUT', 'input.period', 'input.period: must be at most 20 characters'],
    [{ rating: 0 }, 'BAD_USER_INPUT', 'input.rating', 'input.rating: must be an integer from 1 to 5, got 0'],
    [{ rating: 6 }, 'BAD_USER_INPUT', 'input.rating', 'input.rating: must be an integer from 1 to 5, got 6'],
    [{ summary: '' }, 'BAD_USER_INPUT', 'input.summary', 'input.summary: must not be empty'],
    [{ summary: 'x'.repeat(5001) }, 'BAD_USER_INPUT', 'input.summary', 'input.summary: must be at most 5000 characters'],
  ])('refuses %j and writes nothing', async (patch, code, field, message) => {
    const input = { ...base, clientKey: 'rev-refused', ...patch };
    expect(await gql(RECORD, { input })).toEqual({
      data: null, errors: [fieldError(RECORD, 'recordPerformanceReview(', ['recordPerformanceReview'], code, field, message)],
    });
    expect(await rowsWithKey(input.clientKey)).toEqual([]);
  });

  it('refuses a reviewedAt that is not a DateTime before any resolver runs', async () => {
    const input = { ...base, clientKey: 'rev-bad-date', reviewedAt: 'yesterday' };
    // graphql-js prefixes the scalar's own message (a GraphQLError) with the variable and its path.
    const scalar = 'DateTime must be an ISO 8601 date-time such as 2026-03-01T12:00:00Z, got "yesterday"';
    expect(await gql(RECORD, { input })).toEqual({ data: null, errors: [{
      message: `Variable "$input" got invalid value "yesterday" at "input.reviewedAt"; ${scalar}`,
      locations: [loc(RECORD, '$input')],
      extensions: { code: 'BAD_USER_INPUT' },
    }] });
    expect(await rowsWithKey('rev-bad-date')).toEqual([]);
  });
});
