import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor } from '../subgraphs/kit/src/money.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// Campaigns', sales' and HR's mutations through the gateway: success answers against SQL,
// every refusal the resolvers implement (exact error entry, nothing written), idempotency.

type Vars = Record<string, unknown>;
type Of<T> = T | ((f: Fixtures) => T);
interface Refusal { code: string; field: string; message: string }
interface Named { id: string; name: string }
interface Fixtures { segment: Named; marketer: Named; rep: Named & { manager: string }; customers: string[]; ab: { id: string; variants: string[] };
  foreignVariant: string; skus: { sku: string; currency: string }[] }

const bad = (field: string, detail: string): Refusal => ({ code: 'BAD_USER_INPUT', field, message: `${field}: ${detail}` });
const coded = (code: string, field: string, message: string): Refusal => ({ code, field, message });
const CURRENCIES = 'EUR, USD, GBP, CHF, SEK, NOK, DKK, PLN, CAD, AUD, JPY';
const TABLES = { campaigns: ['campaigns.campaigns', 'campaigns.variants', 'campaigns.events'], sales: ['sales.orders', 'sales.order_lines'],
  hr: ['hr.quotas', 'hr.reviews'] };
type Service = keyof typeof TABLES;

const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name channel status budget { amount currency }
  spend { amount currency } startsAt endsAt segment { id name } owner { id name } variants { name isControl }
  abTest { control { name } significant winner { name } } } }`;
const EVENTS = `mutation($e: [EngagementEventInput!]!) { recordEngagementEvents(events: $e) { received stored duplicates } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status placedAt total { amount currency }
  customer { id email } salesRep { id name } campaign { id name }
  lines { lineNo quantity product { sku name } unitPrice { amount currency } lineTotal { amount currency } } } }`;
const QUOTA = `mutation($input: SetQuotaInput!) { setQuota(input: $input) {
  employeeId period target { amount currency } employee { id name } revenue { amount currency } dealsWon attainment } }`;
const REVIEW = `mutation($input: PerformanceReviewInput!) { recordPerformanceReview(input: $input) {
  id employee { id name } reviewer { id name } period rating summary reviewedAt } }`;

let graph: TestGraph;
let fx: Fixtures;
const resolve = <T>(v: Of<T>): T => (typeof v === 'function' ? (v as (f: Fixtures) => T)(fx) : v);
const rows = <R extends object>(sql: string, params: unknown[] = []) => graph.db.query<R>(sql, params);
const one = async <R extends object>(sql: string, params: unknown[] = []) => (await rows<R>(sql, params))[0];
const name = (t: string, as = 'name') => `${t}.first_name || ' ' || ${t}.last_name AS ${as}`;

beforeAll(async () => {
  graph = await startGraph();
  const ab = await one<{ id: string; variants: string[] }>(`SELECT campaign_id AS id, array_agg(id ORDER BY id) AS variants
    FROM campaigns.variants GROUP BY campaign_id ORDER BY campaign_id LIMIT 1`);
  fx = {
    segment: await one<Named>(`SELECT id, name FROM crm.segments ORDER BY id LIMIT 1`),
    marketer: await one<Named>(`SELECT id, ${name('e')} FROM hr.employees e WHERE department = 'MARKETING' ORDER BY id LIMIT 1`),
    rep: await one<Named & { manager: string }>(`SELECT e.id, ${name('e')}, e.manager_id AS manager FROM hr.employees e WHERE department = 'SALES'
      AND manager_id IS NOT NULL AND EXISTS (SELECT 1 FROM sales.orders o WHERE o.sales_rep_id = e.id) ORDER BY id LIMIT 1`),
    customers: (await rows<{ id: string }>(`SELECT id FROM crm.customers ORDER BY id LIMIT 2`)).map((c) => c.id),
    ab,
    foreignVariant: (await one<{ id: string }>(`SELECT id FROM campaigns.variants WHERE campaign_id <> $1 ORDER BY id LIMIT 1`, [ab.id])).id,
    skus: await rows<{ sku: string; currency: string }>(`SELECT sku, currency FROM sales.products ORDER BY sku LIMIT 2`),
  };
});
afterAll(() => graph?.close());

/** Row count and content hash of each of a department's tables: a refused write leaves all of them as they were. */
async function fingerprint(service: Service): Promise<Vars> {
  const out: Vars = {};
  for (const t of TABLES[service]) {
    out[t] = await one(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5 FROM ${t} t`);
  }
  return out;
}

async function expectRefused(service: Service, op: string, vars: Vars, root: string, r: Refusal): Promise<void> {
  const before = await fingerprint(service);
  const error = { message: r.message, path: [root], extensions: { code: r.code, field: r.field, serviceName: service } };
  expect(await graph.gql(op, vars)).toEqual({ status: 200, body: { data: null, errors: [error] } });
  expect(await fingerprint(service)).toEqual(before);
}

const ok = (root: string, value: unknown) => ({ status: 200, body: { data: { [root]: value } } });
const count = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
const patchAt = (items: Vars[], index: number, patch: Vars) => items.map((item, i) => (i === index ? { ...item, ...patch } : item));

describe('createCampaign', () => {
  async function campaignFromSql(id: string) {
    const c = await one<Record<string, string> & { starts_at: Date; ends_at: Date }>(`SELECT k.*, k.budget_minor::text AS budget,
      k.spend_minor::text AS spend, s.name AS segment_name, ${name('e', 'owner_name')} FROM campaigns.campaigns k
      LEFT JOIN crm.segments s ON s.id = k.segment_id LEFT JOIN hr.employees e ON e.id = k.owner_id WHERE k.id = $1`, [id]);
    const variants = await rows<{ name: string; isControl: boolean }>(
      `SELECT name, is_control AS "isControl" FROM campaigns.variants WHERE campaign_id = $1 ORDER BY is_control DESC, name`, [id]);
    return {
      id, name: c.name, channel: c.channel, status: c.status, budget: formatMinor(c.budget, c.currency), spend: formatMinor(c.spend, c.currency),
      startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), segment: c.segment_id ? { id: c.segment_id, name: c.segment_name } : null,
      owner: c.owner_id ? { id: c.owner_id, name: c.owner_name } : null, variants,
      // Without a delivered customer no arm reaches the minimum sample: no winner yet.
      abTest: variants.length < 2 ? null : { control: { name: variants.find((v) => v.isControl)?.name }, significant: false, winner: null },
    };
  }

  it('stores a DRAFT campaign with an exact budget and its variants, and returns it joined with CRM and HR', async () => {
    const input = { name: ' Spring Test Drive ', channel: 'EMAIL', budget: { amount: '1500.5', currency: ' eur ' }, startsAt: '2026-03-01T00:00:00Z',
      endsAt: '2026-03-31T00:00:00Z', segmentId: fx.segment.id, ownerId: fx.marketer.id,
      variants: [{ name: 'Control', isControl: true }, { name: ' Bold subject ', isControl: false }] };
    const res = await graph.gql<{ createCampaign: { id: string } }>(CREATE_CAMPAIGN, { input });
    const id = res.body.data?.createCampaign.id ?? '';
    expect(res).toEqual(ok('createCampaign', await campaignFromSql(id)));
    expect(await rows(`SELECT name, channel, status, currency, budget_minor::text AS budget, spend_minor::text AS spend, segment_id, owner_id,
      starts_at = '2026-03-01T00:00:00Z' AND ends_at = '2026-03-31T00:00:00Z' AS window_ok, (SELECT array_agg(v.name || ':' || v.is_control
      ORDER BY v.is_control DESC) FROM campaigns.variants v WHERE v.campaign_id = k.id) AS variants FROM campaigns.campaigns k WHERE id = $1`, [id])).toEqual([{
      name: 'Spring Test Drive', channel: 'EMAIL', status: 'DRAFT', currency: 'EUR', budget: '150050', spend: '0', segment_id: fx.segment.id,
      owner_id: fx.marketer.id, window_ok: true, variants: ['Control:true', 'Bold subject:false'] }]);
  });

  const v = (name: string, isControl = false) => ({ name, isControl });
  const budget = (amount: string, currency = 'EUR') => ({ budget: { amount, currency } });
  it.each<[string, Vars, Refusal]>([
    ['a blank name', { name: ' ' }, bad('input.name', 'must not be empty')],
    ['an unsupported currency', budget('10', 'XYZ'), bad('input.budget.currency', `unsupported currency "XYZ"; expected one of ${CURRENCIES}`)],
    ['an amount that is not decimal', budget('1e3'), bad('input.budget.amount', '"1e3" is not a decimal amount')],
    ['more decimals than the currency has', budget('100.5', 'JPY'), bad('input.budget.amount', '"100.5" has more than 0 decimals for JPY')],
    ['a negative budget', budget('-1.00'), bad('input.budget.amount', 'must not be negative')],
    ['an end not after the start', { endsAt: '2026-05-01T00:00:00Z' }, bad('input.endsAt', 'must be after input.startsAt')],
    ['a blank segment id', { segmentId: '' }, bad('input.segmentId', 'must not be empty')],
    ['a blank owner id', { ownerId: ' ' }, bad('input.ownerId', 'must not be empty')],
    ['a single variant', { variants: [v('A', true)] }, bad('input.variants', 'must be empty or have at least two variants')],
    ['a blank variant name', { variants: [v('A', true), v(' ')] }, bad('input.variants[1].name', 'must not be empty')],
    ['a variant name over 100 characters', { variants: [v('A', true), v('b'.repeat(101))] }, bad('input.variants[1].name', 'must be at most 100 characters')],
    ['two variants with one name', { variants: [v('A', true), v(' A ')] }, bad('input.variants[1].name', '"A" is used by another variant')],
    ['variants without a control', { variants: [v('A'), v('B')] }, bad('input.variants', 'must have exactly one control variant, got 0')],
    ['two controls', { variants: [v('A', true), v('B', true), v('C')] }, bad('input.variants', 'must have exactly one control variant, got 2')],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    const input = { name: 'Refused', channel: 'SMS', ...budget('100.00'), startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z', ...patch };
    await expectRefused('campaigns', CREATE_CAMPAIGN, { input }, 'createCampaign', refusal);
  });
});

/** Five touches of the A/B campaign on two customers, the first, third and fifth on a variant. */
const touches = (tag: string): Vars[] => ['SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'CONVERTED'].map((type, i) => ({ clientKey: `${tag}-${i}`,
  campaignId: fx.ab.id, variantId: i % 2 === 0 ? fx.ab.variants[0] : null, customerId: fx.customers[i % 2], type, occurredAt: `2026-01-1${i}T08:00:00.000Z` }));
const target = (amount: string, currency = 'EUR') => ({ target: { amount, currency } });
const bulk = (received: number, stored: number, duplicates: number) => ok('recordEngagementEvents', { received, stored, duplicates });

describe('recordEngagementEvents', () => {
  it('stores a batch once however often it is sent, and only the new items of an overlapping batch', async () => {
    const batch = touches('once');
    const before = await count('campaigns.events');
    expect(await graph.gql(EVENTS, { e: batch })).toEqual(bulk(5, 5, 0));
    expect(await graph.gql(EVENTS, { e: batch })).toEqual(bulk(5, 0, 5));
    expect(await count('campaigns.events')).toBe(before + 5);
    const stored = await rows<Vars & { occurred_at: Date }>(`SELECT client_key, campaign_id, variant_id, customer_id, type, occurred_at
      FROM campaigns.events WHERE client_key LIKE 'once-%' ORDER BY client_key`);
    expect(stored.map((r) => ({ ...r, occurred_at: r.occurred_at.toISOString() }))).toEqual(batch.map((e) => ({ client_key: e.clientKey,
      campaign_id: e.campaignId, variant_id: e.variantId, customer_id: e.customerId, type: e.type, occurred_at: e.occurredAt })));
    expect(await graph.gql(EVENTS, { e: [...batch.slice(0, 2), touches('overlap')[0]] })).toEqual(bulk(3, 1, 2));
    expect(await count('campaigns.events')).toBe(before + 6);
  });

  it('accepts the documented maximum of 10,000 events in one call', async () => {
    const batch = Array.from({ length: 10_000 }, (_, i) => ({ ...touches('max')[i % 5], clientKey: `evt-max-${String(i).padStart(5, '0')}` }));
    const before = await count('campaigns.events');
    expect(await graph.gql(EVENTS, { e: batch })).toEqual(bulk(10_000, 10_000, 0));
    expect(await count('campaigns.events')).toBe(before + 10_000);
  });

  it.each<[string, (items: Vars[]) => Vars[], Of<Refusal>]>([
    ['an empty batch', () => [], bad('events', 'must contain at least one event')],
    // The shortest items, so that 10,001 of them fit in the gateway's request size limit.
    ['more than 10,000 events', () => Array.from({ length: 10_001 }, (_, i) => ({ clientKey: String(i), campaignId: 'x', customerId: 'x', type: 'SENT',
      occurredAt: '2026-01-01' })), coded('CAMPAIGNS_BATCH_TOO_LARGE', 'events', 'at most 10000 events per call')],
    ['an empty client key', (items) => patchAt(items, 2, { clientKey: '' }), bad('events[2].clientKey', 'must be 1-128 printable characters')],
    ['a client key repeated in the batch', (items) => patchAt(items, 4, { clientKey: 'bad-0' }), bad('events[4].clientKey', '"bad-0" appears twice in the batch')],
    ['a blank customer id', (items) => patchAt(items, 1, { customerId: ' ' }), bad('events[1].customerId', 'must not be empty')],
    ['an unknown campaign at index 3 of 5', (items) => patchAt(items, 3, { campaignId: 'cmp-missing' }),
      coded('CAMPAIGNS_CAMPAIGN_NOT_FOUND', 'events[3].campaignId', 'campaign "cmp-missing" not found')],
    ["another campaign's variant at index 3 of 5", (items) => patchAt(items, 3, { variantId: fx.foreignVariant }), (f) => coded('CAMPAIGNS_VARIANT_NOT_FOUND',
      'events[3].variantId', `variant "${f.foreignVariant}" not found in campaign "${f.ab.id}"`)],
    ['an unknown variant', (items) => patchAt(items, 0, { variantId: 'var-missing' }), (f) => coded('CAMPAIGNS_VARIANT_NOT_FOUND',
      'events[0].variantId', `variant "var-missing" not found in campaign "${f.ab.id}"`)],
  ])('refuses %s and stores none of the batch', async (_name, build, refusal) => {
    await expectRefused('campaigns', EVENTS, { e: build(touches('bad')) }, 'recordEngagementEvents', resolve(refusal));
  });

  // The exact entry is not pinned here (scalar or resolver may refuse); what a client relies on is.
  it.each(['yesterday', '2026-02-30T10:00:00Z'])('refuses the date-time %s as bad input naming the field, leaking no internals', async (occurredAt) => {
    const before = await fingerprint('campaigns');
    const res = await graph.gql(EVENTS, { e: patchAt(touches('date'), 2, { occurredAt }) });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('occurredAt'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(JSON.stringify(res.body)).not.toContain(new URL(graph.subgraphUrls.campaigns).host);
    expect(await fingerprint('campaigns')).toEqual(before);
  });
});

async function orderFromSql(id: string) {
  const o = await one<Record<string, string> & { placed_at: Date }>(`SELECT o.*, o.total_minor::text AS total, c.email, ${name('e', 'rep')},
    k.name AS campaign FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id LEFT JOIN hr.employees e ON e.id = o.sales_rep_id
    LEFT JOIN campaigns.campaigns k ON k.id = o.campaign_id WHERE o.id = $1`, [id]);
  const lines = await rows<{ line_no: number; quantity: number; sku: string; name: string; unit: string }>(`SELECT l.line_no, l.quantity, l.sku,
    p.name, l.unit_price_minor::text AS unit FROM sales.order_lines l JOIN sales.products p ON p.sku = l.sku WHERE l.order_id = $1 ORDER BY l.line_no`, [id]);
  return {
    id, status: o.status, placedAt: o.placed_at.toISOString(), total: formatMinor(o.total, o.currency), customer: { id: o.customer_id, email: o.email },
    salesRep: o.sales_rep_id ? { id: o.sales_rep_id, name: o.rep } : null, campaign: o.campaign_id ? { id: o.campaign_id, name: o.campaign } : null,
    lines: lines.map((l) => ({ lineNo: l.line_no, quantity: l.quantity, product: { sku: l.sku, name: l.name }, unitPrice: formatMinor(l.unit, o.currency),
      lineTotal: formatMinor(BigInt(l.unit) * BigInt(l.quantity), o.currency) })),
  };
}

describe('placeOrder', () => {
  const order = (clientKey: string, patch: Vars = {}) => ({ input: { clientKey, customerId: fx.customers[0], salesRepId: fx.rep.id, campaignId: fx.ab.id,
    currency: fx.skus[0].currency, lines: [{ sku: fx.skus[0].sku, quantity: 2 }, { sku: fx.skus[1].sku, quantity: 1 }], placedAt: '2026-02-10T12:00:00Z',
    ...patch } });

  it('prices the order from the catalogue, stores it with its lines, and returns it joined with CRM, HR and campaigns', async () => {
    const res = await graph.gql<{ placeOrder: { id: string } }>(PLACE, order('ord-success'));
    const id = res.body.data?.placeOrder.id ?? '';
    expect(res).toEqual(ok('placeOrder', await orderFromSql(id)));
    expect(await rows(`SELECT o.client_key, o.customer_id, o.sales_rep_id, o.campaign_id, o.status, o.placed_at = '2026-02-10T12:00:00Z' AS at_ok,
      (SELECT array_agg(l.sku || ' x' || l.quantity ORDER BY l.line_no) FROM sales.order_lines l WHERE l.order_id = o.id) AS lines,
      o.total_minor = (SELECT sum(l.quantity * p.price_minor) FROM sales.order_lines l JOIN sales.products p ON p.sku = l.sku
        WHERE l.order_id = o.id AND l.unit_price_minor = p.price_minor) AS priced FROM sales.orders o WHERE o.id = $1`, [id])).toEqual([{
      client_key: 'ord-success', customer_id: fx.customers[0], sales_rep_id: fx.rep.id, campaign_id: fx.ab.id, status: 'PLACED', at_ok: true,
      lines: [`${fx.skus[0].sku} x2`, `${fx.skus[1].sku} x1`], priced: true }]);
  });

  it('returns the first order for a repeated client key, even one that says otherwise, and stores it once', async () => {
    const before = [await count('sales.orders'), await count('sales.order_lines')];
    const first = await graph.gql(PLACE, order('ord-retry'));
    expect(await graph.gql(PLACE, order('ord-retry', { lines: [{ sku: fx.skus[1].sku, quantity: 9 }] }))).toEqual(first);
    const { id } = await one<{ id: string }>(`SELECT id FROM sales.orders WHERE client_key = 'ord-retry'`);
    expect(first).toEqual(ok('placeOrder', await orderFromSql(id)));
    const [a, b] = await Promise.all([graph.gql(PLACE, order('ord-race')), graph.gql(PLACE, order('ord-race'))]);
    expect(b).toEqual(a);
    expect([await count('sales.orders'), await count('sales.order_lines')]).toEqual([before[0] + 2, before[1] + 4]);
  });

  const other = (f: Fixtures) => (f.skus[0].currency === 'USD' ? 'GBP' : 'USD');
  const lines = (...quantities: number[]) => (f: Fixtures) => ({ lines: quantities.map((quantity, i) => ({ sku: f.skus[i % 2].sku, quantity })) });
  it.each<[string, Of<Vars>, Of<Refusal>]>([
    ['a client key over 128 characters', { clientKey: 'k'.repeat(129) }, bad('input.clientKey', 'must be 1-128 printable characters')],
    ['a blank customer id', { customerId: ' ' }, bad('input.customerId', 'must not be empty')],
    ['a blank sales rep id', { salesRepId: '' }, bad('input.salesRepId', 'must not be empty')],
    ['a blank campaign id', { campaignId: ' ' }, bad('input.campaignId', 'must not be empty')],
    ['an unsupported currency', { currency: 'XYZ' }, bad('input.currency', `unsupported currency "XYZ"; expected one of ${CURRENCIES}`)],
    ['no lines', { lines: [] }, bad('input.lines', 'must have 1 to 100 lines, got 0')],
    ['101 lines', lines(...Array<number>(101).fill(1)), bad('input.lines', 'must have 1 to 100 lines, got 101')],
    ['a quantity of 0', lines(1, 0), bad('input.lines[1].quantity', 'must be an integer from 1 to 10000, got 0')],
    ['a quantity over 10,000', lines(10_001), bad('input.lines[0].quantity', 'must be an integer from 1 to 10000, got 10001')],
    ['an unknown product', (f) => ({ lines: [{ sku: f.skus[0].sku, quantity: 1 }, { sku: 'SKU-MISSING', quantity: 1 }] }),
      coded('SALES_PRODUCT_NOT_FOUND', 'input.lines[1].sku', 'input.lines[1].sku: product "SKU-MISSING" not found')],
    ['a product priced in another currency', (f) => ({ currency: other(f) }),
      (f) => bad('input.lines[0].sku', `product "${f.skus[0].sku}" is priced in ${f.skus[0].currency}, not in the order currency ${other(f)}`)],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    await expectRefused('sales', PLACE, order('ord-refused', resolve(patch)), 'placeOrder', resolve(refusal));
  });
});

describe('setQuota', () => {
  /** The Quota selection from HR's row and sales' non-cancelled orders of the month `period` (YYYY-MM). */
  async function quotaFromSql(employeeId: string, period: string) {
    const q = await one<{ currency: string; target: string; id: string; name: string }>(`SELECT q.currency, q.target_minor::text AS target, e.id,
      ${name('e')} FROM hr.quotas q JOIN hr.employees e ON e.id = q.employee_id WHERE q.employee_id = $1 AND q.period = $2`, [employeeId, period]);
    const s = await one<{ deals: number; revenue: string }>(`SELECT count(*)::int AS deals, coalesce(sum(total_minor) FILTER (WHERE currency = $3), 0)::text
      AS revenue FROM sales.orders WHERE sales_rep_id = $1 AND status <> 'CANCELLED' AND placed_at >= ($2 || '-01')::date::timestamp AT TIME ZONE 'UTC'
      AND placed_at < (($2 || '-01')::date + interval '1 month') AT TIME ZONE 'UTC'`, [employeeId, period, q.currency]);
    return { employeeId, period, target: formatMinor(q.target, q.currency), employee: { id: q.id, name: q.name }, revenue: formatMinor(s.revenue, q.currency),
      dealsWon: s.deals, attainment: BigInt(q.target) === 0n ? null : Number(s.revenue) / Number(q.target) };
  }

  it('creates a quota, then replaces it, each answer carrying the sales figures of its period', async () => {
    const { period } = await one<{ period: string }>(`SELECT to_char(max(placed_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS period FROM sales.orders
      WHERE sales_rep_id = $1 AND status <> 'CANCELLED'`, [fx.rep.id]);
    const stored = () => rows(`SELECT currency, target_minor::text AS t FROM hr.quotas WHERE employee_id = $1 AND period = $2`, [fx.rep.id, period]);
    const before = await count('hr.quotas');
    const created = await graph.gql(QUOTA, { input: { employeeId: fx.rep.id, period, target: { amount: '25000.5', currency: 'EUR' } } });
    expect(await stored()).toEqual([{ currency: 'EUR', t: '2500050' }]);
    expect(created).toEqual(ok('setQuota', await quotaFromSql(fx.rep.id, period)));
    const replaced = await graph.gql(QUOTA, { input: { employeeId: fx.rep.id, period, target: { amount: '1000', currency: 'EUR' } } });
    expect(await stored()).toEqual([{ currency: 'EUR', t: '100000' }]);
    expect(replaced).toEqual(ok('setQuota', await quotaFromSql(fx.rep.id, period)));
    expect(await count('hr.quotas')).toBe(before + 1);
  });

  it.each<[string, Vars, Refusal]>([
    ['a quarter 5', { period: '2026-Q5' }, bad('input.period', '"2026-Q5" is not a period; expected YYYY, YYYY-Qn or YYYY-MM')],
    ['an unsupported currency', target('10', 'XYZ'), bad('input.target.currency', `unsupported currency "XYZ"; expected one of ${CURRENCIES}`)],
    ['an amount that is not decimal', target('ten'), bad('input.target.amount', '"ten" is not a decimal amount')],
    ['more decimals than the currency has', target('1.001'), bad('input.target.amount', '"1.001" has more than 2 decimals for EUR')],
    ['a negative target', target('-5'), bad('input.target.amount', 'must not be negative')],
    ['an unknown employee', { employeeId: 'emp-missing' }, coded('HR_EMPLOYEE_NOT_FOUND', 'input.employeeId', 'employee "emp-missing" not found')],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    await expectRefused('hr', QUOTA, { input: { employeeId: fx.rep.id, period: '2031-Q1', ...target('100.00'), ...patch } }, 'setQuota', refusal);
  });
});

describe('recordPerformanceReview', () => {
  const review = (clientKey: string, patch: Vars = {}) => ({ input: { clientKey, employeeId: fx.rep.id, reviewerId: fx.rep.manager, period: '2026-H2',
    rating: 4, summary: ' Strong second half. ', reviewedAt: '2026-07-15T10:00:00Z', ...patch } });
  async function reviewFromSql(clientKey: string) {
    const r = await one<Record<string, string> & { rating: number; reviewed_at: Date }>(`SELECT r.*, r.id::text AS id, ${name('e')},
      ${name('m', 'reviewer')} FROM hr.reviews r JOIN hr.employees e ON e.id = r.employee_id LEFT JOIN hr.employees m ON m.id = r.reviewer_id
      WHERE r.client_key = $1`, [clientKey]);
    return { id: r.id, employee: { id: r.employee_id, name: r.name }, reviewer: r.reviewer_id ? { id: r.reviewer_id, name: r.reviewer } : null,
      period: r.period, rating: r.rating, summary: r.summary, reviewedAt: r.reviewed_at.toISOString() };
  }

  it('stores the review and returns it; a repeated client key returns the first review and stores it once', async () => {
    const before = await count('hr.reviews');
    const first = await graph.gql(REVIEW, review('rev-once'));
    expect(first).toEqual(ok('recordPerformanceReview', await reviewFromSql('rev-once')));
    expect(await rows(`SELECT employee_id, reviewer_id, period, rating, summary, reviewed_at = '2026-07-15T10:00:00Z' AS at_ok FROM hr.reviews
      WHERE client_key = 'rev-once'`)).toEqual([{ employee_id: fx.rep.id, reviewer_id: fx.rep.manager, period: '2026-H2', rating: 4,
      summary: 'Strong second half.', at_ok: true }]);
    expect(await graph.gql(REVIEW, review('rev-once', { rating: 2, summary: 'A retry that says otherwise.' }))).toEqual(first);
    expect(await count('hr.reviews')).toBe(before + 1);
  });

  it.each<[string, Of<Vars>, Refusal]>([
    ['an empty client key', { clientKey: '' }, bad('input.clientKey', 'must be 1-128 printable characters')],
    ['a self-review', (f) => ({ reviewerId: f.rep.id }), bad('input.reviewerId', 'an employee cannot review themselves')],
    ['a blank period', { period: ' ' }, bad('input.period', 'must not be empty')],
    ['a period over 20 characters', { period: 'p'.repeat(21) }, bad('input.period', 'must be at most 20 characters')],
    ['a rating of 6', { rating: 6 }, bad('input.rating', 'must be an integer from 1 to 5, got 6')],
    ['a blank summary', { summary: '' }, bad('input.summary', 'must not be empty')],
    ['a summary over 5000 characters', { summary: 's'.repeat(5001) }, bad('input.summary', 'must be at most 5000 characters')],
    ['an unknown employee', { employeeId: 'emp-missing' }, coded('HR_EMPLOYEE_NOT_FOUND', 'input.employeeId', 'employee "emp-missing" not found')],
    ['an unknown reviewer', { reviewerId: 'emp-missing' }, coded('HR_EMPLOYEE_NOT_FOUND', 'input.reviewerId', 'employee "emp-missing" not found')],
  ])('refuses %s and writes nothing', async (_name, patch, refusal) => {
    await expectRefused('hr', REVIEW, review('rev-refused', resolve(patch)), 'recordPerformanceReview', refusal);
  });
});
