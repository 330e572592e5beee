import { expect } from 'vitest';

/*
 * Fixture. Hand-made campaigns for exact answers:
 *   c-autumn 2025-10-01 EMAIL ACTIVE    GBP  seg -      emp-2  A/B: A 100/500 vs B 110/500 (not significant)
 *   c-winter 2026-01-10 SMS   COMPLETED JPY  seg-2      emp-1  A/B: A 200/1000, B 250/1000 (winner), C 30/80 (too small)
 *   c-spring 2026-03-01 EMAIL ACTIVE    EUR  seg-1      emp-1  A/B: hand-written events of cus-1..cus-5
 *   c-summer 2026-06-01 PUSH  COMPLETED USD  seg-1      emp-2  no variants; cus-1's latest touches
 *   c-empty  2026-09-01 PHONE DRAFT     EUR  -          -      nothing
 * plus twenty batch campaigns b01..b20 (2030, own segment/owner/customer each) for batching.
 */
export const FIXTURE = `
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

export const money = (amount: string, currency: string) => ({ amount, currency });
export const near = (value: number) => expect.closeTo(value, 12);
/** Rate as the Funnel defines it. */
const r = (a: number, b: number) => (b === 0 ? null : a / b);

/** A funnel with every count and rate, from the seven unique-customer counts. */
export function funnel(sent: number, delivered: number, opened: number, clicked: number, converted: number, unsubscribed: number, bounced: number) {
  return {
    sent, delivered, opened, clicked, converted, unsubscribed, bounced,
    deliveryRate: r(delivered, sent), openRate: r(opened, delivered), clickThroughRate: r(clicked, delivered),
    clickToOpenRate: r(clicked, opened), conversionRate: r(converted, clicked),
    unsubscribeRate: r(unsubscribed, delivered), bounceRate: r(bounced, sent),
  };
}

/** The expected result of a challenger with cC/nC conversions against a control with c0/n0, by the textbook formulas. */
export function challenger(name: string, c0: number, n0: number, c: number, n: number, pValue: number) {
  const rate = c / n;
  const lift = rate - c0 / n0;
  const se = Math.sqrt(((c0 / n0) * (1 - c0 / n0)) / n0 + (rate * (1 - rate)) / n);
  return {
    variant: { name }, delivered: n, converted: c, conversionRate: rate, absoluteLift: near(lift),
    relativeLift: c0 === 0 ? null : near(lift / (c0 / n0)), pValue: expect.closeTo(pValue, 10),
    confidenceLow: near(lift - 1.959963984540054 * se), confidenceHigh: near(lift + 1.959963984540054 * se),
  };
}

export function control(name: string, c: number, n: number) {
  return {
    variant: { name }, delivered: n, converted: c, conversionRate: r(c, n),
    absoluteLift: null, relativeLift: null, pValue: null, confidenceLow: null, confidenceHigh: null,
  };
}

export const FUNNEL = `{ sent delivered opened clicked converted unsubscribed bounced deliveryRate openRate
  clickThroughRate clickToOpenRate conversionRate unsubscribeRate bounceRate }`;
export const AB = `{ control { id name } winner { name } significant verdict minimumSamplePerArm
  results { variant { name } delivered converted conversionRate absoluteLift relativeLift pValue confidenceLow confidenceHigh } }`;

