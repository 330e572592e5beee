import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startGraph, type TestGraph } from './helpers/graph.ts';
import { browserTests, launchChromium } from './helpers/browser.ts';

// The self-hosted GraphiQL, in a real (headless) browser: it loads with no internet and runs
// a query through the gateway.
describe.runIf(browserTests)('GraphiQL in Chromium', () => {
  let graph: TestGraph;
  let browser: Browser;
  beforeAll(async () => {
    [graph, browser] = await Promise.all([startGraph(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  it('loads from the gateway alone and runs a query', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(graph.url.replace(/\/graphql$/, ''))) external.push(r.url());
    });
    const query = '{ segments { id name } }';
    const token = await graph.token({ roles: ['analyst'] });
    await page.goto(`${graph.url.replace(/\/graphql$/, '/graphiql')}?query=${encodeURIComponent(query)}&token=${token}`);
    const answered = page.waitForResponse(
      (r) => r.url() === graph.url && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('segments'),
    );
    await page.locator('.graphiql-execute-button').click();
    const segments = await graph.db.query<{ id: string; name: string }>(`SELECT id, name FROM crm.segments ORDER BY id`);
    expect(await (await answered).json()).toMatchObject({ data: { segments } });
    // And the answer is on screen.
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain(segments[0].name);
    const shot = join(await mkdtemp(join(tmpdir(), 'allygraph-graphiql-')), 'graphiql.png');
    await page.screenshot({ path: shot });
    expect(external).toEqual([]);
  });
});
