import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as generated from '../client/src/__generated__/graphql.ts';

const OUT = fileURLToPath(new URL('../client/src/__generated__/persisted-operations.json', import.meta.url));

/**
 * The trusted-documents manifest: sha256 hex of each client operation's exact text (the
 * text the typed client sends) -> that text. Sorted by hash so regenerating is a no-op.
 */
export function persistedManifest(): Record<string, string> {
  const entries = Object.values(generated)
    .filter((value) => value instanceof generated.TypedDocumentString && !value.__meta__?.fragmentName)
    .map((doc) => doc.toString())
    .map((text) => [createHash('sha256').update(text).digest('hex'), text] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries);
}

// `tsx scripts/persisted-manifest.ts [--check] [--out FILE]`: writes the manifest, or with
// --check exits 1 when FILE differs from what would be written.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, out: { type: 'string' } } });
  const out = values.out ?? OUT;
  const text = `${JSON.stringify(persistedManifest(), null, 2)}\n`;
  if (values.check) {
    const current = await readFile(out, 'utf8').catch(() => null);
    if (current !== text) {
      console.error(`${out} is stale: run \`npm run codegen\` and commit the result`);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
  } else {
    await writeFile(out, text);
    console.log(`wrote ${out}`);
  }
}
