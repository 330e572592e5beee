import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphResponse, type TestGraph } from './helpers/graph.ts';

// Audiences through the gateway against the source facts: CRM's consents and campaigns'
// UNSUBSCRIBED/BOUNCED events (not CRM's suppressions projection, which is under test).
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

const AUDIENCE = /* GraphQL */ `
  query Audience($channel: Channel!, $segmentId: ID, $lifecycleStage: LifecycleStage, $minNps: Int, $maxNps: Int, $after: String) {
    audience(channel: $channel, segmentId: $segmentId, lifecycleStage: $lifecycleStage, minNps: $minNps, maxNps: $maxNps, first: 100, after: $after) {
      edges { node { id } } pageInfo { hasNextPage endCursor }
    }
  }`;

type Page = { audience: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

async function audience(variables: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: GraphResponse<Page> = await graph.gql<Page>(AUDIENCE, { ...variables, after });
    expect(res.body.errors).toBeUndefined();
    const a: Page['audience'] = res.body.data!.audience;
    ids.push(...a.edges.map((e) => e.node.id));
    if (!a.pageInfo.hasNextPage) return ids;
    after = a.pageInfo.endCursor;
  }
  throw new Error('audience did not end');
}

/** The legal audience straight from the source tables of both departments. */
async function expected(channel: string, where = 'true', params: unknown[] = []): Promise<string[]> {
  const rows = await graph.db.query<{ id: string }>(
    `SELECT c.id FROM crm.customers c
     JOIN crm.consents k ON k.customer_id = c.id AND k.channel = $1 AND k.granted
     WHERE NOT EXISTS (
       SELECT 1 FROM campaigns.events e JOIN campaigns.campaigns m ON m.id = e.campaign_id
       WHERE e.customer_id = c.id AND m.channel = $1 AND e.type IN ('UNSUBSCRIBED', 'BOUNCED') AND e.occurred_at >= k.recorded_at)
       AND ${where}
     ORDER BY c.id`,
    [channel, ...params],
  );
  return rows.map((r) => r.id);
}

const gqlOk = async (query: string, variables: Record<string, unknown>) => {
  const res = await graph.gql(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};

describe('audience', () => {
  it.each(['EMAIL', 'SMS', 'PUSH', 'PHONE'])('on %s: consented customers minus unsubscribes and bounces after the consent', async (channel) => {
    const ids = await audience({ channel });
    expect(ids).toEqual(await expected(channel));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('filters by segment, lifecycle stage and latest NPS', async () => {
    const [{ id: segmentId }] = await graph.db.query<{ id: string }>(`SELECT id FROM crm.segments ORDER BY id LIMIT 1`);
    expect(await audience({ channel: 'EMAIL', segmentId, lifecycleStage: 'CUSTOMER' })).toEqual(
      await expected('EMAIL', `c.segment_id = $2 AND c.lifecycle_stage = 'CUSTOMER'`, [segmentId]),
    );
    const latestNps = `(SELECT score FROM crm.satisfaction_responses r WHERE r.customer_id = c.id AND r.kind = 'NPS' ORDER BY responded_at DESC, r.id DESC LIMIT 1)`;
    const promoters = await audience({ channel: 'EMAIL', minNps: 9 });
    expect(promoters).toEqual(await expected('EMAIL', `${latestNps} >= 9`));
    expect(promoters.length).toBeGreaterThan(0);
    expect(await audience({ channel: 'EMAIL', maxNps: 6 })).toEqual(await expected('EMAIL', `${latestNps} <= 6`));
  });

  it('drops a customer who withdraws consent, and one who unsubscribes until they consent again', async () => {
    const [a, b] = await graph.db.query<{ id: string }>(
      `SELECT customer_id AS id FROM crm.consents WHERE channel = 'EMAIL' AND granted ORDER BY customer_id LIMIT 2`,
    );
    const [{ id: campaignId }] = await graph.db.query<{ id: string }>(`SELECT id FROM campaigns.campaigns WHERE channel = 'EMAIL' LIMIT 1`);
    const consent = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { granted } }`;
    await gqlOk(consent, { input: { customerId: a.id, channel: 'EMAIL', granted: false, source: 'preference-center' } });
    await gqlOk(`mutation($e: [EngagementEventInput!]!) { recordEngagementEvents(events: $e) { stored } }`, {
      e: [{ clientKey: `unsub-${b.id}`, campaignId, customerId: b.id, type: 'UNSUBSCRIBED', occurredAt: new Date().toISOString() }],
    });
    expect(await graph.syncFeeds()).toBeGreaterThanOrEqual(1);
    const after = await audience({ channel: 'EMAIL' });
    expect(after).not.toContain(a.id);
    expect(after).not.toContain(b.id);
    expect(after).toEqual(await expected('EMAIL'));
    // A bounce on another channel does not touch EMAIL; a new consent after the unsubscribe wins.
    await gqlOk(consent, { input: { customerId: b.id, channel: 'EMAIL', granted: true, source: 'signup-form' } });
    expect(await audience({ channel: 'EMAIL' })).toContain(b.id);
  });

  it('never returns a customer without a granted consent for the channel', async () => {
    const ids = await audience({ channel: 'SMS' });
    const consented = await graph.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crm.consents WHERE channel = 'SMS' AND granted AND customer_id = ANY($1)`,
      [ids],
    );
    expect(consented).toEqual([{ n: ids.length }]);
  });

  it('refuses NPS bounds outside 0..10 naming the argument', async () => {
    const res = await graph.gql(AUDIENCE, { channel: 'EMAIL', minNps: 11 });
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'minNps']]);
  });
});

describe('suppressions projection', () => {
  it('follows the engagement feed idempotently and records its position', async () => {
    expect(await graph.syncFeeds()).toBe(0);
    const [{ max }] = await graph.db.query<{ max: string }>(`SELECT max(id)::text AS max FROM campaigns.events`);
    expect(await gqlOk('{ suppressionFeedPosition }', {})).toEqual({ suppressionFeedPosition: max });
    // One row per customer, channel and reason, at the latest such event (rows of other tests' campaigns aside).
    const projected = await graph.db.query(
      `SELECT customer_id, channel, reason, occurred_at FROM crm.suppressions
       WHERE source IN (SELECT id FROM campaigns.campaigns) ORDER BY 1, 2, 3`,
    );
    const fromEvents = await graph.db.query(
      `SELECT e.customer_id, m.channel, e.type AS reason, max(e.occurred_at) AS occurred_at FROM campaigns.events e
       JOIN campaigns.campaigns m ON m.id = e.campaign_id WHERE e.type IN ('UNSUBSCRIBED', 'BOUNCED')
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(projected).toEqual(fromEvents);
    expect(projected.length).toBeGreaterThan(0);
  });

  it('keeps the latest suppression and ignores older ones', async () => {
    const record = `mutation($s: [SuppressionInput!]!, $p: String!) { recordSuppressions(suppressions: $s, position: $p) { received stored duplicates } }`;
    const s = (occurredAt: string) => ({ customerId: 'cus-x', channel: 'PUSH', reason: 'BOUNCED', occurredAt, source: 'cmp-x' });
    const position = (await gqlOk('{ suppressionFeedPosition }', {})) as { suppressionFeedPosition: string };
    const p = position.suppressionFeedPosition;
    expect(await gqlOk(record, { s: [s('2026-01-02T00:00:00Z')], p })).toEqual({ recordSuppressions: { received: 1, stored: 1, duplicates: 0 } });
    expect(await gqlOk(record, { s: [s('2026-01-01T00:00:00Z')], p })).toEqual({ recordSuppressions: { received: 1, stored: 0, duplicates: 1 } });
    expect(await gqlOk(record, { s: [s('2026-01-02T00:00:00Z')], p })).toEqual({ recordSuppressions: { received: 1, stored: 0, duplicates: 1 } });
    expect(await graph.db.query(`SELECT occurred_at FROM crm.suppressions WHERE customer_id = 'cus-x'`)).toEqual([
      { occurred_at: new Date('2026-01-02T00:00:00Z') },
    ]);
  });
});
