/**
 * The four subgraphs of the gateway benchmark, in this one process (run.ts pins it to a CPU).
 * Data: DATABASE_URL, else the PGlite directory DATA_DIR/graph, already migrated and seeded by
 * run.ts. Prints one JSON line `{ "urls": { crm: ..., ... } }` once every subgraph listens.
 *
 * Trust: `createSubgraphServer(..., { trust: 'any-caller' })` answers unsigned callers as the
 * development identity, but answers 500 to a request that carries a signature it cannot check,
 * which is every request of our gateway (it always signs `x-allygraph-identity`). So each
 * subgraph verifies INTERNAL_SECRET, as in production, and an unsigned caller (stock Apollo
 * Gateway, Hive Gateway, the direct calls) gets the development identity signed for it here:
 * the same access as any-caller, and every caller pays the same signature check.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEPARTMENTS, loadDataConfig, type Department } from '../../subgraphs/kit/src/config.ts';
import { DEVELOPMENT_IDENTITY } from '../../subgraphs/kit/src/server.ts';
import { IDENTITY_HEADER, signIdentity } from '../../lib/internal-identity.ts';
import { openDepartmentDbs } from '../../scripts/databases.ts';
import { SUBGRAPHS } from '../../scripts/subgraphs.ts';

const secretText = process.env.INTERNAL_SECRET;
if (!secretText) throw new Error('INTERNAL_SECRET is required');
const secret = new TextEncoder().encode(secretText);

/** The development identity, re-signed every 20 s (it lives 60 s). */
let signed = { token: '', at: 0 };
function developmentToken(): string {
  const now = Date.now();
  if (now - signed.at > 20_000) signed = { token: signIdentity(secret, DEVELOPMENT_IDENTITY, now), at: now };
  return signed.token;
}

const { dbs, close } = await openDepartmentDbs(loadDataConfig(), DEPARTMENTS, 'shared');
const level = process.env.LOG_LEVEL || 'warn';
const urls = {} as Record<Department, string>;
const servers: { close(): Promise<unknown> }[] = [];
for (const name of DEPARTMENTS) {
  const app = await SUBGRAPHS[name].createServer(dbs[name], { logger: { level }, trust: { secret } });
  await app.ready();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.headers[IDENTITY_HEADER] === undefined) req.headers[IDENTITY_HEADER] = developmentToken();
    app.routing(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  servers.push({ close: () => new Promise((r) => server.close(r)) }, { close: () => app.close() });
}
process.stdout.write(`${JSON.stringify({ urls })}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      for (const s of servers) await s.close().catch(() => undefined);
      await close();
      process.exit(0);
    })();
  });
}
