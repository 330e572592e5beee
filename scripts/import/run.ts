import { access, constants } from 'node:fs/promises';
import { sendBulk } from './bulk.ts';
import { checkHeader, checkValues } from './columns.ts';
import { findEntity, type Entity } from './entities.ts';
import { GraphClient, type TokenSource } from './graph.ts';
import { RejectReport } from './report.ts';
import { sendSingles } from './single.ts';
import { formatOf, readRecords } from './source.ts';
import { UsageError, type BatchOutcome, type ImportSummary, type Reject, type Row } from './types.ts';

export interface ImportOptions {
  department: string;
  entity: string;
  /** A .csv, .ndjson or .jsonl file. */
  file: string;
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** Bearer token for the gateway. */
  token?: TokenSource;
  /** Where rejected rows are written. @default `<file>.rejects.ndjson` */
  reportPath?: string;
  /** Rows per request. @default 5000 for events, 1000 for satisfaction, 200 for single-item mutations */
  batchSize?: number;
  /** Called after each batch with the totals so far. */
  onProgress?: (totals: Readonly<Totals>) => void;
}

export type Totals = Omit<ImportSummary, 'reportPath' | 'elapsedMs'>;

/**
 * Streams the file through the gateway in batches: each batch is sent (and its rejects
 * written) before more of the file is read, so memory holds one batch whatever the file size.
 * Every row ends up stored, counted as a duplicate, or in the reject report.
 */
export async function importFile(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const entity = findEntity(opts.department, opts.entity);
  const format = formatOf(opts.file);
  const batchSize = batchSizeOf(entity, opts.batchSize);
  try {
    await access(opts.file, constants.R_OK);
  } catch {
    throw new UsageError(`cannot read "${opts.file}"`);
  }
  const report = await RejectReport.open(opts.reportPath ?? `${opts.file}.rejects.ndjson`);
  const client = new GraphClient(opts.gatewayUrl, opts.token);
  const totals: Totals = { received: 0, stored: 0, duplicates: 0, rejected: 0 };
  let rows: Row[] = [];
  let rejects: Reject[] = [];

  const flush = async () => {
    const outcome = rows.length > 0 ? await send(client, entity, rows) : { stored: 0, duplicates: 0, rejects: [] };
    // A batch is a run of consecutive lines, so sorting each keeps the whole report in line order.
    const all = [...rejects, ...outcome.rejects].sort((a, b) => a.line - b.line);
    await report.write(all);
    totals.stored += outcome.stored;
    totals.duplicates += outcome.duplicates;
    totals.rejected += all.length;
    rows = [];
    rejects = [];
    opts.onProgress?.(totals);
  };

  try {
    for await (const record of readRecords(opts.file, format, (header) => checkHeader(entity.columns, header))) {
      totals.received++;
      const checked = 'reject' in record ? record : checkValues(entity.columns, record.line, record.values);
      if ('reject' in checked) rejects.push(checked.reject);
      else rows.push({ line: record.line, input: entity.input(checked.values) });
      if (rows.length + rejects.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await report.close();
  }
  return { ...totals, reportPath: report.path, elapsedMs: performance.now() - started };
}

function send(client: GraphClient, entity: Entity, rows: readonly Row[]): Promise<BatchOutcome> {
  return entity.mode === 'bulk' ? sendBulk(client, entity, rows) : sendSingles(client, entity, rows);
}

function batchSizeOf(entity: Entity, requested: number | undefined): number {
  if (requested === undefined) return entity.defaultBatch;
  if (!Number.isInteger(requested) || requested < 1 || requested > entity.maxBatch) {
    throw new UsageError(`--batch must be an integer from 1 to ${entity.maxBatch} for ${entity.department} ${entity.name}, got ${requested}`);
  }
  return requested;
}
