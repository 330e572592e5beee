import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loc, startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';
import { encodeCursor } from '../subgraphs/kit/src/pagination.ts';
import { campaigns } from '../subgraphs/campaigns/src/app.ts';
import { AB, FIXTURE, FUNNEL, challenger, control, funnel, money } from './helpers/campaigns-fixture.ts';

let read: SubgraphUnderTest;

beforeAll(async () => {
  read = await startSubgraph(campaigns, (db) => db.query(FIXTURE));
});

afterAll(async () => {
  await read?.close();
});

const gql = (world: SubgraphUnderTest, query: string, variables: Record<string, unknown> = {}): Promise<unknown> =>
  world.gql(query, variables);

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
  const page = (nodes: [string | Date, string][], hasNextPage: boolean, hasPreviousPage: boolean) => {
    const edges = nodes.map(([value, id]) => ({ cursor: encodeCursor(value instanceof Date ? 'STARTS_AT' : 'NAME', value, id), node: { id } }));
    return { data: { campaigns: { edges, pageInfo: {
      hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null,
    } } } };
  };
  const at = (iso: string) => new Date(iso);
  const START = {
    'c-autumn': at('2025-10-01T00:00:00Z'), 'c-winter': at('2026-01-10T00:00:00Z'), 'c-spring': at('2026-03-01T00:00:00Z'),
    'c-summer': at('2026-06-01T00:00:00Z'), 'c-empty': at('2026-09-01T00:00:00Z'), b01: at('2030-01-02T00:00:00Z'),
  };
  const byStart = (...ids: (keyof typeof START)[]) => ids.map((id): [Date, string] => [START[id], id]);

  it('campaigns: by start date by default, paged with cursors', async () => {
    expect(await gql(read, LIST, { first: 5 })).toEqual(
      page(byStart('c-autumn', 'c-winter', 'c-spring', 'c-summer', 'c-empty'), true, false),
    );
    expect(await gql(read, LIST, { first: 2 })).toEqual(page(byStart('c-autumn', 'c-winter'), true, false));
    const after = encodeCursor('STARTS_AT', START['c-winter'], 'c-winter');
    expect(await gql(read, LIST, { first: 2, after })).toEqual(page(byStart('c-spring', 'c-summer'), true, true));
    const last = encodeCursor('STARTS_AT', at('2030-01-20T00:00:00Z'), 'b19');
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

