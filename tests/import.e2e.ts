import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportOptions } from '../scripts/import/run.ts';
import type { ImportSummary, Reject } from '../scripts/import/types.ts';
import { startGraph, type TestGraph } from './helpers/graph.ts';
import { spawnScript } from './helpers/process.ts';

// npm run import through the whole graph: files written to a temp dir, imported via the
// gateway, the stored rows read back with SQL, and every rejected row in the report.

let graph: TestGraph;
let dir: string;
/** The gateway requires a bearer token: imports go as `it` (full access). */
let token: string;

beforeAll(async () => {
  graph = await startGraph();
  token = await graph.token({ roles: ['it'] });
  dir = await mkdtemp(join(tmpdir(), 'allygraph-import-'));
});
afterAll(async () => {
  await graph?.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(opts: Omit<ImportOptions, 'gatewayUrl' | 'token' | 'file'>, file: string): Promise<Omit<ImportSummary, 'elapsedMs'>> {
  const { elapsedMs: _elapsed, ...summary } = await importFile({ ...opts, file, gatewayUrl: graph.url, token });
  return summary;
}

async function write(name: string, lines: string[], eol = '\n'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, lines.join(eol));
  return file;
}

async function report(file: string): Promise<Reject[]> {
  const text = await readFile(`${file}.rejects.ndjson`, 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Reject);
}

/** A port nothing listens on: one the OS just handed out and got back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const reject = (line: number, field: string | null, code: string, reason: string): Reject => ({ line, field, code, reason });

const storedEvents = (prefix: string) =>
  graph.db.query(
    `SELECT client_key AS "clientKey", campaign_id AS "campaignId", variant_id AS "variantId", customer_id AS "customerId", type,
       to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt"
     FROM campaigns.events WHERE client_key LIKE $1 ORDER BY client_key`,
    [`${prefix}%`],
  );

describe('campaigns events', () => {
  it('imports a CSV file: stores the valid rows once, reports each bad one on its line', async () => {
    const file = await write('events.csv', [
      'clientKey,campaignId,variantId,customerId,type,occurredAt',
      'csv-01,cmp-0001,,cus-000001,SENT,2025-03-01T10:00:00Z',
      'csv-02,cmp-0011,cmp-0011-A,cus-000002,OPENED,2025-03-01T11:00:00Z',
      'csv-03,cmp-0001,,cus-000003,CLICK,2025-03-01T12:00:00Z',
      'csv-04,cmp-0001,,cus-000001,OPENED,2025-02-30T10:00:00Z',
      'csv-05,cmp-9999,,cus-000001,OPENED,2025-03-01T10:00:00Z',
      'csv-06,cmp-0001,,cus-000002',
      'csv-07,cmp-0011,"cmp-0011-',
      'B",cus-000003,CLICKED,2025-03-02T09:00:00Z',
      '"csv-08","cmp-0001",,"cus-000003","CONVERTED","2025-03-02T09:00:00+01:00"',
      'csv-01,cmp-0001,,cus-000001,SENT,2025-03-01T10:00:00Z',
      'csv-09,cmp-0001,,cus-000004,,2025-03-01T10:00:00Z',
      '',
      '',
    ], '\r\n');
    const rejects = [
      reject(4, 'type', 'BAD_USER_INPUT', 'Value "CLICK" does not exist in "EngagementType" enum. Did you mean the enum value "CLICKED"?'),
      reject(5, 'occurredAt', 'BAD_USER_INPUT', 'DateTime must be an ISO 8601 date-time such as 2026-03-01T12:00:00Z, got "2025-02-30T10:00:00Z"'),
      reject(6, 'campaignId', 'CAMPAIGNS_CAMPAIGN_NOT_FOUND', 'campaign "cmp-9999" not found'),
      reject(7, 'type', 'MISSING_COLUMN', "the row has 4 of the header's 6 columns"),
      reject(8, 'variantId', 'CAMPAIGNS_VARIANT_NOT_FOUND', 'variant "cmp-0011-\r\nB" not found in campaign "cmp-0011"'),
      reject(12, 'type', 'MISSING_VALUE', 'a required value is empty'),
    ];
    const reportPath = `${file}.rejects.ndjson`;

    expect(await run({ department: 'campaigns', entity: 'events' }, file)).toEqual({ received: 10, stored: 3, duplicates: 1, rejected: 6, reportPath });
    expect(await report(file)).toEqual(rejects);
    expect(await storedEvents('csv-')).toEqual([
      { clientKey: 'csv-01', campaignId: 'cmp-0001', variantId: null, customerId: 'cus-000001', type: 'SENT', occurredAt: '2025-03-01T10:00:00Z' },
      { clientKey: 'csv-02', campaignId: 'cmp-0011', variantId: 'cmp-0011-A', customerId: 'cus-000002', type: 'OPENED', occurredAt: '2025-03-01T11:00:00Z' },
      { clientKey: 'csv-08', campaignId: 'cmp-0001', variantId: null, customerId: 'cus-000003', type: 'CONVERTED', occurredAt: '2025-03-02T08:00:00Z' },
    ]);

    // Again, in batches of 3 this time: nothing stored twice, the same rows refused.
    expect(await run({ department: 'campaigns', entity: 'events', batchSize: 3 }, file)).toEqual({ received: 10, stored: 0, duplicates: 4, rejected: 6, reportPath });
    expect(await report(file)).toEqual(rejects);
    expect(await storedEvents('csv-')).toHaveLength(3);
  });

  it('imports an NDJSON file the same way, whatever the batch size', async () => {
    const event = (key: string, fields: Record<string, unknown>) =>
      JSON.stringify({ clientKey: key, campaignId: 'cmp-0001', customerId: 'cus-000005', type: 'OPENED', occurredAt: '2025-03-03T09:00:00Z', ...fields });
    const file = await write('events.ndjson', [
      event('nd-01', { type: 'DELIVERED', occurredAt: '2025-03-03T08:00:00Z' }),
      event('nd-02', { campaignId: 'cmp-0011', variantId: 'cmp-0011-B', customerId: 'cus-000006', type: 'CLICKED' }),
      event('nd-03', { type: 'opened' }),
      event('nd-04', { occurredAt: 'yesterday' }),
      event('nd-05', { campaignId: 'cmp-0404' }),
      JSON.stringify({ clientKey: 'nd-06', campaignId: 'cmp-0001', customerId: 'cus-000005', occurredAt: '2025-03-03T09:00:00Z' }),
      event('nd-01', { type: 'DELIVERED', occurredAt: '2025-03-03T08:00:00Z' }),
      '{"clientKey": "nd-07", "campaignId": ',
      '',
      event('nd-08', { channel: 'EMAIL' }),
      event('nd-09', { variantId: null, type: 'SENT', occurredAt: '2025-03-03T07:00:00Z' }),
    ]);
    const reportPath = join(dir, 'ndjson-rejects.ndjson');
    const opts = { department: 'campaigns', entity: 'events', reportPath };

    expect(await run({ ...opts, batchSize: 2 }, file)).toEqual({ received: 10, stored: 3, duplicates: 1, rejected: 6, reportPath });
    const rejects = [
      reject(3, 'type', 'BAD_USER_INPUT', 'Value "opened" does not exist in "EngagementType" enum. Did you mean the enum value "OPENED"?'),
      reject(4, 'occurredAt', 'BAD_USER_INPUT', 'DateTime must be an ISO 8601 date-time such as 2026-03-01T12:00:00Z, got "yesterday"'),
      reject(5, 'campaignId', 'CAMPAIGNS_CAMPAIGN_NOT_FOUND', 'campaign "cmp-0404" not found'),
      reject(6, 'type', 'MISSING_COLUMN', 'the row has no value for this required column'),
      reject(8, null, 'MALFORMED_JSON', 'not valid JSON: Unexpected end of JSON input'),
      reject(10, 'channel', 'EXTRA_COLUMN', '"channel" is not a column of this entity'),
    ];
    expect((await readFile(reportPath, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Reject)).toEqual(rejects);
    expect(await storedEvents('nd-')).toEqual([
      { clientKey: 'nd-01', campaignId: 'cmp-0001', variantId: null, customerId: 'cus-000005', type: 'DELIVERED', occurredAt: '2025-03-03T08:00:00Z' },
      { clientKey: 'nd-02', campaignId: 'cmp-0011', variantId: 'cmp-0011-B', customerId: 'cus-000006', type: 'CLICKED', occurredAt: '2025-03-03T09:00:00Z' },
      { clientKey: 'nd-09', campaignId: 'cmp-0001', variantId: null, customerId: 'cus-000005', type: 'SENT', occurredAt: '2025-03-03T07:00:00Z' },
    ]);

    expect(await run(opts, file)).toEqual({ received: 10, stored: 0, duplicates: 4, rejected: 6, reportPath });
    expect(await storedEvents('nd-')).toHaveLength(3);
  });
});

describe('hr quotas', () => {
  it('upserts quotas with aliased setQuota calls; an unchanged quota is a duplicate', async () => {
    const [{ amount }] = await graph.db.query<{ amount: string }>(
      `SELECT (target_minor / 100)::text AS amount FROM hr.quotas WHERE employee_id = 'emp-0002' AND period = '2025-Q1'`,
    );
    const file = await write('quotas.csv', [
      'employeeId,period,amount,currency',
      'emp-0002,2031-Q1,1500,EUR',
      `emp-0002,2025-Q1,${amount},EUR`,
      'emp-9999,2031,10,EUR',
      'emp-0002,2031-Q2,10.001,EUR',
      'emp-0002,2031-Q1,1500.00,EUR',
      'emp-0003,2031,250000.50,EUR',
    ]);
    const reportPath = `${file}.rejects.ndjson`;
    const rejects = [
      reject(4, 'employeeId', 'HR_EMPLOYEE_NOT_FOUND', 'employee "emp-9999" not found'),
      reject(5, 'amount', 'BAD_USER_INPUT', '"10.001" has more than 2 decimals for EUR'),
    ];
    const quotas = () =>
      graph.db.query(`SELECT employee_id, period, currency, target_minor::text AS minor FROM hr.quotas WHERE period LIKE '2031%' ORDER BY 1, 2`);

    expect(await run({ department: 'hr', entity: 'quotas' }, file)).toEqual({ received: 6, stored: 2, duplicates: 2, rejected: 2, reportPath });
    expect(await report(file)).toEqual(rejects);
    expect(await quotas()).toEqual([
      { employee_id: 'emp-0002', period: '2031-Q1', currency: 'EUR', minor: '150000' },
      { employee_id: 'emp-0003', period: '2031', currency: 'EUR', minor: '25000050' },
    ]);

    expect(await run({ department: 'hr', entity: 'quotas', batchSize: 2 }, file)).toEqual({ received: 6, stored: 0, duplicates: 4, rejected: 2, reportPath });
    expect(await report(file)).toEqual(rejects);
  });
});

describe('hr reviews', () => {
  it('records each review once by client key, one aliased recordPerformanceReview per row', async () => {
    const file = await write('reviews.csv', [
      'clientKey,employeeId,reviewerId,period,rating,summary,reviewedAt',
      'rev-1,emp-0002,emp-0001,2031-H1,4,"Strong year, ""great"" pipeline",2031-06-30T00:00:00Z',
      'rev-2,emp-0002,emp-0002,2031-H1,4,Self review,2031-06-30T00:00:00Z',
      'rev-3,emp-0003,,2031-H1,9,Off the scale,2031-06-30T00:00:00Z',
      'rev-1,emp-0002,,2031-H1,2,The same review resent,2031-07-01T00:00:00Z',
      'rev-4,emp-0003,,2031-H1,3,Solid,2031-06-29T00:00:00Z',
    ]);
    const reportPath = `${file}.rejects.ndjson`;
    const rejects = [
      reject(3, 'reviewerId', 'BAD_USER_INPUT', 'an employee cannot review themselves'),
      reject(4, 'rating', 'BAD_USER_INPUT', 'must be an integer from 1 to 5, got 9'),
    ];
    expect(await run({ department: 'hr', entity: 'reviews' }, file)).toEqual({ received: 5, stored: 2, duplicates: 1, rejected: 2, reportPath });
    expect(await report(file)).toEqual(rejects);
    expect(await graph.db.query(`SELECT client_key, employee_id, reviewer_id, rating, summary FROM hr.reviews WHERE client_key LIKE 'rev-%' ORDER BY 1`)).toEqual([
      { client_key: 'rev-1', employee_id: 'emp-0002', reviewer_id: 'emp-0001', rating: 4, summary: 'Strong year, "great" pipeline' },
      { client_key: 'rev-4', employee_id: 'emp-0003', reviewer_id: null, rating: 3, summary: 'Solid' },
    ]);

    expect(await run({ department: 'hr', entity: 'reviews', batchSize: 2 }, file)).toEqual({ received: 5, stored: 0, duplicates: 3, rejected: 2, reportPath });
    expect(await report(file)).toEqual(rejects);
  });
});

describe('crm satisfaction', () => {
  it('keeps quoted commas, quotes and line breaks of comments, and the lines after them right', async () => {
    const file = await write('nps.csv', [
      'clientKey,customerId,kind,score,comment,respondedAt',
      'sat-1,cus-000001,NPS,9,"Fast, friendly ""support""',
      'would buy again",2031-01-01T00:00:00Z',
      'sat-2,cus-000001,CSAT,7,,2031-01-02T00:00:00Z',
      'sat-3,cus-999999,NPS,5,,2031-01-03T00:00:00Z',
      'sat-4,cus-000002,NPS,8.5,,2031-01-04T00:00:00Z',
      'sat-5,cus-000002,CSAT,4,,2031-01-05T00:00:00Z',
    ]);
    expect(await run({ department: 'crm', entity: 'satisfaction' }, file)).toEqual({
      received: 5, stored: 2, duplicates: 0, rejected: 3, reportPath: `${file}.rejects.ndjson`,
    });
    expect(await report(file)).toEqual([
      reject(4, 'score', 'BAD_USER_INPUT', 'must be an integer from 1 to 5, got 7'),
      reject(5, 'customerId', 'CRM_CUSTOMER_NOT_FOUND', 'customer "cus-999999" not found'),
      reject(6, 'score', 'NOT_AN_INTEGER', 'must be an integer, got "8.5"'),
    ]);
    expect(await graph.db.query(`SELECT client_key, customer_id, kind, score, comment FROM crm.satisfaction_responses WHERE client_key LIKE 'sat-%' ORDER BY 1`)).toEqual([
      { client_key: 'sat-1', customer_id: 'cus-000001', kind: 'NPS', score: 9, comment: 'Fast, friendly "support"\nwould buy again' },
      { client_key: 'sat-5', customer_id: 'cus-000002', kind: 'CSAT', score: 4, comment: null },
    ]);
  });
});

describe('npm run import', () => {
  it('prints the summary and exits 0, 2 on a usage error, 1 when the gateway is unreachable', async () => {
    const file = await write('cli.csv', ['clientKey,campaignId,customerId,type,occurredAt', 'cli-1,cmp-0001,cus-000001,SENT,2025-03-01T10:00:00Z']);
    const ok = spawnScript('scripts/import.ts', ['campaigns', 'events', file, '--gateway', graph.url], { GATEWAY_TOKEN: token });
    expect(await ok.exit()).toBe(0);
    expect(ok.output().replace(/\d+\.\d s, \d+ rows\/s/, '<time>')).toBe(
      [
        `campaigns events <- ${file} via ${graph.url}`,
        '  received            1',
        '  stored              1',
        '  duplicates          0',
        '  rejected            0',
        '  <time>',
        '',
      ].join('\n'),
    );

    const usage = spawnScript('scripts/import.ts', ['campaigns', 'events'], {});
    expect(await usage.exit()).toBe(2);
    expect(usage.output()).toContain('import: expected <department> <entity> <file>, got 2 argument(s)\nusage: npm run import -- <department>');

    const closed = `http://127.0.0.1:${await closedPort()}/graphql`;
    const down = spawnScript('scripts/import.ts', ['campaigns', 'events', file], { GATEWAY_URL: closed, GATEWAY_TOKEN: token });
    expect(await down.exit()).toBe(1);
    expect(down.output()).toBe(`import: failed: cannot reach the gateway at ${closed}: fetch failed (ECONNREFUSED)\n`);
  });
});
