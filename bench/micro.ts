/**
 * npm run bench:micro [-- --requests N] [--concurrency C]
 * The gateway's own CPU cost per operation: our gateway and stock @apollo/gateway in one
 * process, in front of stub subgraphs that answer every fetch from memory (no parsing, no
 * data), on the real supergraph. Same client, same stubs: the difference is the gateway.
 * Profile with: node --cpu-prof --import tsx bench/micro.ts
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DEPARTMENTS, type Department } from '../subgraphs/kit/src/config.ts';
import { composeSupergraph, localSubgraphs } from '../gateway/src/compose.ts';
import { buildGateway } from '../gateway/src/app.ts';
import { createAuthenticator } from '../gateway/src/auth/jwt.ts';
import { loadRoles } from '../gateway/src/auth/roles.ts';
import { mintToken } from '../gateway/src/auth/mint.ts';
import { DEFAULT_LIMITS } from '../gateway/src/limits/plugin.ts';
import { prepareSupergraph } from '../gateway/src/supergraph.ts';
import { closeServer, listen } from '../gateway/src/listen.ts';

const { values } = parseArgs({ options: { requests: { type: 'string' }, concurrency: { type: 'string' } } });
const REQUESTS = Number(values.requests ?? 4000);
const CONCURRENCY = Number(values.concurrency ?? 16);

/** A single-subgraph operation and the stub answer of its one fetch. */
const QUERY = '{ segments { id name } }';
const ANSWER = JSON.stringify({ data: { segments: Array.from({ length: 6 }, (_, i) => ({ id: `seg-${i}`, name: `Segment ${i}` })) } });

const stubs: Server[] = [];
const urls = {} as Record<Department, string>;
for (const d of DEPARTMENTS) {
  const stub = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER));
  });
  urls[d] = `${await listen(stub, 0, '127.0.0.1')}/graphql`;
  stubs.push(stub);
}
const { supergraphSdl } = composeSupergraph(await localSubgraphs(urls));

const secret = Buffer.from(randomBytes(24).toString('hex'));
const auth = { required: false, secret, issuer: 'allygraph', audience: 'allygraph', clockSkewS: 30, roles: loadRoles() };
const token = await mintToken({ config: auth, roles: ['it'], subject: 'bench', ttl: '1h' });

const ours = await buildGateway({
  supergraphSdl,
  authenticator: createAuthenticator(auth),
  internalSecret: Buffer.from(randomBytes(24).toString('hex')),
  limits: DEFAULT_LIMITS,
});
const oursServer = createServer(ours.handler);
const oursUrl = `${await listen(oursServer, 0, '127.0.0.1')}/graphql`;

const stock = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: prepareSupergraph(supergraphSdl, {}).gatewaySdl }) });
const { url: stockUrl } = await startStandaloneServer(stock, { listen: { port: 0, host: '127.0.0.1' } });

const body = JSON.stringify({ query: QUERY });
async function drive(url: string, headers: Record<string, string>, n: number): Promise<{ ms: number; cpuUs: number }> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < n) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        const text = await res.text();
        if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuUs: used.user + used.system };
}

const targets: { name: string; url: string; headers: Record<string, string> }[] = [
  { name: 'stock @apollo/gateway', url: stockUrl, headers: {} },
  { name: 'allygraph gateway', url: oursUrl, headers: { authorization: `Bearer ${token}` } },
];
for (const t of targets) await drive(t.url, t.headers, 500); // warm-up: plans, JIT
const rows: string[] = [];
for (const round of [1, 2]) {
  for (const t of round === 1 ? targets : [...targets].reverse()) {
    const { ms, cpuUs } = await drive(t.url, t.headers, REQUESTS);
    rows.push(`| ${t.name} | ${round} | ${Math.round((REQUESTS / ms) * 1000)} | ${Math.round(cpuUs / REQUESTS)} |`);
  }
}
console.log(`\n${REQUESTS} requests x2 rounds, ${CONCURRENCY} concurrent, query ${QUERY}; CPU of the whole process (client + stubs + gateway) per request\n`);
console.log('| gateway | round | req/s | CPU µs/request |\n|---|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(`\nours answered ${ours.passthrough?.served ?? 0} of ${REQUESTS * 2 + 500} requests on its single-fetch passthrough`);

await closeServer(oursServer);
await ours.stop();
await stock.stop();
for (const s of stubs) await closeServer(s);
