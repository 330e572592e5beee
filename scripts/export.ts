import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadImportConfig, httpUrl } from './import/config.ts';
import { exportReport } from './export/run.ts';
import { REPORTS } from './export/reports.ts';
import { UsageError } from './import/types.ts';

// `npm run export -- <report> [--option value ...] [--format csv|ndjson] [--out FILE] [--gateway URL]`:
// streams an audience or a report from the graph for the tools that act on it.
const USAGE = `usage: npm run export -- <report> [options] [--format csv|ndjson] [--out FILE] [--gateway URL]
${REPORTS.map((r) => `  ${r.name}: ${r.description}\n    ${Object.entries(r.options).map(([k, v]) => `--${k}${v === null ? ' (required)' : v ? ` (default ${v})` : ''}`).join('  ')}`).join('\n')}`;

try {
  const { values, positionals, tokens } = parseArgs({ allowPositionals: true, strict: false, tokens: true });
  if (positionals.length !== 1) throw new UsageError('name one report');
  const options: Record<string, string> = {};
  for (const t of tokens) {
    if (t.kind !== 'option' || ['format', 'out', 'gateway'].includes(t.name)) continue;
    if (typeof t.value !== 'string') throw new UsageError(`--${t.name} needs a value`);
    options[t.name] = t.value;
  }
  const format = String(values.format ?? 'csv');
  if (format !== 'csv' && format !== 'ndjson') throw new UsageError(`--format must be csv or ndjson, got "${format}"`);
  const config = loadImportConfig();
  const gatewayUrl = typeof values.gateway === 'string' ? httpUrl('--gateway', values.gateway) : config.gatewayUrl;
  const out = typeof values.out === 'string' ? createWriteStream(values.out) : process.stdout;
  const rows = await exportReport({ gatewayUrl, token: config.token, report: positionals[0], options, format, out });
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  console.error(`exported ${rows} rows`);
} catch (err) {
  console.error(`export: ${(err as Error).message}`);
  if (err instanceof UsageError) console.error(USAGE);
  process.exit(err instanceof UsageError ? 2 : 1);
}
