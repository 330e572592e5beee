import { parseArgs } from 'node:util';
import { DEPARTMENTS, listenHost, loadDataConfig, subgraphPort, subgraphTrust, type Department } from '../subgraphs/kit/src/config.ts';
import { onShutdown } from '../gateway/src/listen.ts';
import { logLevel } from '../lib/telemetry/logging.ts';
import { startTracing, tracingSettings } from '../lib/telemetry/tracing.ts';
import { migrateAll, openDepartmentDbs } from './databases.ts';
import { seedAll } from './seed/index.ts';
import { SUBGRAPHS } from './subgraphs.ts';

// `npm run subgraph -- <crm|campaigns|sales|hr> [--port N] [--host H]`: one department alone,
// on its own PGlite directory (DATA_DIR/<name>) or DATABASE_URL / <NAME>_DATABASE_URL.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, host: { type: 'string' } },
});
const name = positionals[0] as Department | undefined;
if (!name || !DEPARTMENTS.includes(name)) {
  console.error(`usage: npm run subgraph -- <${DEPARTMENTS.join('|')}> [--port N] [--host H]`);
  process.exit(2);
}
try {
  const data = loadDataConfig();
  const level = logLevel();
  const tracing = await startTracing(tracingSettings(process.env, `allygraph-${name}`));
  const trust = subgraphTrust();
  const port = values.port !== undefined ? subgraphPort(name, { [`${name.toUpperCase()}_PORT`]: values.port }) : subgraphPort(name);
  const { dbs, close } = await openDepartmentDbs(data, [name], 'alone');
  await migrateAll(dbs);
  if (data.seedScale > 0) await seedAll(dbs, data.seedScale);
  const app = await SUBGRAPHS[name].createServer(dbs[name], { logger: { level }, trust });
  const url = await app.listen({ port, host: values.host ?? listenHost() });
  console.log(`subgraph ${name} ready at ${url}/graphql (data: ${dbs[name].location})`);
  onShutdown(async () => {
    await app.close();
    await close();
    await tracing?.shutdown();
  });
} catch (err) {
  console.error(`subgraph ${name} failed to start: ${(err as Error).message}`);
  process.exit(1);
}
