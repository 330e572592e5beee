import type { FastifyInstance } from 'fastify';
import type { Db } from '../subgraphs/kit/src/db.ts';
import type { Department } from '../subgraphs/kit/src/config.ts';
import { createSubgraphServer, type SubgraphDefinition, type SubgraphServerOptions } from '../subgraphs/kit/src/server.ts';
import { crm } from '../subgraphs/crm/src/app.ts';
import { campaigns } from '../subgraphs/campaigns/src/app.ts';
import { sales } from '../subgraphs/sales/src/app.ts';
import { hr } from '../subgraphs/hr/src/app.ts';

export interface RunnableSubgraph {
  migrationsDir: string;
  createServer(db: Db, opts: SubgraphServerOptions): Promise<FastifyInstance>;
}

function runnable<L>(def: SubgraphDefinition<L>): RunnableSubgraph {
  return { migrationsDir: def.migrationsDir, createServer: (db, opts) => createSubgraphServer(def, db, opts) };
}

/** The four departments, by name: the only place that knows every subgraph. */
export const SUBGRAPHS: Record<Department, RunnableSubgraph> = {
  crm: runnable(crm),
  campaigns: runnable(campaigns),
  sales: runnable(sales),
  hr: runnable(hr),
};
