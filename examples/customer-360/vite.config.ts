import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run example` serves this app on :5173; `npm run example:build` writes dist/.
// The gateway URL comes from VITE_GATEWAY_URL (build time) or ?gateway= (run time).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', emptyOutDir: true },
});
