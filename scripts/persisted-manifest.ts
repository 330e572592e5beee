import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OUT, `${JSON.stringify(persistedManifest(), null, 2)}\n`);
  console.log(`wrote ${OUT}`);
}
