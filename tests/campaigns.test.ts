import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../subgraphs/kit/src/db.ts';
import { loc, startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';
import { encodeCursor } from '../subgraphs/kit/src/pagination.ts';
import { campaigns } from '../subgraphs/campaigns/src/app.ts';
import { erfc, normalCdf, twoProportionTest, Z_95 } from '../subgraphs/campaigns/src/data/stats.ts';
import { buildAbTest, MINIMUM_SAMPLE_PER_ARM } from '../subgraphs/campaigns/src/data/abtest.ts';

/*
 * Fixture. Hand-made campaigns for exact answers:
 *   c-autumn 2025-10-01 EMAIL ACTIVE    GBP  seg -      emp-2  A/B: A 100/500 vs B 110/500 (not significant)
 *   c-winter 2026-01-10 SMS   COMPLETED JPY  seg-2      emp-1  A/B: A 200/1000, B 250/1000 (winner), C 30/80 (too small)
 *   c-spring 2026-03-01 EMAIL ACTIVE    EUR  seg-1      emp-1  A/B: hand-written events of cus-1..cus-5
 *   c-summer 2026-06-01 PUSH  COMPLETED USD  seg-1      emp-2  no variants; cus-1's latest touches
 *   c-empty  2026-09-01 PHONE DRAFT     EUR  -          -      nothing
 * plus twenty batch campaigns b01..b20 (2030, own segment/owner/customer each) for batching.
 */
const FIXTURE = `
INSERT INTO campaigns.campaigns (id, name, channel, status, currency, budget_minor, spend_minor, starts_at, ends_at, segment_id, owner_id) VALUES
  ('c-spring', 'Spring Sale', 'EMAIL', 'ACTIVE', 'EUR', 150000, 42050, '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z', 'seg-1', 'emp-1'),
  ('c-summer', 'Summer Push', 'PUSH', 'COMPLETED', 'USD', 50000, 49999, '2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z', 'seg-1', 'emp-2'),
  ('c-winter', 'Winter SMS', 'SMS', 'COMPLETED', 'JPY', 100000, 25000, '2026-01-10T00:00:00Z', '2026-02-10T00:00:00Z', 'seg-2', 'emp-1'),
  ('c-autumn', 'Autumn Email', 'EMAIL', 'ACTIVE', 'GBP', 20000, 1999, '2025-10-01T00:00:00Z', '2025-10-31T00:00:00Z', NULL, 'emp-2'),
  ('c-empty', 'Empty Draft', 'PHONE', 'DRAFT', 'EUR', 0, 0, '2026-09-01T00:00:00Z', '2026-09-30T00:00:00Z', NULL, NULL);
INSERT INTO campaigns.variants (id, campaign_id, name, is_control) VALUES
  ('v-sp-b', 'c-spring', 'B', false), ('v-sp-a', 'c-spring', 'A', true),
  ('v-wi-a', 'c-winter', 'A', true), ('v-wi-c', 'c-winter', 'C', false), ('v-wi-b', 'c-winter', 'B', false),
  ('v-au-a', 'c-autumn', 'A', true), ('v-au-b', 'c-autumn', 'B', false);
INSERT INTO campaigns.events (client_key, campaign_id, variant_id, customer_id, type, occurred_at) VALUES
  ('sp-1', 'c-spring', 'v-sp-a', 'cus-1', 'SENT', '2026-03-02T09:00:00Z'),
  ('sp-2', 'c-spring', 'v-sp-a', 'cus-1', 'DELIVERED', '2026-03-02T09:01:00Z'),
  ('sp-3', 'c-spring', 'v-sp-a', 'cus-1', 'OPENED', '2026-03-02T10:00:00Z'),
  ('sp-4', 'c-spring', 'v-sp-a', 'cus-1', 'CLICKED', '2026-03-02T10:05:00Z'),
  ('sp-5', 'c-spring', 'v-sp-a', 'cus-1', 'CONVERTED', '2026-03-03T12:00:00Z'),
  ('sp-6', 'c-spring', 'v-sp-a', 'cus-1', 'OPENED', '2026-03-04T08:00:00Z'),
  ('sp-7', 'c-spring', 'v-sp-b', 'cus-2', 'SENT', '2026-03-02T09:00:00Z'),
  ('sp-8', 'c-spring', 'v-sp-b', 'cus-2', 'DELIVERED', '2026-03-02T09:01:00Z'),
  ('sp-9', 'c-spring', 'v-sp-b', 'cus-2', 'OPENED', '2026-03-05T10:00:00Z'),
  ('sp-10', 'c-spring', 'v-sp-b', 'cus-2', 'UNSUBSCRIBED', '2026-03-05T10:01:00Z'),
  ('sp-11', 'c-spring', 'v-sp-a', 'cus-3', 'SENT', '2026-03-02T09:00:00Z'),
  ('sp-12', 'c-spring', 'v-sp-a', 'cus-3', 'BOUNCED', '2026-03-02T09:02:00Z'),
  ('sp-13', 'c-spring', 'v-sp-b', 'cus-4', 'SENT', '2026-03-02T09:00:00Z'),
  ('sp-14', 'c-spring', 'v-sp-b', 'cus-4', 'DELIVERED', '2026-03-02T09:01:00Z'),
  ('sp-15', 'c-spring', 'v-sp-b', 'cus-4', 'OPENED', '2026-03-06T11:00:00Z'),
  ('sp-16', 'c-spring', 'v-sp-b', 'cus-4', 'CLICKED', '2026-03-06T11:02:00Z'),
  ('sp-17', 'c-spring', NULL, 'cus-5', 'SENT', '2026-03-02T09:00:00Z'),
  ('sp-18', 'c-spring', NULL, 'cus-5', 'DELIVERED', '2026-03-02T09:01:00Z'),
  ('su-1', 'c-summer', NULL, 'cus-1', 'SENT', '2026-06-02T08:00:00Z'),
  ('su-2', 'c-summer', NULL, 'cus-1', 'DELIVERED', '2026-06-02T08:01:00Z'),
  ('su-3', 'c-summer', NULL, 'cus-1', 'OPENED', '2026-06-03T07:00:00Z'),
  ('su-4', 'c-summer', NULL, 'cus-1', 'CLICKED', '2026-06-03T07:00:00Z');
-- Each arm: customers 1..delivered get SENT and DELIVERED, customers 1..converted CONVERTED.
INSERT INTO campaigns.events (client_key, campaign_id, variant_id, customer_id, type, occurred_at)
  SELECT arm.campaign || '-' || arm.v || '-' || ev.t || '-' || ev.i, arm.campaign, 'v-' || arm.v, arm.v || '-' || ev.i, ev.t,
    timestamptz '2025-10-02T00:00:00Z' + ev.i * interval '1 minute'
  FROM (VALUES ('c-winter', 'wi-a', 1000, 200), ('c-winter', 'wi-b', 1000, 250), ('c-winter', 'wi-c', 80, 30),
               ('c-autumn', 'au-a', 500, 100), ('c-autumn', 'au-b', 500, 110)) AS arm(campaign, v, delivered, converted)
  CROSS JOIN LATERAL (SELECT i, t FROM generate_series(1, arm.delivered) i, unnest(ARRAY['SENT', 'DELIVERED']) t
    UNION ALL SELECT i, 'CONVERTED' FROM generate_series(1, arm.converted) i) ev;
-- A repeated DELIVERED must not count twice.
INSERT INTO campaigns.events (client_key, campaign_id, variant_id, customer_id, type, occurred_at)
  VALUES ('wi-dup', 'c-winter', 'v-wi-a', 'wi-a-1', 'DELIVERED', '2026-01-20T00:00:00Z');
INSERT INTO campaigns.campaigns (id, name, channel, status, currency, budget_minor, starts_at, ends_at, segment_id, owner_id)
  SELECT 'b' || lpad(n::text, 2, '0'), 'Zz Batch ' || lpad(n::text, 2, '0'), 'EMAIL', 'ACTIVE', 'EUR', 1000,
    timestamptz '2030-01-01T00:00:00Z' + n * interval '1 day', timestamptz '2030-06-01T00:00:00Z',
    'seg-b' || lpad(n::text, 2, '0'), 'emp-b' || lpad(n::text, 2, '0')
  FROM generate_series(1, 20) n;
INSERT INTO campaigns.variants (id, campaign_id, name, is_control)
  SELECT 'b' || lpad(n::text, 2, '0') || '-' || v, 'b' || lpad(n::text, 2, '0'), v, v = 'A'
  FROM generate_series(1, 20) n, unnest(ARRAY['A', 'B']) v;
INSERT INTO campaigns.events (client_key, campaign_id, variant_id, customer_id, type, occurred_at)
  SELECT 'b-' || n || '-' || t, 'b' || lpad(n::text, 2, '0'), 'b' || lpad(n::text, 2, '0') || '-A',
    'bc-' || lpad(n::text, 2, '0'), t, timestamptz '2030-02-01T00:00:00Z' + k * interval '1 hour'
  FROM generate_series(1, 20) n, unnest(ARRAY['SENT', 'DELIVERED', 'OPENED']) WITH ORDINALITY AS x(t, k);
`;

let read: SubgraphUnderTest;
let write: SubgraphUnderTest;

beforeAll(async () => {
  // Mutation tests get their own copy so they cannot change what the query tests see.
  [read, write] = await Promise.all([
    startSubgraph(campaigns, (db) => db.query(FIXTURE)),
    startSubgraph(campaigns, (db) => db.query(FIXTURE)),
  ]);
});

afterAll(async () => {
  await read?.close();
  await write?.close();
});

const gql = (world: SubgraphUnderTest, query: string, variables: Record<string, unknown> = {}): Promise<unknown> =>
  world.gql(query, variables);

const money = (amount: string, currency: string) => ({ amount, currency });
const near = (value: number) => expect.closeTo(value, 12);
/** Rate as the Funnel defines it. */
const r = (a: number, b: number) => (b === 0 ? null : a / b);

/** A funnel with every count and rate, from the seven unique-customer counts. */
function funnel(sent: number, delivered: number, opened: number, clicked: number, converted: number, unsubscribed: number, bounced: number) {
  return {
    sent, delivered, opened, clicked, converted, unsubscribed, bounced,
    deliveryRate: r(delivered, sent), openRate: r(opened, delivered), clickThroughRate: r(clicked, delivered),
    clickToOpenRate: r(clicked, opened), conversionRate: r(converted, clicked),
    unsubscribeRate: r(unsubscribed, delivered), bounceRate: r(bounced, sent),
  };
}

/** The expected result of a challenger with cC/nC conversions against a control with c0/n0, by the textbook formulas. */
function challenger(name: string, c0: number, n0: number, c: number, n: number, pValue: number) {
  const rate = c / n;
  const lift = rate - c0 / n0;
  const se = Math.sqrt(((c0 / n0) * (1 - c0 / n0)) / n0 + (rate * (1 - rate)) / n);
  return {
    variant: { name }, delivered: n, converted: c, conversionRate: rate, absoluteLift: near(lift),
    relativeLift: c0 === 0 ? null : near(lift / (c0 / n0)), pValue: expect.closeTo(pValue, 10),
    confidenceLow: near(lift - 1.959963984540054 * se), confidenceHigh: near(lift + 1.959963984540054 * se),
  };
}

function control(name: string, c: number, n: number) {
  return {
    variant: { name }, delivered: n, converted: c, conversionRate: r(c, n),
    absoluteLift: null, relativeLift: null, pValue: null, confidenceLow: null, confidenceHigh: null,
  };
}

const FUNNEL = `{ sent delivered opened clicked converted unsubscribed bounced deliveryRate openRate
  clickThroughRate clickToOpenRate conversionRate unsubscribeRate bounceRate }`;
const AB = `{ control { id name } winner { name } significant verdict minimumSamplePerArm
  results { variant { name } delivered converted conversionRate absoluteLift relativeLift pValue confidenceLow confidenceHigh } }`;

describe('statistics', () => {
  it('erfc matches reference values to 1e-12 relative, including tails and negative x', () => {
    const reference: [number, number][] = [
      [0.3, 0.6713732405408726], [1, 0.15729920705028513], [2.5, 0.0004069520174449589],
      [5, 1.5374597944280351e-12], [10, 2.088487583762545e-45], [-1, 1.842700792949715], [-0.2, 1.2227025892104786],
    ];
    for (const [x, want] of reference) expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-12);
    expect(erfc(0)).toBe(1);
  });

  it('normalCdf gives the textbook quantiles', () => {
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('two-proportion test: 200/1000 vs 250/1000 gives z 2.68, p 0.0074 and the unpooled 95% interval', () => {
    const t = twoProportionTest(200, 1000, 250, 1000)!;
    expect(t.z).toBeCloseTo(2.677397763008329, 10);
    expect(t.pValue).toBeCloseTo(0.007419649261025693, 12);
    expect(t.low).toBeCloseTo(0.013463621687539853, 12);
    expect(t.high).toBeCloseTo(0.08653637831246015, 12);
  });

  it('two-proportion test: no trials gives no test; identical all-zero arms give p = 1', () => {
    expect(twoProportionTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionTest(0, 50, 0, 50)).toEqual({ difference: 0, z: null, pValue: 1, low: 0, high: 0 });
  });

  it('buildAbTest: fewer than two variants or no control means no A/B test', () => {
    const arm = (name: string, isControl: boolean) => ({ id: name, campaignId: 'c', name, isControl, delivered: 500, converted: 50 });
    expect(buildAbTest([arm('A', true)])).toBeNull();
    expect(buildAbTest([arm('A', false), arm('B', false)])).toBeNull();
  });

  it('buildAbTest: a significant loss is not a win', () => {
    const t = buildAbTest([
      { id: 'a', campaignId: 'c', name: 'A', isControl: true, delivered: 1000, converted: 250 },
      { id: 'b', campaignId: 'c', name: 'B', isControl: false, delivered: 1000, converted: 200 },
    ])!;
    expect([t.winner, t.significant, t.verdict, t.minimumSamplePerArm]).toEqual([
      null, false, 'no variant beats control A: B is -5.0 pts, p=0.007', MINIMUM_SAMPLE_PER_ARM,
    ]);
  });
});

describe('queries', () => {
  const CAMPAIGN = `query ($id: ID!) { campaign(id: $id) {
    id name channel status budget { amount currency } spend { amount currency } startsAt endsAt
    segment { id } owner { id } variants { id name isControl funnel ${FUNNEL} } funnel ${FUNNEL} abTest ${AB} } }`;

  it('campaign: fields, money, variants control first, funnels of unique customers, small-sample A/B verdict', async () => {
    expect(await gql(read, CAMPAIGN, { id: 'c-spring' })).toEqual({ data: { campaign: {
      id: 'c-spring', name: 'Spring Sale', channel: 'EMAIL', status: 'ACTIVE',
      budget: money('1500.00', 'EUR'), spend: money('420.50', 'EUR'),
      startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z',
      segment: { id: 'seg-1' }, owner: { id: 'emp-1' },
      // A: cus-1 (opened twice, converted) and cus-3 (bounced); B: cus-2 (unsubscribed) and cus-4 (clicked).
      variants: [
        { id: 'v-sp-a', name: 'A', isControl: true, funnel: funnel(2, 1, 1, 1, 1, 0, 1) },
        { id: 'v-sp-b', name: 'B', isControl: false, funnel: funnel(2, 2, 2, 1, 0, 1, 0) },
      ],
      // All variants plus cus-5, who has no variant.
      funnel: funnel(5, 4, 3, 2, 1, 1, 1),
      abTest: {
        control: { id: 'v-sp-a', name: 'A' }, winner: null, significant: false,
        verdict: 'not yet significant: arm A has 1 delivered, needs 100', minimumSamplePerArm: 100,
        results: [control('A', 1, 1), challenger('B', 1, 1, 0, 2, 0.0832645166635505)],
      },
    } } });
  });

  it('campaign: a significant winner, ignoring a better but under-sampled arm', async () => {
    const q = `query ($id: ID!) { campaign(id: $id) { budget { amount currency } funnel ${FUNNEL}
      variants { name funnel { sent delivered converted } } abTest ${AB} } }`;
    expect(await gql(read, q, { id: 'c-winter' })).toEqual({ data: { campaign: {
      budget: money('100000', 'JPY'),
      funnel: funnel(2080, 2080, 0, 0, 480, 0, 0),
      variants: [
        { name: 'A', funnel: { sent: 1000, delivered: 1000, converted: 200 } },
        { name: 'B', funnel: { sent: 1000, delivered: 1000, converted: 250 } },
        { name: 'C', funnel: { sent: 80, delivered: 80, converted: 30 } },
      ],
      abTest: {
        control: { id: 'v-wi-a', name: 'A' }, winner: { name: 'B' }, significant: true,
        verdict: 'B beats control A: +5.0 pts, p=0.007', minimumSamplePerArm: 100,
        results: [
          control('A', 200, 1000),
          challenger('B', 200, 1000, 250, 1000, 0.007419649261025693),
          challenger('C', 200, 1000, 30, 80, 0.00023421442297015917),
        ],
      },
    } } });
  });

  it('campaign: not significant with enough data; no A/B test without variants; empty funnel rates are null; unknown id', async () => {
    const q = `{ autumn: campaign(id: "c-autumn") { spend { amount currency } abTest ${AB} }
      summer: campaign(id: "c-summer") { variants { id } abTest { verdict } funnel ${FUNNEL} }
      empty: campaign(id: "c-empty") { budget { amount currency } segment { id } owner { id } variants { id } abTest { verdict } funnel ${FUNNEL} }
      none: campaign(id: "nope") { id } }`;
    expect(await gql(read, q)).toEqual({ data: {
      autumn: { spend: money('19.99', 'GBP'), abTest: {
        control: { id: 'v-au-a', name: 'A' }, winner: null, significant: false,
        verdict: 'not yet significant: p=0.44 (B vs control A)', minimumSamplePerArm: 100,
        results: [control('A', 100, 500), challenger('B', 100, 500, 110, 500, 0.4375220459061691)],
      } },
      summer: { variants: [], abTest: null, funnel: funnel(1, 1, 1, 1, 0, 0, 0) },
      empty: { budget: money('0.00', 'EUR'), segment: null, owner: null, variants: [], abTest: null, funnel: funnel(0, 0, 0, 0, 0, 0, 0) },
      none: null,
    } });
  });

  const LIST = `query ($first: Int, $after: String, $filter: CampaignFilter, $orderBy: CampaignOrder) {
    campaigns(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const page = (nodes: [unknown, string][], hasNextPage: boolean, hasPreviousPage: boolean) => {
    const edges = nodes.map(([sort, id]) => ({ cursor: encodeCursor(sort, id), node: { id } }));
    return { data: { campaigns: { edges, pageInfo: {
      hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null,
    } } } };
  };
  const at = (iso: string) => new Date(iso);
  const START = {
    'c-autumn': at('2025-10-01T00:00:00Z'), 'c-winter': at('2026-01-10T00:00:00Z'), 'c-spring': at('2026-03-01T00:00:00Z'),
    'c-summer': at('2026-06-01T00:00:00Z'), 'c-empty': at('2026-09-01T00:00:00Z'), b01: at('2030-01-02T00:00:00Z'),
  };
  const byStart = (...ids: (keyof typeof START)[]) => ids.map((id): [unknown, string] => [START[id], id]);

  it('campaigns: by start date by default, paged with cursors', async () => {
    expect(await gql(read, LIST, { first: 5 })).toEqual(
      page(byStart('c-autumn', 'c-winter', 'c-spring', 'c-summer', 'c-empty'), true, false),
    );
    expect(await gql(read, LIST, { first: 2 })).toEqual(page(byStart('c-autumn', 'c-winter'), true, false));
    const after = encodeCursor(START['c-winter'], 'c-winter');
    expect(await gql(read, LIST, { first: 2, after })).toEqual(page(byStart('c-spring', 'c-summer'), true, true));
    const last = encodeCursor(at('2030-01-20T00:00:00Z'), 'b19');
    expect(await gql(read, LIST, { first: 2, after: last })).toEqual(page([[at('2030-01-21T00:00:00Z'), 'b20']], false, true));
  });

  it('campaigns: by name either way', async () => {
    expect(await gql(read, LIST, { first: 3, orderBy: { field: 'NAME' } })).toEqual(
      page([['Autumn Email', 'c-autumn'], ['Empty Draft', 'c-empty'], ['Spring Sale', 'c-spring']], true, false),
    );
    expect(await gql(read, LIST, { filter: { ownerId: 'emp-2' }, orderBy: { field: 'NAME', direction: 'DESC' } })).toEqual(
      page([['Summer Push', 'c-summer'], ['Autumn Email', 'c-autumn']], false, false),
    );
  });

  it('campaigns: filtered by channel, status, segment, owner and their combination', async () => {
    expect(await gql(read, LIST, { first: 3, filter: { channel: 'EMAIL' } })).toEqual(
      page(byStart('c-autumn', 'c-spring', 'b01'), true, false),
    );
    expect(await gql(read, LIST, { filter: { status: 'COMPLETED' } })).toEqual(page(byStart('c-winter', 'c-summer'), false, false));
    expect(await gql(read, LIST, { filter: { segmentId: 'seg-1' } })).toEqual(page(byStart('c-spring', 'c-summer'), false, false));
    expect(await gql(read, LIST, { filter: { ownerId: 'emp-1' } })).toEqual(page(byStart('c-winter', 'c-spring'), false, false));
    expect(await gql(read, LIST, { filter: { channel: 'EMAIL', status: 'ACTIVE', ownerId: 'emp-2' } })).toEqual(
      page(byStart('c-autumn'), false, false),
    );
  });

  it('campaigns: refuses oversized pages and foreign cursors', async () => {
    const err = (field: string, message: string) => ({ data: null, errors: [{
      message: `${field}: ${message}`, locations: [loc(LIST, 'campaigns(')], path: ['campaigns'],
      extensions: { code: 'BAD_USER_INPUT', field },
    }] });
    expect(await gql(read, LIST, { first: 101 })).toEqual(err('first', 'must be from 1 to 100, got 101'));
    expect(await gql(read, LIST, { first: 0 })).toEqual(err('first', 'must be from 1 to 100, got 0'));
    expect(await gql(read, LIST, { after: 'not-a-cursor' })).toEqual(err('after', 'is not a cursor returned by this list'));
  });
});

describe('entities', () => {
  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Campaign { id name status spend { amount currency } variants { name } abTest { verdict } funnel { sent clicked } }
    ... on Customer { id engagement { score lastTouchAt
      touches(first: 3) { id type occurredAt campaign { id name } variant { id name } customer { id } } } }
    ... on Segment { id campaigns { id name } }
    ... on Employee { id ownedCampaigns { id startsAt } } } }`;

  async function eventIds(): Promise<Map<string, string>> {
    const rows = await read.db.query<{ key: string; id: string }>(
      `SELECT client_key AS key, id::text AS id FROM campaigns.events WHERE client_key ~ '^(sp|su)-'`,
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  it('resolves Campaign references, null for unknown ids', async () => {
    const reps = [{ __typename: 'Campaign', id: 'c-summer' }, { __typename: 'Campaign', id: 'nope' }, { __typename: 'Campaign', id: 'c-winter' }];
    expect(await gql(read, ENTITIES, { reps })).toEqual({ data: { _entities: [
      { id: 'c-summer', name: 'Summer Push', status: 'COMPLETED', spend: money('499.99', 'USD'), variants: [], abTest: null,
        funnel: { sent: 1, clicked: 1 } },
      null,
      { id: 'c-winter', name: 'Winter SMS', status: 'COMPLETED', spend: money('25000', 'JPY'),
        variants: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], abTest: { verdict: 'B beats control A: +5.0 pts, p=0.007' },
        funnel: { sent: 2080, clicked: 0 } },
    ] } });
  });

  it('resolves Customer references with engagement: 90-day score, last touch, newest touches first', async () => {
    const id = await eventIds();
    const touch = (key: string, type: string, occurredAt: string, campaign: string, variant: [string, string] | null, customer: string) => ({
      id: id.get(key), type, occurredAt,
      campaign: { id: campaign, name: campaign === 'c-spring' ? 'Spring Sale' : 'Summer Push' },
      variant: variant && { id: variant[0], name: variant[1] }, customer: { id: customer },
    });
    const reps = ['cus-1', 'cus-2', 'cus-3', 'cus-4', 'nobody'].map((c) => ({ __typename: 'Customer', id: c }));
    expect(await gql(read, ENTITIES, { reps })).toEqual({ data: { _entities: [
      // Latest touch 2026-06-03: its March events are more than 90 days older, so only opened 1 + clicked 3 count.
      { id: 'cus-1', engagement: { score: 4, lastTouchAt: '2026-06-03T07:00:00.000Z', touches: [
        // su-3 and su-4 share occurred_at: the later id comes first.
        touch('su-4', 'CLICKED', '2026-06-03T07:00:00.000Z', 'c-summer', null, 'cus-1'),
        touch('su-3', 'OPENED', '2026-06-03T07:00:00.000Z', 'c-summer', null, 'cus-1'),
        touch('su-2', 'DELIVERED', '2026-06-02T08:01:00.000Z', 'c-summer', null, 'cus-1'),
      ] } },
      // opened 1 + unsubscribed -10 = -9, floored at 0.
      { id: 'cus-2', engagement: { score: 0, lastTouchAt: '2026-03-05T10:01:00.000Z', touches: [
        touch('sp-10', 'UNSUBSCRIBED', '2026-03-05T10:01:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-2'),
        touch('sp-9', 'OPENED', '2026-03-05T10:00:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-2'),
        touch('sp-8', 'DELIVERED', '2026-03-02T09:01:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-2'),
      ] } },
      { id: 'cus-3', engagement: { score: 0, lastTouchAt: '2026-03-02T09:02:00.000Z', touches: [
        touch('sp-12', 'BOUNCED', '2026-03-02T09:02:00.000Z', 'c-spring', ['v-sp-a', 'A'], 'cus-3'),
        touch('sp-11', 'SENT', '2026-03-02T09:00:00.000Z', 'c-spring', ['v-sp-a', 'A'], 'cus-3'),
      ] } },
      { id: 'cus-4', engagement: { score: 4, lastTouchAt: '2026-03-06T11:02:00.000Z', touches: [
        touch('sp-16', 'CLICKED', '2026-03-06T11:02:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-4'),
        touch('sp-15', 'OPENED', '2026-03-06T11:00:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-4'),
        touch('sp-14', 'DELIVERED', '2026-03-02T09:01:00.000Z', 'c-spring', ['v-sp-b', 'B'], 'cus-4'),
      ] } },
      { id: 'nobody', engagement: { score: 0, lastTouchAt: null, touches: [] } },
    ] } });
  });

  it('resolves Segment and Employee references with their campaigns, newest first', async () => {
    const reps = [
      { __typename: 'Segment', id: 'seg-1' }, { __typename: 'Segment', id: 'seg-2' }, { __typename: 'Segment', id: 'seg-none' },
      { __typename: 'Employee', id: 'emp-1' }, { __typename: 'Employee', id: 'emp-2' }, { __typename: 'Employee', id: 'emp-none' },
    ];
    expect(await gql(read, ENTITIES, { reps })).toEqual({ data: { _entities: [
      { id: 'seg-1', campaigns: [{ id: 'c-summer', name: 'Summer Push' }, { id: 'c-spring', name: 'Spring Sale' }] },
      { id: 'seg-2', campaigns: [{ id: 'c-winter', name: 'Winter SMS' }] },
      { id: 'seg-none', campaigns: [] },
      { id: 'emp-1', ownedCampaigns: [{ id: 'c-spring', startsAt: '2026-03-01T00:00:00.000Z' }, { id: 'c-winter', startsAt: '2026-01-10T00:00:00.000Z' }] },
      { id: 'emp-2', ownedCampaigns: [{ id: 'c-summer', startsAt: '2026-06-01T00:00:00.000Z' }, { id: 'c-autumn', startsAt: '2025-10-01T00:00:00.000Z' }] },
      { id: 'emp-none', ownedCampaigns: [] },
    ] } });
  });
});

describe('batching', () => {
  const nn = (i: number) => String(i + 1).padStart(2, '0');
  const verdict = 'not yet significant: arm A has 1 delivered, needs 100';
  // Each batch campaign bNN: variants A (control) and B; customer bc-NN was sent, delivered and opened with A.
  const cases = [
    {
      entity: 'Campaign', rep: (i: number) => ({ id: `b${nn(i)}` }), statements: 5,
      fields: `... on Campaign { name funnel { sent openRate } variants { name funnel { delivered } } abTest { verdict results { pValue } } }`,
      expected: (i: number) => ({ name: `Zz Batch ${nn(i)}`, funnel: { sent: 1, openRate: 1 },
        variants: [{ name: 'A', funnel: { delivered: 1 } }, { name: 'B', funnel: { delivered: 0 } }],
        abTest: { verdict, results: [{ pValue: null }, { pValue: null }] } }),
    },
    {
      entity: 'Customer', rep: (i: number) => ({ id: `bc-${nn(i)}` }), statements: 5,
      fields: `... on Customer { engagement { score lastTouchAt touches(first: 2) { type campaign { name variants { name } } variant { name } } } }`,
      expected: (i: number) => {
        const campaign = { name: `Zz Batch ${nn(i)}`, variants: [{ name: 'A' }, { name: 'B' }] };
        return { engagement: { score: 1, lastTouchAt: '2030-02-01T03:00:00.000Z', touches: [
          { type: 'OPENED', campaign, variant: { name: 'A' } }, { type: 'DELIVERED', campaign, variant: { name: 'A' } },
        ] } };
      },
    },
    {
      entity: 'Segment', rep: (i: number) => ({ id: `seg-b${nn(i)}` }), statements: 3,
      fields: `... on Segment { campaigns { id funnel { sent } abTest { significant } } }`,
      expected: (i: number) => ({ campaigns: [{ id: `b${nn(i)}`, funnel: { sent: 1 }, abTest: { significant: false } }] }),
    },
    {
      entity: 'Employee', rep: (i: number) => ({ id: `emp-b${nn(i)}` }), statements: 2,
      fields: `... on Employee { ownedCampaigns { id variants { name } } }`,
      expected: (i: number) => ({ ownedCampaigns: [{ id: `b${nn(i)}`, variants: [{ name: 'A' }, { name: 'B' }] }] }),
    },
  ];

  it.each(cases)('$entity: 20 representations cost the same $statements statements as 2', async (c) => {
    const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${c.fields} } }`;
    const run = async (n: number) => {
      const reps = Array.from({ length: n }, (_, i) => ({ __typename: c.entity, ...c.rep(i) }));
      const before = read.db.statements;
      const body = await gql(read, q, { reps });
      expect(body).toEqual({ data: { _entities: Array.from({ length: n }, (_, i) => c.expected(i)) } });
      return read.db.statements - before;
    };
    const two = await run(2);
    const twenty = await run(20);
    expect([two, twenty]).toEqual([c.statements, c.statements]);
  });
});

describe('createCampaign', () => {
  const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) {
    id name channel status budget { amount currency } spend { amount currency } startsAt endsAt
    segment { id } owner { id } variants { name isControl } funnel { sent deliveryRate } abTest ${AB} } }`;
  const base = {
    name: ' Black Friday ', channel: 'SMS', budget: { amount: '2500.5', currency: 'EUR' },
    startsAt: '2026-11-20T00:00:00Z', endsAt: '2026-11-30T00:00:00Z', segmentId: 'seg-9', ownerId: 'emp-9',
  };
  const counts = async () =>
    (await write.db.query<{ campaigns: number; variants: number }>(
      `SELECT (SELECT count(*)::int FROM campaigns.campaigns) AS campaigns, (SELECT count(*)::int FROM campaigns.variants) AS variants`,
    ))[0];

  it('creates a DRAFT campaign with its variants in one transaction', async () => {
    const input = { ...base, variants: [{ name: 'Long copy', isControl: false }, { name: 'Short copy', isControl: true }] };
    const body = (await gql(write, CREATE, { input })) as { data: { createCampaign: { id: string } } };
    expect(body).toEqual({ data: { createCampaign: {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Black Friday', channel: 'SMS', status: 'DRAFT',
      budget: money('2500.50', 'EUR'), spend: money('0.00', 'EUR'),
      startsAt: '2026-11-20T00:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z', segment: { id: 'seg-9' }, owner: { id: 'emp-9' },
      variants: [{ name: 'Short copy', isControl: true }, { name: 'Long copy', isControl: false }],
      funnel: { sent: 0, deliveryRate: null },
      abTest: {
        control: { id: expect.any(String), name: 'Short copy' }, winner: null, significant: false,
        verdict: 'not yet significant: arm Short copy has 0 delivered, needs 100', minimumSamplePerArm: 100,
        // Nobody delivered in either arm: no rates, so no lift, test or interval for the challenger either.
        results: [control('Short copy', 0, 0), control('Long copy', 0, 0)],
      },
    } } });
    const id = body.data.createCampaign.id;
    expect(await write.db.query(
      `SELECT name, status, currency, budget_minor::text AS budget, spend_minor::text AS spend, segment_id, owner_id,
         (SELECT array_agg(name || ':' || is_control ORDER BY name) FROM campaigns.variants WHERE campaign_id = $1) AS variants
       FROM campaigns.campaigns WHERE id = $1`, [id],
    )).toEqual([{ name: 'Black Friday', status: 'DRAFT', currency: 'EUR', budget: '250050', spend: '0',
      segment_id: 'seg-9', owner_id: 'emp-9', variants: ['Long copy:false', 'Short copy:true'] }]);
  });

  it('creates a campaign without variants, optional references and a zero budget in a 0-decimal currency', async () => {
    const input = { ...base, name: 'No test', budget: { amount: '0', currency: 'JPY' }, segmentId: null, ownerId: null };
    const q = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) {
      name budget { amount currency } segment { id } owner { id } variants { name } abTest { verdict } } }`;
    expect(await gql(write, q, { input })).toEqual({ data: { createCampaign: {
      name: 'No test', budget: money('0', 'JPY'), segment: null, owner: null, variants: [], abTest: null,
    } } });
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ['blank name', { name: '  ' }, 'input.name', 'must not be empty'],
    ['unknown currency', { budget: { amount: '10', currency: 'XXX' } }, 'input.budget.currency',
      'unsupported currency "XXX"; expected one of EUR, USD, GBP, CHF, SEK, NOK, DKK, PLN, CAD, AUD, JPY'],
    ['too many decimals', { budget: { amount: '12.345', currency: 'EUR' } }, 'input.budget.amount', '"12.345" has more than 2 decimals for EUR'],
    ['not an amount', { budget: { amount: 'lots', currency: 'EUR' } }, 'input.budget.amount', '"lots" is not a decimal amount'],
    ['negative budget', { budget: { amount: '-5.00', currency: 'EUR' } }, 'input.budget.amount', 'must not be negative'],
    ['window ends at its start', { endsAt: '2026-11-20T00:00:00Z' }, 'input.endsAt', 'must be after input.startsAt'],
    ['window ends before its start', { endsAt: '2026-11-19T00:00:00Z' }, 'input.endsAt', 'must be after input.startsAt'],
    ['one variant', { variants: [{ name: 'A', isControl: true }] }, 'input.variants', 'must be empty or have at least two variants'],
    ['two controls', { variants: [{ name: 'A', isControl: true }, { name: 'B', isControl: true }] }, 'input.variants',
      'must have exactly one control variant, got 2'],
    ['no control', { variants: [{ name: 'A', isControl: false }, { name: 'B', isControl: false }] }, 'input.variants',
      'must have exactly one control variant, got 0'],
    ['duplicate variant names', { variants: [{ name: 'A', isControl: true }, { name: ' A', isControl: false }] }, 'input.variants[1].name',
      '"A" is used by another variant'],
    ['blank variant name', { variants: [{ name: '', isControl: true }, { name: 'B', isControl: false }] }, 'input.variants[0].name',
      'must not be empty'],
  ];

  it.each(invalid)('refuses %s, naming the field, and writes nothing', async (_label, change, field, message) => {
    const before = await counts();
    const q = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
    expect(await gql(write, q, { input: { ...base, variants: [{ name: 'A', isControl: true }, { name: 'B', isControl: false }], ...change } })).toEqual({
      data: null,
      errors: [{ message: `${field}: ${message}`, locations: [loc(q, 'createCampaign(')], path: ['createCampaign'],
        extensions: { code: 'BAD_USER_INPUT', field } }],
    });
    expect(await counts()).toEqual(before);
  });
});

describe('recordEngagementEvents', () => {
  const RECORD = `mutation ($events: [EngagementEventInput!]!) { recordEngagementEvents(events: $events) { received stored duplicates } }`;
  const event = (clientKey: string, more: Record<string, unknown> = {}) => ({
    clientKey, campaignId: 'c-spring', variantId: 'v-sp-b', customerId: 'm-1', type: 'OPENED', occurredAt: '2026-03-10T12:00:00Z', ...more,
  });
  const stored = async (prefix: string) =>
    write.db.query<Record<string, unknown>>(
      `SELECT client_key, campaign_id, variant_id, customer_id, type, occurred_at FROM campaigns.events
       WHERE client_key LIKE $1 ORDER BY client_key`, [`${prefix}%`],
    );

  it('stores a batch once: a re-send stores only the new event', async () => {
    const first = [
      event('idem-1'),
      event('idem-2', { variantId: null, type: 'CLICKED' }),
      event('idem-3', { campaignId: 'c-summer', variantId: null, customerId: 'm-2', type: 'CONVERTED', occurredAt: '2026-06-10T00:00:00.000+02:00' }),
    ];
    expect(await gql(write, RECORD, { events: first })).toEqual({ data: { recordEngagementEvents: { received: 3, stored: 3, duplicates: 0 } } });
    const again = [...first, event('idem-4', { customerId: 'm-3', type: 'SENT' })];
    expect(await gql(write, RECORD, { events: again })).toEqual({ data: { recordEngagementEvents: { received: 4, stored: 1, duplicates: 3 } } });
    const row = (k: string, campaign: string, variant: string | null, customer: string, type: string, iso: string) => ({
      client_key: k, campaign_id: campaign, variant_id: variant, customer_id: customer, type, occurred_at: new Date(iso),
    });
    expect(await stored('idem-')).toEqual([
      row('idem-1', 'c-spring', 'v-sp-b', 'm-1', 'OPENED', '2026-03-10T12:00:00Z'),
      row('idem-2', 'c-spring', null, 'm-1', 'CLICKED', '2026-03-10T12:00:00Z'),
      row('idem-3', 'c-summer', null, 'm-2', 'CONVERTED', '2026-06-09T22:00:00Z'),
      row('idem-4', 'c-spring', 'v-sp-b', 'm-3', 'SENT', '2026-03-10T12:00:00Z'),
    ]);
  });

  it('stores 10,000 events with one check of campaigns, one of variants and one insert', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      event(`big-${i}`, { variantId: i % 2 ? 'v-sp-a' : null, customerId: `big-${i % 100}`, occurredAt: new Date(Date.UTC(2026, 2, 10) + i * 1000).toISOString() }));
    const before = write.db.statements;
    expect(await gql(write, RECORD, { events })).toEqual({ data: { recordEngagementEvents: { received: 10_000, stored: 10_000, duplicates: 0 } } });
    // BEGIN, campaigns, variants, INSERT, COMMIT.
    expect(write.db.statements - before).toBe(5);
    expect(await write.db.query(`SELECT count(*)::int AS n FROM campaigns.events WHERE client_key LIKE 'big-%'`)).toEqual([{ n: 10_000 }]);
  });

  const invalid: [string, Record<string, unknown>[], string, string, string][] = [
    ['an empty batch', [], 'BAD_USER_INPUT', 'events', 'events: must contain at least one event'],
    ['an unknown campaign', [event('bad-1'), event('bad-2', { campaignId: 'nope', variantId: null })],
      'CAMPAIGNS_CAMPAIGN_NOT_FOUND', 'events[1].campaignId', 'campaign "nope" not found'],
    ['a variant of another campaign', [event('bad-1'), event('bad-2', { variantId: 'v-wi-b' })],
      'CAMPAIGNS_VARIANT_NOT_FOUND', 'events[1].variantId', 'variant "v-wi-b" not found in campaign "c-spring"'],
    ['an unknown variant', [event('bad-1', { variantId: 'ghost' })],
      'CAMPAIGNS_VARIANT_NOT_FOUND', 'events[0].variantId', 'variant "ghost" not found in campaign "c-spring"'],
    ['a client key twice', [event('bad-1'), event('bad-1')], 'BAD_USER_INPUT', 'events[1].clientKey', 'events[1].clientKey: "bad-1" appears twice in the batch'],
    ['a blank client key', [event('')], 'BAD_USER_INPUT', 'events[0].clientKey', 'events[0].clientKey: must be 1-128 printable characters'],
    ['a blank customer', [event('bad-1'), event('bad-2', { customerId: ' ' })], 'BAD_USER_INPUT', 'events[1].customerId', 'events[1].customerId: must not be empty'],
    ['10,001 events', Array.from({ length: 10_001 }, (_, i) => event(`bad-${i}`)), 'CAMPAIGNS_BATCH_TOO_LARGE', 'events', 'at most 10000 events per call'],
  ];

  it.each(invalid)('refuses %s, naming the field, and writes nothing', async (_label, events, code, field, message) => {
    const total = async () => (await write.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.events`))[0].n;
    const before = await total();
    expect(await gql(write, RECORD, { events })).toEqual({
      data: null,
      errors: [{ message, locations: [loc(RECORD, 'recordEngagementEvents(')], path: ['recordEngagementEvents'], extensions: { code, field } }],
    });
    expect(await total()).toBe(before);
  });
});
