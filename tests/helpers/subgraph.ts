import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../subgraphs/kit/src/db.ts';
import { migrate } from '../../subgraphs/kit/src/migrate.ts';
import { createSubgraphServer, type SubgraphDefinition } from '../../subgraphs/kit/src/server.ts';
import { emptyDatabase } from './template.ts';

export interface SubgraphUnderTest {
  db: Db;
  app: FastifyInstance;
  /** POSTs an operation to the subgraph (in-process, through Fastify's inject) and returns the JSON body. */
  gql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
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
  const app = await createSubgraphServer(def, store.db);
  return {
    db: store.db,
    app,
    gql: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
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
