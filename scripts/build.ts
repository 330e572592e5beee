/**
 * npm run build: the gateway as one ES module, `gateway/dist/bundle/index.mjs`, with its
 * dependencies inside (esbuild). What production runs (`node gateway/dist/bundle/index.mjs
 * --supergraph FILE`): no TypeScript transform at start and one file to load instead of
 * hundreds, so the gateway answers its first request in about half the time of
 * `npm run gateway` (tsx). The bundle sits as deep in the tree as gateway/src/<dir>/ files,
 * so paths they resolve from `import.meta.url` (config/roles.json) resolve the same.
 */
import { build } from 'esbuild';

export const GATEWAY_BUNDLE = 'gateway/dist/bundle/index.mjs';

export async function buildGateway(outfile = GATEWAY_BUNDLE): Promise<void> {
  await build({
    entryPoints: ['gateway/src/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildGateway();
  console.log(`built ${GATEWAY_BUNDLE} in ${Math.round(performance.now() - started)} ms`);
}
