import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// CRM's mutations through the gateway: success answers against SQL, every refusal the
// resolvers implement (exact error entry, nothing written), idempotent batches, and a
// created customer joined with what the other departments then store for it.

type Vars = Record<string, unknown>;
type Patch = Vars | ((f: Fixtures) => Vars);
interface Refusal { code: string; field: string; message: string }
interface Named { id: string; name: string }
interface Fixtures { segment: Named; manager: Named; taken: { id: string; email: string }; target: string; skus: string[]; campaign: string }

const bad = (field: string, detail: string): Refusal => ({ code: 'BAD_USER_INPUT', field, message: `${field}: ${detail}` });
const coded = (code: string, field: string, message: string): Refusal => ({ code, field, message });
const refused = (root: string, r: Refusal) => ({
  status: 200,
  body: { data: null, errors: [{ message: r.message, path: [root], extensions: { code: r.code, field: r.field, serviceName: 'crm' } }] },
});

const CUSTOMER = `id firstName lastName email phone address country lifecycleStage segment { id name }
  accountManager { id name } consents { channel granted source } createdAt updatedAt`;
const CREATE = `mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { ${CUSTOMER} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ${CUSTOMER} } }`;
const CONSENT = `mutation Consent($input: RecordConsentInput!) { recordConsent(input: $input) { channel granted source recordedAt } }`;
const RESPONSES = `mutation Responses($r: [SatisfactionResponseInput!]!) {
  recordSatisfactionResponses(responses: $r) { received stored duplicates } }`;

let graph: TestGraph;
let fx: Fixtures;
let serial = 0;
const uniqueEmail = (tag: string) => `${tag}.${++serial}@mutations.example`;

beforeAll(async () => {
  graph = await startGraph();
  const one = async <R extends object>(sql: string) => (await graph.db.query<R>(sql))[0];
  fx = {
    segment: await one<Named>(`SELECT id, name FROM crm.segments ORDER BY id LIMIT 1`),
    manager: await one<Named>(`SELECT id, first_name || ' ' || last_name AS name FROM hr.employees WHERE department = 'SALES' ORDER BY id LIMIT 1`),
    taken: await one<{ id: string; email: string }>(`SELECT id, email FROM crm.customers ORDER BY id LIMIT 1`),
    target: await freshCustomer(),
    skus: (await graph.db.query<{ sku: string }>(`SELECT sku FROM sales.products ORDER BY sku LIMIT 2`)).map((p) => p.sku),
    campaign: (await one<{ id: string }>(`SELECT id FROM campaigns.campaigns ORDER BY id LIMIT 1`)).id,
  };
});
afterAll(() => graph?.close());

/** A customer of this test alone, last updated a day ago, with a phone and an address. */
async function freshCustomer(): Promise<string> {
  const [{ id }] = await graph.db.query<{ id: string }>(
    `INSERT INTO crm.customers (first_name, last_name, email, phone, address, country, lifecycle_stage, created_at, updated_at)
     VALUES ('Fresh', 'Person', $1, '+4930123456', 'Hauptstrasse 1, Berlin', 'DE', 'LEAD', now() - interval '1 day', now() - interval '1 day')
     RETURNING id`, [uniqueEmail('fresh')]);
  return id;
}

/** Every CRM table's row count and content hash: a refused write must leave all of them as they were. */
async function fingerprint(): Promise<Vars> {
  const out: Vars = {};
  for (const t of ['crm.customers', 'crm.consents', 'crm.satisfaction_responses']) {
    [out[t]] = await graph.db.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5 FROM ${t} t`);
  }
  return out;
}

async function expectRefused(op: string, vars: Vars, root: string, refusal: Refusal): Promise<void> {
  const before = await fingerprint();
  expect(await graph.gql(op, vars)).toEqual(refused(root, refusal));
  expect(await fingerprint()).toEqual(before);
}

/** The CUSTOMER selection computed from the tables (segment from CRM, manager name from HR). */
async function customerFromSql(id: string): Promise<Vars | null> {
  const [c] = await graph.db.query<Record<string, string | null> & { created_at: Date; updated_at: Date }>(
    `SELECT c.*, s.name AS segment_name, e.first_name || ' ' || e.last_name AS manager_name
     FROM crm.customers c LEFT JOIN crm.segments s ON s.id = c.segment_id LEFT JOIN hr.employees e ON e.id = c.account_manager_id
     WHERE c.id = $1`, [id]);
  if (!c) return null;
  const consents = await graph.db.query(`SELECT channel, granted, source FROM crm.consents WHERE customer_id = $1 ORDER BY channel`, [id]);
  return {
    id, firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone, address: c.address, country: c.country,
    lifecycleStage: c.lifecycle_stage,
    segment: c.segment_id ? { id: c.segment_id, name: c.segment_name } : null,
    accountManager: c.account_manager_id ? { id: c.account_manager_id, name: c.manager_name } : null,
    consents, createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(),
  };
}

const resolve = (p: Patch): Vars => (typeof p === 'function' ? p(fx) : p);

describe('createCustomer', () => {
  it('stores the normalized customer and returns it whole, joined with its HR account manager', async () => {
    const input = { firstName: ' Ada ', lastName: 'Byron', email: ' Ada.Byron@Example.COM ', phone: '+44 (20) 7946-0958',
      address: '12 St James Square, London', country: 'gb', segmentId: fx.segment.id, lifecycleStage: 'PROSPECT', accountManagerId: fx.manager.id };
    const res = await graph.gql<{ createCustomer: { id: string } }>(CREATE, { input });
    const id = res.body.data?.createCustomer.id ?? '';
    expect(res).toEqual({ status: 200, body: { data: { createCustomer: await customerFromSql(id) } } });
    expect(await graph.db.query(
      `SELECT first_name, last_name, email, phone, address, country, segment_id, lifecycle_stage, account_manager_id FROM crm.customers WHERE id = $1`, [id],
    )).toEqual([{ first_name: 'Ada', last_name: 'Byron', email: 'ada.byron@example.com', phone: '+442079460958', address: '12 St James Square, London',
      country: 'GB', segment_id: fx.segment.id, lifecycle_stage: 'PROSPECT', account_manager_id: fx.manager.id }]);
  });

  it.each<[string, Patch, Refusal]>([
    ['a blank first name', { firstName: '  ' }, bad('input.firstName', 'must not be empty')],
    ['a first name over 200 characters', { firstName: 'x'.repeat(201) }, bad('input.firstName', 'must be at most 200 characters')],
    ['a blank last name', { lastName: '' }, bad('input.lastName', 'must not be empty')],
    ['a malformed email', { email: 'grace@localhost' }, bad('input.email', '"grace@localhost" is not a valid email address')],
    ['a phone not in E.164 form', { phone: '030 1234' }, bad('input.phone', '"030 1234" is not a phone number in E.164 form (+4930...)')],
    ['a blank address', { address: ' ' }, bad('input.address', 'must not be empty')],
    ['an address over 500 characters', { address: 'a'.repeat(501) }, bad('input.address', 'must be at most 500 characters')],
    ['a country that is not alpha-2', { country: 'DEU' }, bad('input.country', '"DEU" is not an ISO 3166-1 alpha-2 country code')],
    ['a blank account manager id', { accountManagerId: ' ' }, bad('input.accountManagerId', 'must not be empty')],
    ['an unknown segment', { segmentId: 'seg-missing' }, coded('CRM_SEGMENT_NOT_FOUND', 'input.segmentId', 'segment "seg-missing" not found')],
    ["another customer's email, in other case", (f) => ({ email: f.taken.email.toUpperCase() }),
      coded('CRM_EMAIL_TAKEN', 'input.email', 'another customer already has this email address')],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    const input = { firstName: 'Grace', lastName: 'Hopper', email: uniqueEmail('grace'), country: 'US', ...resolve(patch) };
    await expectRefused(CREATE, { input }, 'createCustomer', refusal);
  });
});

describe('updateCustomer', () => {
  it('changes only the fields given, clears optional ones set to null, and returns the customer whole', async () => {
    const id = await freshCustomer();
    const [before] = await graph.db.query<Record<string, unknown> & { updated_at: Date }>(`SELECT * FROM crm.customers WHERE id = $1`, [id]);
    const input = { lastName: 'Lovelace', email: ' Ada.Lovelace@Example.com ', phone: null, segmentId: fx.segment.id,
      accountManagerId: fx.manager.id, lifecycleStage: 'CUSTOMER' };
    const res = await graph.gql(UPDATE, { id, input });
    expect(res).toEqual({ status: 200, body: { data: { updateCustomer: await customerFromSql(id) } } });
    const [after] = await graph.db.query<Record<string, unknown> & { updated_at: Date }>(`SELECT * FROM crm.customers WHERE id = $1`, [id]);
    expect(after).toEqual({ ...before, last_name: 'Lovelace', email: 'ada.lovelace@example.com', phone: null, segment_id: fx.segment.id,
      account_manager_id: fx.manager.id, lifecycle_stage: 'CUSTOMER', updated_at: after.updated_at });
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    // Its own email, in any case, is not "taken".
    const again = await graph.gql(UPDATE, { id, input: { email: 'ADA.LOVELACE@example.com' } });
    expect(again).toEqual({ status: 200, body: { data: { updateCustomer: await customerFromSql(id) } } });
  });

  it.each<[string, Patch, Refusal]>([
    ['an input naming no field', {}, bad('input', 'names no field to change')],
    ...(['firstName', 'lastName', 'email', 'country', 'lifecycleStage'] as const).map(
      (field): [string, Patch, Refusal] => [`a null ${field}`, { [field]: null }, bad(`input.${field}`, 'cannot be null')]),
    ['a blank first name', { firstName: ' ' }, bad('input.firstName', 'must not be empty')],
    ['a last name over 200 characters', { lastName: 'y'.repeat(201) }, bad('input.lastName', 'must be at most 200 characters')],
    ['a malformed email', { email: 'not-an-email' }, bad('input.email', '"not-an-email" is not a valid email address')],
    ['a phone not in E.164 form', { phone: '12' }, bad('input.phone', '"12" is not a phone number in E.164 form (+4930...)')],
    ['a blank address', { address: '' }, bad('input.address', 'must not be empty')],
    ['a country that is not alpha-2', { country: 'Germany' }, bad('input.country', '"Germany" is not an ISO 3166-1 alpha-2 country code')],
    // Same rule as createCustomer: a blank account manager id is bad input, not an id.
    ['a blank account manager id', { accountManagerId: ' ' }, bad('input.accountManagerId', 'must not be empty')],
    ['an unknown segment', { segmentId: 'seg-missing' }, coded('CRM_SEGMENT_NOT_FOUND', 'input.segmentId', 'segment "seg-missing" not found')],
    ["another customer's email", (f) => ({ email: f.taken.email }), coded('CRM_EMAIL_TAKEN', 'input.email', 'another customer already has this email address')],
  ])('refuses %s and changes nothing', async (_name, patch, refusal) => {
    await expectRefused(UPDATE, { id: fx.target, input: resolve(patch) }, 'updateCustomer', refusal);
  });

  it('refuses an unknown customer id with CRM_CUSTOMER_NOT_FOUND', async () => {
    await expectRefused(UPDATE, { id: 'cus-missing', input: { lastName: 'Nobody' } }, 'updateCustomer',
      coded('CRM_CUSTOMER_NOT_FOUND', 'id', 'customer "cus-missing" not found'));
  });
});

describe('recordConsent', () => {
  it("sets the channel's current consent, replacing the previous answer in place", async () => {
    const id = await freshCustomer();
    const consent = async () => (await graph.db.query<{ channel: string; granted: boolean; source: string; recorded_at: Date }>(
      `SELECT channel, granted, source, recorded_at FROM crm.consents WHERE customer_id = $1`, [id]));
    const answer = (r: { channel: string; granted: boolean; source: string; recorded_at: Date }) =>
      ({ status: 200, body: { data: { recordConsent: { channel: r.channel, granted: r.granted, source: r.source, recordedAt: r.recorded_at.toISOString() } } } });
    const first = await graph.gql(CONSENT, { input: { customerId: id, channel: 'SMS', granted: true, source: ' checkout ' } });
    const [stored] = await consent();
    expect(stored).toMatchObject({ channel: 'SMS', granted: true, source: 'checkout' });
    expect(first).toEqual(answer(stored));
    const second = await graph.gql(CONSENT, { input: { customerId: id, channel: 'SMS', granted: false, source: 'preference-center' } });
    const rows = await consent();
    expect(rows).toEqual([{ channel: 'SMS', granted: false, source: 'preference-center', recorded_at: rows[0].recorded_at }]);
    expect(second).toEqual(answer(rows[0]));
  });

  it.each<[string, Patch, Refusal]>([
    ['a blank source', { source: '  ' }, bad('input.source', 'must not be empty')],
    ['a source over 200 characters', { source: 's'.repeat(201) }, bad('input.source', 'must be at most 200 characters')],
    ['an unknown customer', { customerId: 'cus-missing' }, coded('CRM_CUSTOMER_NOT_FOUND', 'input.customerId', 'customer "cus-missing" not found')],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    const input = { customerId: fx.target, channel: 'EMAIL', granted: true, source: 'signup-form', ...resolve(patch) };
    await expectRefused(CONSENT, { input }, 'recordConsent', refusal);
  });
});

/** Five answers (NPS and CSAT alternating) spread over the given customers. */
function answers(tag: string, customers: string[]): Vars[] {
  const scores = [9, 4, 0, 1, 10];
  return scores.map((score, i) => ({
    clientKey: `${tag}-${i}`, customerId: customers[i % customers.length], kind: i % 2 === 0 ? 'NPS' : 'CSAT', score,
    comment: i === 1 ? null : `comment ${i}`, respondedAt: `2026-0${i + 1}-15T09:30:00.000Z`,
  }));
}

describe('recordSatisfactionResponses', () => {
  const count = async () => (await graph.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM crm.satisfaction_responses`))[0].n;
  const result = (received: number, stored: number, duplicates: number) =>
    ({ status: 200, body: { data: { recordSatisfactionResponses: { received, stored, duplicates } } } });

  it('stores a batch once however often it is sent, and only the new items of an overlapping batch', async () => {
    const batch = answers('once', [fx.target, fx.taken.id]);
    const before = await count();
    expect(await graph.gql(RESPONSES, { r: batch })).toEqual(result(5, 5, 0));
    expect(await graph.gql(RESPONSES, { r: batch })).toEqual(result(5, 0, 5));
    expect(await count()).toBe(before + 5);
    const rows = await graph.db.query<Record<string, unknown> & { responded_at: Date }>(
      `SELECT client_key, customer_id, kind, score, comment, responded_at FROM crm.satisfaction_responses WHERE client_key LIKE 'once-%' ORDER BY client_key`);
    expect(rows.map((r) => ({ ...r, responded_at: r.responded_at.toISOString() }))).toEqual(batch.map((b) => ({
      client_key: b.clientKey, customer_id: b.customerId, kind: b.kind, score: b.score, comment: b.comment, responded_at: b.respondedAt })));
    const overlap = [...batch.slice(3), ...answers('overlap', [fx.target]).slice(0, 2)];
    expect(await graph.gql(RESPONSES, { r: overlap })).toEqual(result(4, 2, 2));
    expect(await count()).toBe(before + 7);
  });

  it.each<[string, (items: Vars[]) => Vars[], Refusal]>([
    ['an empty batch', () => [], bad('responses', 'must contain at least one response')],
    ['more than 1000 responses', (items) => Array.from({ length: 1001 }, (_, i) => ({ ...items[0], clientKey: `big-${i}` })),
      coded('CRM_BATCH_TOO_LARGE', 'responses', 'at most 1000 responses per call')],
    ['an empty client key', (items) => patchAt(items, 2, { clientKey: '' }), bad('responses[2].clientKey', 'must be 1-128 printable characters')],
    ['a client key with a space', (items) => patchAt(items, 2, { clientKey: 'a b' }), bad('responses[2].clientKey', 'must be 1-128 printable characters')],
    ['a client key over 128 characters', (items) => patchAt(items, 0, { clientKey: 'k'.repeat(129) }),
      bad('responses[0].clientKey', 'must be 1-128 printable characters')],
    ['a client key repeated in the batch', (items) => patchAt(items, 4, { clientKey: items[1].clientKey }),
      bad('responses[4].clientKey', '"bad-1" appears twice in the batch')],
    ['an NPS score above 10', (items) => patchAt(items, 2, { score: 11 }), bad('responses[2].score', 'must be an integer from 0 to 10, got 11')],
    ['an NPS score below 0', (items) => patchAt(items, 0, { score: -1 }), bad('responses[0].score', 'must be an integer from 0 to 10, got -1')],
    ['a CSAT score of 0', (items) => patchAt(items, 3, { score: 0 }), bad('responses[3].score', 'must be an integer from 1 to 5, got 0')],
    ['a CSAT score above 5', (items) => patchAt(items, 1, { score: 6 }), bad('responses[1].score', 'must be an integer from 1 to 5, got 6')],
    ['a blank comment', (items) => patchAt(items, 1, { comment: ' ' }), bad('responses[1].comment', 'must not be empty')],
    ['a comment over 2000 characters', (items) => patchAt(items, 2, { comment: 'c'.repeat(2001) }),
      bad('responses[2].comment', 'must be at most 2000 characters')],
    ['an unknown customer at index 3 of 5', (items) => patchAt(items, 3, { customerId: 'cus-missing' }),
      coded('CRM_CUSTOMER_NOT_FOUND', 'responses[3].customerId', 'customer "cus-missing" not found')],
  ])('refuses %s and stores none of the batch', async (_name, build, refusal) => {
    await expectRefused(RESPONSES, { r: build(answers('bad', [fx.target, fx.taken.id])) }, 'recordSatisfactionResponses', refusal);
  });
});

function patchAt(items: Vars[], index: number, patch: Vars): Vars[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

describe('a created customer across the graph', () => {
  it('is readable with the orders, touches, answers and consent the other departments store for it', async () => {
    const created = await graph.gql<{ createCustomer: { id: string; lifecycleStage: string } }>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id lifecycleStage } }`,
      { input: { firstName: 'Joan', lastName: 'Clarke', email: uniqueEmail('joan'), country: 'GB', accountManagerId: fx.manager.id } });
    const id = created.body.data?.createCustomer.id ?? '';
    expect(created).toEqual({ status: 200, body: { data: { createCustomer: { id, lifecycleStage: 'LEAD' } } } });
    const [a, b] = fx.skus;
    const writes = await graph.gql(`mutation($id: ID!, $a: ID!, $b: ID!, $cmp: ID!) {
      o1: placeOrder(input: { clientKey: "joan-1", customerId: $id, currency: "EUR", placedAt: "2026-01-10T10:00:00Z",
        lines: [{ sku: $a, quantity: 2 }, { sku: $b, quantity: 1 }] }) { id }
      o2: placeOrder(input: { clientKey: "joan-2", customerId: $id, campaignId: $cmp, currency: "EUR", placedAt: "2026-02-10T10:00:00Z",
        lines: [{ sku: $b, quantity: 3 }] }) { id }
      e: recordEngagementEvents(events: [
        { clientKey: "joan-e1", campaignId: $cmp, customerId: $id, type: OPENED, occurredAt: "2026-02-01T08:00:00Z" },
        { clientKey: "joan-e2", campaignId: $cmp, customerId: $id, type: CLICKED, occurredAt: "2026-02-01T08:05:00Z" },
        { clientKey: "joan-e3", campaignId: $cmp, customerId: $id, type: CONVERTED, occurredAt: "2026-02-10T09:59:00Z" }]) { stored }
      s: recordSatisfactionResponses(responses: [
        { clientKey: "joan-nps", customerId: $id, kind: NPS, score: 9, respondedAt: "2026-03-01T12:00:00Z" }]) { stored }
      c: recordConsent(input: { customerId: $id, channel: EMAIL, granted: true, source: "checkout" }) { granted }
    }`, { id, a, b, cmp: fx.campaign });
    const [o1, o2] = await graph.db.query(`SELECT id FROM sales.orders WHERE client_key IN ('joan-1', 'joan-2') ORDER BY client_key`);
    expect(writes).toEqual({ status: 200, body: { data: { o1, o2, e: { stored: 3 }, s: { stored: 1 }, c: { granted: true } } } });
    const res = await graph.gql(`query($id: ID!) { customer(id: $id) {
      id accountManager { id name } consents { channel granted } latestNps { score } orderCount lifetimeValue { amount currency }
      orders(first: 5) { id total { amount currency } campaign { id name } }
      engagement { score lastTouchAt touches(first: 5) { type campaign { id } } } } }`, { id });
    const orders = await graph.db.query<{ id: string; total: string; currency: string; cid: string | null; cname: string | null }>(
      `SELECT o.id, o.total_minor::text AS total, o.currency, k.id AS cid, k.name AS cname FROM sales.orders o
       LEFT JOIN campaigns.campaigns k ON k.id = o.campaign_id WHERE o.customer_id = $1 ORDER BY o.placed_at DESC`, [id]);
    const ltv = await graph.db.query<{ currency: string; total: string }>(
      `SELECT o.currency, sum(l.quantity * p.price_minor)::text AS total FROM sales.order_lines l JOIN sales.products p ON p.sku = l.sku
       JOIN sales.orders o ON o.id = l.order_id WHERE o.customer_id = $1 GROUP BY o.currency ORDER BY o.currency`, [id]);
    const touches = await graph.db.query<{ type: string; campaign_id: string; occurred_at: Date }>(
      `SELECT type, campaign_id, occurred_at FROM campaigns.events WHERE customer_id = $1 ORDER BY occurred_at DESC`, [id]);
    const weights: Record<string, number> = { OPENED: 1, CLICKED: 3, CONVERTED: 10 };
    const [manager] = await graph.db.query(`SELECT id, first_name || ' ' || last_name AS name FROM hr.employees WHERE id = $1`, [fx.manager.id]);
    const nps = await graph.db.query(`SELECT score FROM crm.satisfaction_responses WHERE customer_id = $1`, [id]);
    const consents = await graph.db.query(`SELECT channel, granted FROM crm.consents WHERE customer_id = $1`, [id]);
    expect(res).toEqual({ status: 200, body: { data: { customer: {
      id, accountManager: manager, consents, latestNps: nps[0],
      orderCount: orders.length, lifetimeValue: ltv.map((m) => formatMinor(m.total, m.currency)),
      orders: orders.map((o) => ({ id: o.id, total: formatMinor(o.total, o.currency), campaign: o.cid ? { id: o.cid, name: o.cname } : null })),
      engagement: {
        score: touches.reduce((sum, t) => sum + (weights[t.type] ?? 0), 0), lastTouchAt: touches[0].occurred_at.toISOString(),
        touches: touches.map((t) => ({ type: t.type, campaign: { id: t.campaign_id } })),
      },
    } } } });
    expect([orders.length, touches.length, nps.length, consents.length]).toEqual([2, 3, 1, 1]);
  });
});
