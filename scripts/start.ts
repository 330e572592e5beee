import { feedSyncInterval, loadDataConfig, subgraphPort, DEPARTMENTS } from '../subgraphs/kit/src/config.ts';
import { loadGatewayConfig, runtimeOptions } from '../gateway/src/config.ts';
import { onShutdown } from '../gateway/src/listen.ts';
import { safeLogLevel } from '../lib/telemetry/logging.ts';
import { startTracing, tracingSettings } from '../lib/telemetry/tracing.ts';
import { migrateAll, openDepartmentDbs } from './databases.ts';
import { startLocalGraph } from './local-graph.ts';
import { seedAll } from './seed/index.ts';
import { startFeedSync } from './feed-sync-loop.ts';
import { GraphClient } from './import/graph.ts';
import { loadAuthConfig } from '../gateway/src/auth/jwt.ts';
import { mintedTokenSource } from '../gateway/src/auth/mint.ts';

// `npm start`: the whole graph in one process — data (embedded PGlite unless DATABASE_URL),
// four subgraphs and the gateway. Demo data is generated on the first start only.
const started = Date.now();
try {
  const data = loadDataConfig();
  // One process, one tracer provider: gateway, subgraph and SQL spans all name service OTEL_SERVICE_NAME (default allygraph).
  const tracing = await startTracing(tracingSettings(process.env, 'allygraph'));
  const gateway = loadGatewayConfig(process.env, []);
  const ports = Object.fromEntries(DEPARTMENTS.map((d) => [d, subgraphPort(d)]));
  const { dbs, close: closeDbs } = await openDepartmentDbs(data);
  await migrateAll(dbs);
  if (data.seedScale > 0) {
    const seeded = await seedAll(dbs, data.seedScale);
    if (seeded.length > 0) console.log(`seeded demo data (scale ${data.seedScale}) for ${seeded.join(', ')}`);
  }
  const { internalSecret, subgraphUrls: _, ...gatewayOptions } = await runtimeOptions(gateway);
  const graph = await startLocalGraph({ dbs, host: gateway.host, ports: { ...ports, gateway: gateway.port }, internalSecret: internalSecret!, gateway: gatewayOptions, logger: { level: safeLogLevel() } });
  // The feed sync is a client of the gateway like any other, with the least-privilege feed-sync role.
  const auth = loadAuthConfig();
  const syncToken = auth.secret ? mintedTokenSource({ config: auth, roles: ['feed-sync'], subject: 'feed-sync' }) : process.env.GATEWAY_TOKEN;
  const stopSync = await startFeedSync(new GraphClient(graph.gatewayUrl, syncToken), feedSyncInterval(), console.log);
  onShutdown(async () => {
    stopSync();
    await graph.close();
    await closeDbs();
    await tracing?.shutdown();
  });
  const where = new Set(DEPARTMENTS.map((d) => dbs[d].location));
  console.log(`
allygraph is ready in ${((Date.now() - started) / 1000).toFixed(1)} s

  Gateway (GraphQL):  ${graph.gatewayUrl}
  Apollo Sandbox:     open ${graph.gatewayUrl} in a browser
  GraphiQL:           ${graph.gatewayUrl.replace(/\/graphql$/, '/graphiql')} (self-hosted, works offline)
  Health:             ${graph.gatewayUrl.replace(/\/graphql$/, '/health')}
${DEPARTMENTS.map((d) => `  ${`Subgraph ${d}:`.padEnd(20)}${graph.subgraphUrls[d]}`).join('\n')}
  Data:               ${[...where].join(', ')}

  Every department's data needs a token (${auth.required ? 'required' : 'anonymous requests see no department data'}):
    TOKEN=$(npm run -s token -- --role analyst)     # roles: ${[...auth.roles.keys()].join(', ')}
    curl -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ${graph.gatewayUrl} -d '{"query":"{ segments { name } }"}'
  In Sandbox or GraphiQL, add the header  Authorization: Bearer <token>

Press Ctrl-C to stop.`);
} catch (err) {
  console.error(`allygraph failed to start: ${(err as Error).message}`);
  process.exit(1);
}
