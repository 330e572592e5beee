import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, type Department } from '../subgraphs/kit/src/config.ts';
import { composeSupergraph, localSubgraphs } from '../gateway/src/compose.ts';

// `npm run compose` writes supergraph.graphql from the four schema files, routed at the
// default local ports; `--check` fails (exit 1) when the committed file is stale (CI).
const { values } = parseArgs({ options: { check: { type: 'boolean' }, out: { type: 'string' } } });
const out = values.out ?? 'supergraph.graphql';
const urls = Object.fromEntries(
  Object.entries(DEFAULT_PORTS).map(([d, port]) => [d, `http://localhost:${port}/graphql`]),
) as Record<Department, string>;

try {
  const { supergraphSdl, hints } = composeSupergraph(await localSubgraphs(urls));
  for (const hint of hints) console.warn(`hint: ${hint}`);
  if (values.check) {
    const committed = await readFile(out, 'utf8').catch(() => '');
    if (committed !== supergraphSdl) {
      console.error(`${out} is stale: run \`npm run compose\` and commit the result`);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
  } else {
    await writeFile(out, supergraphSdl);
    console.log(`wrote ${out}`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
