import { createServer } from 'node:http';
import { buildGateway } from './app.ts';
import { loadGatewayConfig, readPersistedOperations, readSupergraph, runtimeOptions } from './config.ts';
import { closeServer, listen, onShutdown } from './listen.ts';
import { startTracing, tracingSettings } from '../../lib/telemetry/tracing.ts';
import { watchSupergraph } from './watch.ts';

// Runs the gateway alone on a supergraph file: `npm run gateway -- --supergraph FILE --port N`.
try {
  const config = loadGatewayConfig();
  // Before the gateway is built: OTLP traces when OTEL_EXPORTER_OTLP_ENDPOINT is set (the SDK is not loaded otherwise).
  const tracing = await startTracing(tracingSettings(process.env, 'allygraph-gateway'));
  const supergraphSdl = readSupergraph(config.supergraphPath);
  const gateway = await buildGateway({
    supergraphSdl,
    ...(await runtimeOptions(config)),
    persistedOperations: config.persistedOperationsPath ? readPersistedOperations(config.persistedOperationsPath) : undefined,
  });
  const server = createServer(gateway.handler);
  const url = await listen(server, config.port, config.host);
  console.log(`allygraph gateway ready at ${url}/graphql (supergraph: ${config.supergraphPath})`);
  // Hot reload: a changed supergraph file is swapped in; one that does not load is refused.
  const stopWatching =
    config.supergraphPollMs > 0
      ? watchSupergraph(config.supergraphPath, config.supergraphPollMs, supergraphSdl, gateway.reload, (event) => console.log(JSON.stringify(event)))
      : () => undefined;
  // SIGTERM: /ready turns 503, no new connections, in-flight requests finish (bounded), then stop.
  onShutdown(async () => {
    stopWatching();
    gateway.drain();
    await closeServer(server);
    await gateway.stop();
    await tracing?.shutdown();
  });
} catch (err) {
  console.error(`gateway failed to start: ${(err as Error).message}`);
  process.exit(1);
}
