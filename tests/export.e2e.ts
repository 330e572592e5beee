import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../scripts/export/run.ts';
import { csvLine } from '../scripts/export/format.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';

let graph: TestGraph;
/** The gateway requires a bearer token: the export goes as `it` (full access). */
let token: string;
beforeAll(async () => {
  graph = await startGraph();
  token = await graph.token({ roles: ['it'] });
});
afterAll(async () => {
  await graph?.close();
});

async function run(report: string, options: Record<string, string>, format: 'csv' | 'ndjson') {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const rows = await exportReport({ gatewayUrl: graph.url, token, report, options, format, out });
  return { rows, text: chunks.join('') };
}

describe('export', () => {
  it('streams the whole EMAIL audience as CSV, quoting what needs it', async () => {
    const created = await graph.gql<{ createCustomer: { id: string } }>(
      `mutation { createCustomer(input: { firstName: "Ann", lastName: "O\\"Brien, Jr.", email: "ann.obrien@example.com", country: "IE", lifecycleStage: CUSTOMER }) { id } }`,
    );
    const id = created.body.data!.createCustomer.id;
    await graph.gql(`mutation { recordConsent(input: { customerId: "${id}", channel: EMAIL, granted: true, source: "test" }) { granted } }`);

    const { rows, text } = await run('audience', { channel: 'EMAIL' }, 'csv');
    const ids = await graph.db.query<{ id: string }>(
      `SELECT c.id FROM crm.customers c JOIN crm.consents k ON k.customer_id = c.id AND k.channel = 'EMAIL' AND k.granted
       WHERE NOT EXISTS (SELECT 1 FROM crm.suppressions s WHERE s.customer_id = c.id AND s.channel = 'EMAIL' AND s.occurred_at >= k.recorded_at)
       ORDER BY c.id`,
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,email,firstName,lastName,country,lifecycleStage,segment,engagementScore,lifetimeValue');
    expect(lines.at(-1)).toBe('');
    expect(rows).toBe(ids.length);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(ids.map((r) => r.id));
    expect(text).toContain(csvLine([id, 'ann.obrien@example.com', 'Ann', 'O"Brien, Jr.', 'IE', 'CUSTOMER', null, 0, '']));
    expect(text).toContain(`"O""Brien, Jr."`);
  });

  it('streams the campaign report as NDJSON, one object per campaign, with both attributions', async () => {
    const { rows, text } = await run('campaigns', { model: 'LINEAR', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'ndjson');
    const objects = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const [{ n }] = await graph.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.campaigns`);
    expect(rows).toBe(n);
    expect(objects).toHaveLength(n);
    const first = objects[0];
    const res = await graph.gql<{ campaign: Record<string, unknown> }>(
      `query($id: ID!) { campaign(id: $id) { name attributedOrders
        attribution(model: LINEAR, from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { orders roi } } }`,
      { id: first.id },
    );
    const c = res.body.data!.campaign as { name: string; attributedOrders: number; attribution: { orders: number; roi: number | null } };
    expect(first).toMatchObject({ name: c.name, model: 'LINEAR', attributedOrders: c.attribution.orders, roi: c.attribution.roi, directOrders: c.attributedOrders });
  });

  it('narrows the audience by engagement score and lifetime value (joined from campaigns and sales)', async () => {
    const all = await run('audience', { channel: 'EMAIL' }, 'ndjson');
    const rows = all.text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; engagementScore: number; lifetimeValue: string });
    const eur = (ltv: string) => Number(/([\d.]+) EUR/.exec(ltv)?.[1] ?? -1);
    const expected = rows.filter((r) => r.engagementScore >= 3 && eur(r.lifetimeValue) >= 1000).map((r) => r.id);
    const some = await run('audience', { channel: 'EMAIL', 'min-engagement': '3', 'min-lifetime-value': '1000.00 EUR' }, 'ndjson');
    expect(some.text.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rows.length);
    await expect(run('audience', { channel: 'EMAIL', 'min-lifetime-value': 'lots' }, 'csv')).rejects.toThrow(
      '--min-lifetime-value must look like "100.00 EUR", got "lots"',
    );
  });

  it('refuses a missing required option and an unknown one', async () => {
    await expect(run('audience', {}, 'csv')).rejects.toThrow('report audience needs --channel');
    await expect(run('audience', { channel: 'EMAIL', colour: 'red' }, 'csv')).rejects.toThrow('report audience takes no --colour');
    await expect(run('nope', {}, 'csv')).rejects.toThrow('unknown report "nope"; reports: audience, campaigns');
  });
});
