import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { GraphClient, type TokenSource } from '../import/graph.ts';
import { formatter, type Format } from './format.ts';
import { REPORTS, type Report } from './reports.ts';
import { UsageError, type JsonObject } from '../import/types.ts';

export interface ExportOptions {
  gatewayUrl: string;
  /** Bearer token for the gateway. */
  token?: TokenSource;
  report: string;
  /** The report's options (`--channel EMAIL` -> { channel: 'EMAIL' }). */
  options: Record<string, string>;
  format: Format;
  out: Writable;
}

export function findReport(name: string): Report {
  const report = REPORTS.find((r) => r.name === name);
  if (!report) throw new UsageError(`unknown report "${name}"; reports: ${REPORTS.map((r) => r.name).join(', ')}`);
  return report;
}

/**
 * Streams a report page by page through the gateway: one page in memory at a time, and the
 * next page is fetched only once the output has taken the last one. Returns the rows written.
 */
export async function exportReport(opts: ExportOptions): Promise<number> {
  const report = findReport(opts.report);
  const options: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(report.options)) {
    const value = opts.options[name] ?? fallback;
    if (value === null) throw new UsageError(`report ${report.name} needs --${name}`);
    options[name] = value;
  }
  const unknown = Object.keys(opts.options).filter((name) => !(name in report.options));
  if (unknown.length > 0) throw new UsageError(`report ${report.name} takes no --${unknown.join(', --')}`);
  const client = new GraphClient(opts.gatewayUrl, opts.token);
  const variables: JsonObject = report.variables(options);
  const format = formatter(opts.format, report.columns);
  await write(opts.out, format.header);
  let rows = 0;
  let after: string | null = null;
  do {
    const page = report.page(await client.read(report.query, { ...variables, after }), variables, options);
    await write(opts.out, page.rows.map(format.row).join(''));
    rows += page.rows.length;
    after = page.next;
  } while (after !== null);
  return rows;
}

async function write(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}
