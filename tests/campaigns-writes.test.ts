import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loc, startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';
import { campaigns } from '../subgraphs/campaigns/src/app.ts';
import { AB, FIXTURE, control, money } from './helpers/campaigns-fixture.ts';

let write: SubgraphUnderTest;

beforeAll(async () => {
  write = await startSubgraph(campaigns, (db) => db.query(FIXTURE));
});

afterAll(async () => {
  await write?.close();
});

const gql = (world: SubgraphUnderTest, query: string, variables: Record<string, unknown> = {}): Promise<unknown> =>
  world.gql(query, variables);

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

  it('stores 10,000 events with one check of campaigns, one of variants, one insert of events and one audit row', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      event(`big-${i}`, { variantId: i % 2 ? 'v-sp-a' : null, customerId: `big-${i % 100}`, occurredAt: new Date(Date.UTC(2026, 2, 10) + i * 1000).toISOString() }));
    const audited = async () =>
      (await write.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.audit_log WHERE kind = 'WRITE' AND fields = ARRAY['Mutation.recordEngagementEvents']`,
      ))[0].n;
    const auditedBefore = await audited();
    const before = write.db.statements;
    expect(await gql(write, RECORD, { events })).toEqual({ data: { recordEngagementEvents: { received: 10_000, stored: 10_000, duplicates: 0 } } });
    // BEGIN, campaigns, variants, feed lock, INSERT of the events, INSERT of the audit row (same transaction), COMMIT.
    expect(write.db.statements - before).toBe(7);
    expect(await write.db.query(`SELECT count(*)::int AS n FROM campaigns.events WHERE client_key LIKE 'big-%'`)).toEqual([{ n: 10_000 }]);
    expect(await audited()).toBe(auditedBefore + 1);
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

