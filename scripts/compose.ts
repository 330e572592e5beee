import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, type Department } from '../subgraphs/kit/src/config.ts';
import { composeSupergraph, localSubgraphs } from '../gateway/src/compose.ts';

// `npm run compose` writes supergraph.graphql (routed at the default local ports) and
// schema/api.graphql (the API schema clients see; codegen's client documents are checked
// against it) from the four schema files; `--check` fails (exit 1) when either is stale (CI).
const { values } = parseArgs({ options: { check: { type: 'boolean' }, out: { type: 'string' } } });
const out = values.out ?? 'supergraph.graphql';
const apiOut = 'schema/api.graphql';
const urls = Object.fromEntries(
  Object.entries(DEFAULT_PORTS).map(([d, port]) => [d, `http://localhost:${port}/graphql`]),
) as Record<Department, string>;

try {
  const { supergraphSdl, apiSdl, hints } = composeSupergraph(await localSubgraphs(urls));
  for (const hint of hints) console.warn(`hint: ${hint}`);
  for (const [file, sdl] of [[out, supergraphSdl], [apiOut, apiSdl]] as const) {
    if (values.check) {
      const committed = await readFile(file, 'utf8').catch(() => '');
      if (committed !== sdl) {
        console.error(`${file} is stale: run \`npm run compose\` and commit the result`);
        process.exit(1);
      }
      console.log(`${file} is up to date`);
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, sdl);
      console.log(`wrote ${file}`);
    }
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
