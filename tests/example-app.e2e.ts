import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { Customer360ByIdDocument, type Customer360ByIdQuery } from '../client/src/index.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';
import { browserTests, launchChromium } from './helpers/browser.ts';

// examples/customer-360, built with Vite and served from its own origin, in headless
// Chromium against the running graph (cross-origin, so the gateway's CORS is exercised).
const ROOT = 'examples/customer-360';
/** Screenshots are kept here for a human to look at (gitignored). */
const SHOTS = 'test-results';

describe.runIf(browserTests)('example app: customer 360 and campaign funnel', () => {
  let graph: TestGraph;
  let browser: Browser;
  let app: PreviewServer;
  let outDir: string;
  let page: Page;
  const external: string[] = [];
  let appOrigin: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'allygraph-example-'));
    await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    [graph, browser, app] = await Promise.all([
      startGraph(),
      launchChromium(),
      preview({ root: ROOT, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false, open: false } }),
    ]);
    appOrigin = new URL(app.resolvedUrls?.local[0] ?? '').origin;
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (r) => {
      const origin = new URL(r.url()).origin;
      if (origin !== appOrigin && r.url() !== graph.url) external.push(r.url());
    });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    await page.goto(`${appOrigin}/?gateway=${encodeURIComponent(graph.url)}&token=${await graph.token({ roles: ['sales'] })}`);
    await page
      .locator('body[data-ready="true"]')
      .waitFor({ state: 'attached', timeout: 20_000 })
      .catch(async (err: Error) => {
        throw new Error(`${err.message}\npage errors: ${problems.join('\n')}\npage: ${await page.locator('main').innerText()}`);
      });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.httpServer.close(resolve));
    await graph?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const text = (testId: string) => page.getByTestId(testId).innerText();
  const rows = async (testId: string) =>
    page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

  it('is served from another origin than the gateway', () => {
    expect(appOrigin).not.toBe(new URL(graph.url).origin);
  });

  it('shows a customer 360 looked up by email, as the data says', async () => {
    const [c] = await graph.db.query<{ id: string; name: string; email: string; country: string; manager: string; title: string; orders: number }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email, c.country,
              e.first_name || ' ' || e.last_name AS manager, e.title,
              (SELECT count(*)::int FROM sales.orders o WHERE o.customer_id = c.id AND o.status <> 'CANCELLED') AS orders
       FROM crm.customers c JOIN hr.employees e ON e.id = c.account_manager_id
       WHERE EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.id AND o.campaign_id IS NOT NULL)
         AND EXISTS (SELECT 1 FROM campaigns.events v WHERE v.customer_id = c.id)
       ORDER BY c.id LIMIT 1`);
    await page.getByLabel('Customer id or email').fill(c.email);
    await page.getByRole('button', { name: 'Show' }).first().click();
    await page.getByTestId('customer-360').waitFor();

    expect({
      name: await text('customer-name'),
      email: await text('customer-email'),
      country: await text('customer-country'),
      manager: await text('customer-manager'),
      orders: await text('customer-orders'),
    }).toEqual({ name: c.name, email: c.email, country: c.country, manager: `${c.manager}, ${c.title}`, orders: String(c.orders) });

    // The tables show what the typed document returns through the gateway, row for row.
    const raw = await graph.gql<Customer360ByIdQuery>(Customer360ByIdDocument.toString(), { id: c.id });
    const customer = raw.body.data?.customer;
    expect(customer).toBeTruthy();
    expect(await rows('customer-recent-orders')).toEqual(
      customer!.orders.map((o) => [o.id, o.status, `${o.total.amount} ${o.total.currency}`, o.placedAt.slice(0, 10), o.campaign?.name ?? '—']),
    );
    expect(await rows('customer-recent-touches')).toEqual(customer!.engagement.touches.map((t) => [t.type, t.occurredAt.slice(0, 10), t.campaign.name]));
    expect(await text('customer-ltv')).toBe(customer!.lifetimeValue.map((m) => `${m.amount} ${m.currency}`).join(', '));
    expect(customer!.orders.length).toBeGreaterThan(0);

    await mkdir(SHOTS, { recursive: true });
    const shot = join(SHOTS, 'example-customer-360.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
  });

  it('says so when no customer has the id', async () => {
    await page.getByLabel('Customer id or email').fill('cus-nobody');
    await page.getByRole('button', { name: 'Show' }).first().click();
    await expect.poll(() => text('not-found')).toBe('No customer cus-nobody.');
  });

  it("shows a campaign's funnel with unique customers per stage, as the events say", async () => {
    const [campaign] = await graph.db.query<{ id: string; name: string }>(
      `SELECT c.id, c.name FROM campaigns.campaigns c
       WHERE (SELECT count(*) FROM campaigns.variants v WHERE v.campaign_id = c.id) >= 2
         AND EXISTS (SELECT 1 FROM campaigns.events e WHERE e.campaign_id = c.id AND e.type = 'CONVERTED')
       ORDER BY c.id LIMIT 1`);
    const counts = await graph.db.query<{ type: string; n: number }>(
      `SELECT type, count(DISTINCT customer_id)::int AS n FROM campaigns.events WHERE campaign_id = $1 GROUP BY type`, [campaign.id]);
    const count = (type: string) => String(counts.find((r) => r.type === type)?.n ?? 0);
    const variants = await graph.db.query<{ name: string }>(`SELECT name FROM campaigns.variants WHERE campaign_id = $1`, [campaign.id]);

    await page.getByLabel('Campaign').selectOption(campaign.id);
    await page.getByRole('button', { name: 'Show' }).nth(1).click();
    await expect.poll(() => text('campaign-name')).toBe(campaign.name);
    expect({
      sent: await text('funnel-sent'),
      delivered: await text('funnel-delivered'),
      opened: await text('funnel-opened'),
      clicked: await text('funnel-clicked'),
      converted: await text('funnel-converted'),
    }).toEqual({ sent: count('SENT'), delivered: count('DELIVERED'), opened: count('OPENED'), clicked: count('CLICKED'), converted: count('CONVERTED') });
    expect((await rows('funnel-variants')).map(([name]) => name?.replace(' (control)', '')).sort()).toEqual(variants.map((v) => v.name).sort());
    expect(await text('ab-verdict')).toMatch(/^A\/B test: ./);

    const shot = join(SHOTS, 'example-campaign-funnel.png');
    await page.getByTestId('campaign-funnel').screenshot({ path: shot });
    expect((await stat(shot)).size).toBeGreaterThan(5_000);
  });

  it('talked only to its own origin and the gateway', () => {
    expect(external).toEqual([]);
  });
});
