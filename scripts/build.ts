/**
 * npm run build: the gateway as one ES module, `gateway/dist/bundle/index.mjs`, with its
 * dependencies inside (esbuild). What production runs (`node gateway/dist/bundle/index.mjs
 * --supergraph FILE`): no TypeScript transform at start and one file to load instead of
 * hundreds, so the gateway answers its first request in about half the time of
 * `npm run gateway` (tsx). The bundle sits as deep in the tree as gateway/src/<dir>/ files,
 * so paths they resolve from `import.meta.url` (config/roles.json) resolve the same.
 */
import { build, type Plugin } from 'esbuild';

export const GATEWAY_BUNDLE = 'gateway/dist/bundle/index.mjs';

/**
 * Node flags production runs the bundle with (Dockerfile, compose, Kubernetes, the bench). A
 * bound on V8's old space: left alone, under load V8 commits ~230 MB of heap for ~75 MB in use
 * (customer 360 at 50 connections); bounded, it collects sooner at no measurable throughput cost.
 * Raise it with the container's memory limit for very large operations.
 */
export const GATEWAY_NODE_FLAGS = ['--max-old-space-size=160'];

export async function buildGateway(outfile = GATEWAY_BUNDLE): Promise<void> {
  await build({
    entryPoints: ['gateway/src/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies call require() and read __dirname; an ES module has neither.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join(' '),
    },
    plugins: [nodeCryptoHashes],
    logLevel: 'warning',
  });
}

/**
 * @apollo/utils.createhash uses node:crypto only when `module.require` exists, which it does not
 * inside a bundle, and falls back to sha.js, pure JavaScript and many times slower (Apollo
 * Server hashes every operation). Bundled, it is node:crypto's createHash, as it is unbundled.
 */
const nodeCryptoHashes: Plugin = {
  name: 'node-crypto-hashes',
  setup(b) {
    b.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({ path: 'createhash', namespace: 'node-crypto-hashes' }));
    b.onLoad({ filter: /.*/, namespace: 'node-crypto-hashes' }, () => ({ contents: "exports.createHash = require('node:crypto').createHash;", loader: 'js' }));
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildGateway();
  console.log(`built ${GATEWAY_BUNDLE} in ${Math.round(performance.now() - started)} ms`);
}
