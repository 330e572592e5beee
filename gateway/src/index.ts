import { createServer } from 'node:http';
import { buildGateway } from './app.ts';
import { loadGatewayConfig, readPersistedOperations, readSupergraph, runtimeOptions } from './config.ts';
import { closeServer, listen, onShutdown } from './listen.ts';

// Runs the gateway alone on a supergraph file: `npm run gateway -- --supergraph FILE --port N`.
try {
  const config = loadGatewayConfig();
  const gateway = await buildGateway({
    supergraphSdl: readSupergraph(config.supergraphPath),
    ...(await runtimeOptions(config)),
    persistedOperations: config.persistedOperationsPath ? readPersistedOperations(config.persistedOperationsPath) : undefined,
  });
  const server = createServer(gateway.handler);
  const url = await listen(server, config.port, config.host);
  console.log(`allygraph gateway ready at ${url}/graphql (supergraph: ${config.supergraphPath})`);
  // SIGTERM: /ready turns 503, no new connections, in-flight requests finish (bounded), then stop.
  onShutdown(async () => {
    gateway.drain();
    await closeServer(server);
    await gateway.stop();
  });
} catch (err) {
  console.error(`gateway failed to start: ${(err as Error).message}`);
  process.exit(1);
}
