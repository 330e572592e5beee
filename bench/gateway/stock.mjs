/**
 * Stock Apollo Gateway for the benchmark: @apollo/server's standalone server with
 * `new ApolloGateway({ supergraphSdl })` and every default, on the supergraph without the
 * security and cost features (stock @apollo/gateway refuses `for: SECURITY` links).
 * Usage: node stock.mjs <supergraph file> <port>; prints `ready <url>` when it listens.
 * Plain JavaScript, run without tsx (whose source maps would slow stock's error-heavy fetcher).
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway } from '@apollo/gateway';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: node stock.mjs <supergraph file> <port>');
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(file, 'utf8') });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`ready ${url}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    void server.stop().finally(() => process.exit(0));
  });
}
