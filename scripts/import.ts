/**
 * npm run import -- <department> <entity> <file> [--gateway URL] [--report FILE] [--batch N]
 *
 * Streams a CSV or NDJSON file into the graph through the gateway's mutations. Exit code 0
 * when the run finished (even with rejected rows), 1 when it could not, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { describeColumns } from './import/columns.ts';
import { httpUrl, loadImportConfig } from './import/config.ts';
import { ENTITIES } from './import/entities.ts';
import { importFile, type ImportOptions } from './import/run.ts';
import { ImportError, UsageError, type ImportSummary } from './import/types.ts';

const USAGE = `usage: npm run import -- <department> <entity> <file> [--gateway URL] [--report FILE] [--batch N]
  <file>          .csv (header row, RFC 4180) or .ndjson/.jsonl (one JSON object per line)
  --gateway URL   the gateway's GraphQL endpoint (default: GATEWAY_URL, http://127.0.0.1:4000/graphql)
  --report FILE   where rejected rows go (default: <file>.rejects.ndjson)
  --batch N       rows per request (default: 5000 events, 1000 satisfaction, 200 others)
entities and their columns:
${ENTITIES.map((e) => `  ${`${e.department} ${e.name}`.padEnd(22)}${describeColumns(e.columns)}`).join('\n')}`;

function parse(argv: string[]): ImportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        gateway: { type: 'string' },
        report: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 3) throw new UsageError(`expected <department> <entity> <file>, got ${positionals.length} argument(s)`);
  const [department, entity, file] = positionals;
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && !/^\d+$/.test(values.batch ?? '')) throw new UsageError(`--batch must be a positive integer, got "${values.batch}"`);
  return {
    department,
    entity,
    file,
    gatewayUrl: values.gateway === undefined ? loadImportConfig().gatewayUrl : httpUrl('--gateway', values.gateway),
    token: loadImportConfig().token,
    reportPath: values.report,
    batchSize: batch,
  };
}

function summary(opts: ImportOptions, s: ImportSummary): string {
  const rate = s.elapsedMs > 0 ? Math.round((s.received / s.elapsedMs) * 1000) : s.received;
  const row = (label: string, n: number, note = '') => `  ${label.padEnd(11)}${String(n).padStart(10)}${note}`;
  return [
    `${opts.department} ${opts.entity} <- ${opts.file} via ${opts.gatewayUrl}`,
    row('received', s.received),
    row('stored', s.stored),
    row('duplicates', s.duplicates),
    row('rejected', s.rejected, s.rejected > 0 ? `  (see ${s.reportPath})` : ''),
    `  ${(s.elapsedMs / 1000).toFixed(1)} s, ${rate} rows/s`,
  ].join('\n');
}

async function main(): Promise<number> {
  let opts: ImportOptions | 'help';
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`import: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  const live = process.stderr.isTTY === true;
  let batches = 0;
  try {
    const result = await importFile({
      ...opts,
      onProgress: (t) => {
        batches++;
        if (live) process.stderr.write(`\r  ${t.received} rows read, ${t.stored} stored, ${t.duplicates} duplicates, ${t.rejected} rejected`);
      },
    });
    if (live) process.stderr.write('\n');
    console.log(summary(opts, result));
    return 0;
  } catch (err) {
    if (live) process.stderr.write('\n');
    if (err instanceof UsageError) {
      console.error(`import: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof ImportError) {
      console.error(`import: failed: ${err.message}`);
      if (batches > 0) console.error(`${batches} batch(es) went through before the failure; running the same file again stores nothing twice.`);
      return 1;
    }
    throw err;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`import: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
