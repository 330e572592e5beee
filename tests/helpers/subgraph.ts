import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../subgraphs/kit/src/db.ts';
import { migrate } from '../../subgraphs/kit/src/migrate.ts';
import { createSubgraphServer, DEVELOPMENT_IDENTITY, type SubgraphDefinition } from '../../subgraphs/kit/src/server.ts';
import { IDENTITY_HEADER, signIdentity, type ForwardedIdentity } from '../../lib/internal-identity.ts';
import { emptyDatabase } from './template.ts';

export interface SubgraphUnderTest {
  db: Db;
  app: FastifyInstance;
  /** POSTs an operation to the subgraph (in-process, through Fastify's inject) as the gateway would, signed for `identity` (default: full access). */
  gql<T = unknown>(query: string, variables?: Record<string, unknown>, identity?: ForwardedIdentity): Promise<T>;
  /** Signs `identity` as the gateway does. */
  sign(identity: ForwardedIdentity): string;
  close(): Promise<void>;
}

/**
 * One department's subgraph over an empty, migrated database of the suite's backend
 * (PGlite, or the PostgreSQL server of DATABASE_URL), filled by `fixture`.
 */
export async function startSubgraph<L>(def: SubgraphDefinition<L>, fixture: (db: Db) => Promise<unknown>): Promise<SubgraphUnderTest> {
  const store = await emptyDatabase(inject('template'));
  await migrate(store.db, def.name, def.migrationsDir);
  await fixture(store.db);
  const secret = randomBytes(32);
  const app = await createSubgraphServer(def, store.db, { trust: { secret } });
  const sign = (identity: ForwardedIdentity) => signIdentity(secret, identity);
  return {
    db: store.db,
    app,
    sign,
    gql: async <T>(query: string, variables: Record<string, unknown> = {}, identity = DEVELOPMENT_IDENTITY) => {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { [IDENTITY_HEADER]: sign(identity) } });
      return res.json() as T;
    },
    close: async () => {
      await app.close();
      await store.dispose();
    },
  };
}

/** Where `token` starts in `query`, as GraphQL reports locations (1-based line and column). */
export function loc(query: string, token: string): { line: number; column: number } {
  const before = query.slice(0, query.indexOf(token)).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
