import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSubgraphServer } from '../subgraphs/kit/src/server.ts';
import { crm } from '../subgraphs/crm/src/app.ts';
import { IDENTITY_HEADER, signIdentity, type ForwardedIdentity } from '../lib/internal-identity.ts';
import { postJson, startGraph, type As, type TestGraph } from './helpers/graph.ts';

// Who may see what, through the gateway, for every role: denied data is absent from the
// whole response body (not only null where asked), allowed data is present, and the
// subgraphs refuse anyone but the gateway.
let graph: TestGraph;
let c: { id: string; email: string; phone: string; address: string; manager: string };
let e: { id: string; manager: string; review: string; summary: string };
let unrelated: string;

beforeAll(async () => {
  graph = await startGraph();
  [c] = await graph.db.query<typeof c>(
    `SELECT id, email, phone, address, account_manager_id AS manager FROM crm.customers
     WHERE phone IS NOT NULL AND address IS NOT NULL AND account_manager_id IS NOT NULL ORDER BY id LIMIT 1`);
  [e] = await graph.db.query<typeof e>(
    `SELECT e.id, e.manager_id AS manager, r.id::text AS review, r.summary FROM hr.employees e
     JOIN hr.reviews r ON r.employee_id = e.id WHERE e.manager_id IS NOT NULL ORDER BY r.reviewed_at DESC, r.id LIMIT 1`);
  [{ id: unrelated }] = await graph.db.query<{ id: string }>(
    `SELECT id FROM hr.employees WHERE id <> $1 AND id <> $2 AND manager_id IS DISTINCT FROM $1 ORDER BY id LIMIT 1`, [e.id, e.manager]);
});
afterAll(async () => {
  await graph?.close();
});

const ROLES = ['marketing', 'sales', 'hr', 'it', 'analyst', 'service', 'feed-sync'] as const;
const as = (role: string | null): As => (role ? { roles: [role], subject: `matrix-${role}` } : null);
const PII_READERS = ['marketing', 'sales', 'it', 'service'];

/** Every shape a tester might try for a customer's PII. */
const PII_QUERIES: Record<string, string> = {
  field: `query($id: ID!) { customer(id: $id) { id email phone address } }`,
  alias: `query($id: ID!) { customer(id: $id) { id mail: email tel: phone where: address } }`,
  fragment: `query($id: ID!) { customer(id: $id) { ...Contact } } fragment Contact on Customer { id email phone address }`,
  inlineFragment: `query($id: ID!) { customer(id: $id) { ... on Customer { id email phone address } } }`,
  throughOrders: `query($id: ID!) { customer(id: $id) { orders(first: 1) { customer { email phone address } } } }`,
};

describe('PII (email, phone, address) needs pii:read', () => {
  for (const role of [...ROLES, null]) {
    for (const [shape, query] of Object.entries(PII_QUERIES)) {
      it(`${role ?? 'anonymous'} via ${shape}`, async () => {
        const res = await graph.gql(query, { id: c.id }, as(role));
        const body = JSON.stringify(res.body);
        if (PII_READERS.includes(role ?? '')) {
          expect(res.body.errors).toBeUndefined();
          for (const value of [c.email, c.phone, c.address]) expect(body).toContain(JSON.stringify(value));
        } else {
          for (const value of [c.email, c.phone, c.address]) expect(body).not.toContain(value);
          const codes = new Set(res.body.errors?.map((x) => x.extensions?.code));
          expect(codes).toEqual(new Set([role ? 'FORBIDDEN' : 'UNAUTHENTICATED']));
        }
      });
    }
  }

  it('answers the rest of the operation beside one error per denied path', async () => {
    const query = `query($id: ID!) { customer(id: $id) { id tel: phone where: address } segments { id } }`;
    const res = await graph.gql(query, { id: c.id }, as('analyst'));
    const segments = await graph.db.query(`SELECT id FROM crm.segments ORDER BY id`);
    expect(res).toEqual({
      status: 200,
      body: {
        data: { customer: { id: c.id, tel: null, where: null }, segments },
        errors: ['tel', 'where'].map((key, i) => ({
          message: `not authorized to read Customer.${['phone', 'address'][i]}: needs scope pii:read`,
          path: ['customer', key],
          extensions: { code: 'FORBIDDEN', field: `Customer.${['phone', 'address'][i]}`, requiredScopes: [['pii:read']] },
        })),
      },
    });
    // email is non-null: denying it nulls the customer, as GraphQL's null propagation would.
    const nonNull = await graph.gql(PII_QUERIES.alias, { id: c.id }, as('analyst'));
    expect(nonNull).toEqual({
      status: 200,
      body: {
        data: { customer: null },
        errors: ['mail', 'tel', 'where'].map((key, i) => ({
          message: `not authorized to read Customer.${['email', 'phone', 'address'][i]}: needs scope pii:read`,
          path: ['customer', key],
          extensions: { code: 'FORBIDDEN', field: `Customer.${['email', 'phone', 'address'][i]}`, requiredScopes: [['pii:read']] },
        })),
      },
    });
  });

  it('gives no email oracle: customerByEmail, search and sorting by email', async () => {
    const byEmail = await graph.gql(`query($e: String!) { customerByEmail(email: $e) { id } }`, { e: c.email }, as('analyst'));
    expect(byEmail.body.data).toEqual({ customerByEmail: null });
    expect(byEmail.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const search = `query($s: String!) { customers(first: 5, filter: { search: $s }) { edges { node { id } } } }`;
    const mailbox = c.email.split('@')[0];
    const [{ n }] = await graph.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crm.customers WHERE first_name ILIKE $1 OR last_name ILIKE $1`, [`%${mailbox}%`]);
    const analyst = await graph.gql<{ customers: { edges: unknown[] } }>(search, { s: mailbox }, as('analyst'));
    expect(analyst.body.data?.customers.edges).toHaveLength(Math.min(n, 5));
    const it_ = await graph.gql<{ customers: { edges: { node: { id: string } }[] } }>(search, { s: c.email }, as('it'));
    expect(it_.body.data?.customers.edges.map((x) => x.node.id)).toContain(c.id);
    const sorted = await graph.gql(`{ customers(first: 2, orderBy: { field: EMAIL }) { edges { cursor } } }`, {}, as('analyst'));
    expect(sorted.body.errors?.[0]).toMatchObject({ message: 'not authorized to sort customers by EMAIL: needs scope pii:read', extensions: { code: 'FORBIDDEN' } });
  });
});

describe('HR reviews need hr:reviews, except one’s own and one’s reports’', () => {
  const REVIEWS = `query($id: ID!) { employee(id: $id) { id reviews { id summary } latestReview { id rating summary } } }`;
  const cases: [string, As, boolean][] = [
    ['hr', as('hr'), true],
    ['it', as('it'), true],
    ['analyst', as('analyst'), false],
    ['service', as('service'), false],
    ['marketing', as('marketing'), false],
    ['anonymous', null, false],
  ];
  for (const [name, who, allowed] of cases) {
    it(name, async () => {
      const res = await graph.gql<{ employee: { reviews: { id: string }[] } }>(REVIEWS, { id: e.id }, who);
      const body = JSON.stringify(res.body);
      if (allowed) expect(res.body.data?.employee.reviews.map((r) => r.id)).toContain(e.review);
      else expect(body).not.toContain(JSON.stringify(e.summary));
    });
  }

  it('row level: the employee and their manager read it, an unrelated employee reads none', async () => {
    const read = (employeeId: string) => graph.gql<{ employee: { reviews: { id: string }[]; latestReview: { id: string } | null } }>(
      REVIEWS, { id: e.id }, { roles: ['sales'], employeeId });
    for (const reader of [e.id, e.manager]) {
      const res = await read(reader);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.employee.reviews.map((r) => r.id)).toContain(e.review);
    }
    const other = await read(unrelated);
    expect(other.body).toMatchObject({ data: { employee: { id: e.id, reviews: [], latestReview: null } } });
    expect(JSON.stringify(other.body)).not.toContain(JSON.stringify(e.summary));
  });
});

describe('mutations need their department’s write scope', () => {
  const MUTATIONS: [string, string, Record<string, unknown>, string[]][] = [
    ['createCustomer', `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`,
      { i: { firstName: 'Mat', lastName: 'Rix', email: `matrix-${randomBytes(4).toString('hex')}@example.com`, country: 'DE' } }, ['marketing', 'sales', 'it']],
    ['setQuota', `mutation($i: SetQuotaInput!) { setQuota(input: $i) { period } }`,
      { i: { employeeId: 'ghost', period: '2031', target: { amount: '1', currency: 'EUR' } } }, ['hr', 'it']],
    ['recordEngagementEvents', `mutation($e: [EngagementEventInput!]!) { recordEngagementEvents(events: $e) { received } }`, { e: [] }, ['marketing', 'it']],
  ];
  for (const [name, mutation, variables, writers] of MUTATIONS) {
    for (const role of ROLES) {
      it(`${name} as ${role}`, async () => {
        const res = await graph.gql(mutation, variables, as(role));
        const denied = res.body.errors?.find((x) => x.extensions?.code === 'FORBIDDEN');
        if (writers.includes(role)) expect(denied).toBeUndefined();
        else expect(denied).toMatchObject({ path: [name], extensions: { field: `Mutation.${name}` } });
      });
    }
  }
});

describe('subgraphs answer only the gateway', () => {
  const ENTITY = { query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { email } } }`, variables: { r: [{ __typename: 'Customer', id: 'x' }] } };
  const analyst: ForwardedIdentity = { subject: 'a', roles: ['analyst'], scopes: ['crm:read'], employeeId: null, operationName: null, requestId: null };

  it('refuses a request without the signed identity, or signed with another secret', async () => {
    const crm = graph.subgraphUrls.crm;
    const direct = { query: `{ customer(id: "${c.id}") { email } }` };
    expect(await postJson(crm, direct)).toEqual({
      status: 401,
      body: { errors: [{ message: 'missing x-allygraph-identity: subgraphs answer only the gateway', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    const forged = await postJson(crm, direct, { [IDENTITY_HEADER]: signIdentity(randomBytes(32), { ...analyst, scopes: ['crm:read', 'pii:read'] }) });
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged.body)).not.toContain(c.email);
  });

  it('refuses, even signed, a caller asking for what its scopes do not cover (defence in depth)', async () => {
    const res = await postJson(graph.subgraphUrls.crm, { ...ENTITY, variables: { r: [{ __typename: 'Customer', id: c.id }] } }, {
      [IDENTITY_HEADER]: signIdentity(graph.internalSecret, analyst),
    });
    expect(JSON.stringify(res.body)).not.toContain(c.email);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'Customer.email' } });
  });
});

describe('SUBGRAPH_AUTH=off (development): any caller', () => {
  it('runs unsigned callers as the developer, and a gateway\'s identity as given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = await createSubgraphServer(crm, graph.db, { trust: 'any-caller' });
    try {
      expect(warn.mock.calls[0]?.[0]).toContain('trusts any caller');
      const ask = async (headers: Record<string, string>) =>
        (await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query: `{ customer(id: "${c.id}") { email } }` } })).json() as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(await ask({})).toEqual({ data: { customer: { email: c.email } } });
      const analyst: ForwardedIdentity = { subject: 'a', roles: ['analyst'], scopes: ['crm:read'], employeeId: null, operationName: null, requestId: null };
      const answer = await ask({ [IDENTITY_HEADER]: signIdentity(randomBytes(32), analyst) });
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(answer)).not.toContain(c.email);
    } finally {
      await app.close();
      warn.mockRestore();
    }
  });
});

describe('audit log', () => {
  it('records who read PII, which fields and records; every write; readable by it only', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await graph.gql(`query ReadContact($id: ID!) { customer(id: $id) { email phone } }`, { id: c.id }, { roles: ['sales'], subject: 'auditor-probe' });
    await graph.gql(`query Probe($id: ID!) { customer(id: $id) { email } }`, { id: c.id }, { roles: ['analyst'], subject: 'analyst-probe' });
    const rows = await graph.db.query<{ actor: string; kind: string; operation_name: string; fields: string[]; record_ids: string[] }>(
      `SELECT actor, kind, operation_name, fields, record_ids FROM crm.audit_log WHERE actor IN ('auditor-probe', 'analyst-probe')`);
    expect(rows).toEqual([{ actor: 'auditor-probe', kind: 'READ', operation_name: 'ReadContact', fields: ['Customer.email', 'Customer.phone'], record_ids: [c.id] }]);

    const log = `query($since: DateTime!) { crmAuditLog(since: $since, actor: "auditor-probe") { department actor kind fields recordIds operationName } }`;
    const read = await graph.gql(log, { since }, as('it'));
    expect(read.body.data).toEqual({ crmAuditLog: [{ department: 'crm', actor: 'auditor-probe', kind: 'READ', fields: ['Customer.email', 'Customer.phone'], recordIds: [c.id], operationName: 'ReadContact' }] });
    const denied = await graph.gql(log, { since }, as('analyst'));
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await expect(graph.db.query(`DELETE FROM crm.audit_log`)).rejects.toThrow('audit_log is append-only');
  });

  it('records every read of review data, whichever fields are selected', async () => {
    await graph.gql(`query MyTeam($id: ID!) { employee(id: $id) { reviews { rating summary } } }`, { id: e.id }, { roles: ['hr'], subject: 'review-probe' });
    const ids = await graph.db.query<{ id: string }>(`SELECT id::text FROM hr.reviews WHERE employee_id = $1 ORDER BY id`, [e.id]);
    const rows = await graph.db.query(`SELECT kind, operation_name, fields, record_ids FROM hr.audit_log WHERE actor = 'review-probe'`);
    expect(rows).toEqual([{ kind: 'READ', operation_name: 'MyTeam', fields: ['PerformanceReview.rating', 'PerformanceReview.summary'], record_ids: ids.map((r) => r.id).sort() }]);
  });

  it('records a write in the same transaction as the write', async () => {
    const email = `audited-${randomBytes(4).toString('hex')}@example.com`;
    const res = await graph.gql<{ createCustomer: { id: string } }>(
      `mutation NewCustomer($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`,
      { i: { firstName: 'Au', lastName: 'Dit', email, country: 'FR' } }, { roles: ['marketing'], subject: 'writer-probe' });
    const id = res.body.data?.createCustomer.id;
    const rows = await graph.db.query(`SELECT kind, operation_name, fields, record_ids FROM crm.audit_log WHERE actor = 'writer-probe'`);
    expect(rows).toEqual([{ kind: 'WRITE', operation_name: 'NewCustomer', fields: ['Mutation.createCustomer'], record_ids: [id] }]);
  });
});
