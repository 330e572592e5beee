/**
 * The importing process of bench/import.ts: runs one import as `npm run import` does and
 * prints its summary with the process's peak resident set size, as one JSON line.
 * Args: <department> <entity> <file> <gatewayUrl> <reportPath>
 */
import { readFileSync } from 'node:fs';
import { importFile } from '../scripts/import/run.ts';

const [department, entity, file, gatewayUrl, reportPath] = process.argv.slice(2);
const summary = await importFile({ department, entity, file, gatewayUrl, reportPath, token: process.env.GATEWAY_TOKEN });
process.stdout.write(`${JSON.stringify({ summary, peakRssKb: peakRssKb() })}\n`);

/**
 * VmHWM: the peak RSS of this process image. Not getrusage's maxRSS, which on Linux keeps the
 * peak of the process before exec, i.e. of the forked copy of the benchmark with the whole graph.
 */
function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS;
}
