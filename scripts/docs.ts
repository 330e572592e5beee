import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderSchemaDocs } from './docs/render.ts';

// `npm run docs` writes docs/schema.md, the Markdown schema reference, from supergraph.graphql
// (run `npm run compose` first so the supergraph is current).
const out = 'docs/schema.md';
const markdown = renderSchemaDocs(await readFile('supergraph.graphql', 'utf8'));
await mkdir('docs', { recursive: true });
await writeFile(out, markdown);
console.log(`wrote ${out}`);
