import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, type Department } from '../subgraphs/kit/src/config.ts';
import { localSubgraphs } from '../gateway/src/compose.ts';
import { ACCEPTED_PATH, acceptChanges, readAccepted, writeAccepted } from './schema-check/accepted.ts';
import { checkWorkingTree } from './schema-check/check.ts';
import { checkVersions, loadVersions } from './schema-check/history.ts';
import { formatReport, printLines } from './schema-check/report.ts';

// `npm run schema:check`: working-tree subgraphs against schema/api.graphql at HEAD (pre-commit).
// `-- --accept "reason"`: record the current breaking changes in schema/accepted-changes.json.
// `-- --history` (CI): every committed api.graphql against the one before it.
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { accept: { type: 'string' }, history: { type: 'boolean' } } });
  const cwd = process.cwd();

  if (values.history) {
    if (values.accept !== undefined) throw new Error('--accept and --history cannot be combined');
    const steps = checkVersions(await loadVersions(cwd));
    let failed = 0;
    for (const { from, to, report } of steps) {
      const lines = formatReport(report);
      if (lines.length > 0) console.log(`${from.slice(0, 10)} -> ${to.slice(0, 10)}:`);
      printLines(lines.map((l) => ({ ...l, text: `  ${l.text}` })));
      if (report.breaking.length > 0) failed += 1;
    }
    if (failed > 0) {
      console.error(`schema history: ${failed} of ${steps.length} change(s) to schema/api.graphql broke the API without acceptance`);
      return 1;
    }
    console.log(`schema history: ${steps.length} change(s) to schema/api.graphql checked, no unaccepted breaking change`);
    return 0;
  }

  const urls = Object.fromEntries(
    Object.entries(DEFAULT_PORTS).map(([d, port]) => [d, `http://localhost:${port}/graphql`]),
  ) as Record<Department, string>;
  const result = await checkWorkingTree(cwd, await localSubgraphs(urls));
  if (result.status === 'composition-failed') {
    console.error('composition failed:');
    for (const error of result.errors) console.error(`- ${error}`);
    return 1;
  }
  for (const hint of result.hints) console.warn(`hint: ${hint}`);

  if (values.accept !== undefined) {
    const path = join(cwd, ACCEPTED_PATH);
    const before = await readAccepted(path);
    const after = acceptChanges(before, result.report.breaking, values.accept, new Date().toISOString().slice(0, 10));
    await writeAccepted(path, after);
    for (const entry of after.slice(before.length)) console.log(`accepted: ${entry.change}`);
    console.log(`${after.length - before.length} change(s) added to ${ACCEPTED_PATH}; commit it with the schema change`);
    return 0;
  }

  printLines(formatReport(result.report));
  if (!result.ok) {
    console.error(
      `schema check failed: ${result.report.breaking.length} breaking change(s); fix them, or accept them with ` +
        '`npm run schema:check -- --accept "reason"` and commit schema/accepted-changes.json',
    );
    return 1;
  }
  console.log('schema check passed: no unaccepted breaking change against schema/api.graphql at HEAD');
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
