import Fastify, { type FastifyInstance } from 'fastify';
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius';
import { mercuriusFederationPlugin } from '@mercuriusjs/federation';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { GraphError } from './errors.ts';
import type { Db, Queryable } from './db.ts';

/** What every resolver of a department receives, besides Mercurius' own fields. */
export interface SubgraphContext<L> {
  db: Db;
  loaders: L;
}

export type ResolverContext<L> = MercuriusContext & SubgraphContext<L>;

/** An entity's reference resolver: representation in, row (or null) out. */
export type ReferenceResolver<L> = (reference: Record<string, unknown>, ctx: ResolverContext<L>) => Promise<unknown>;

/** Everything that makes a department a subgraph; the kit turns it into a server. */
export interface SubgraphDefinition<L> {
  /** Short name, also its Postgres schema: `crm`, `campaigns`, `sales`, `hr`. */
  name: string;
  /** Federation 2 SDL (schema.graphql). */
  sdl: string;
  resolvers: object;
  /** `__resolveReference` per entity type, in the kit's (reference, context) shape. */
  references: Record<string, ReferenceResolver<L>>;
  /** Fresh loaders per request: batching and caching never leak across requests. */
  createLoaders(db: Queryable): L;
  /** Absolute path of the numbered .sql migrations. */
  migrationsDir: string;
}

export interface SubgraphServerOptions {
  /** Fastify logger; off in tests. @default false */
  logger?: boolean | { level: string };
}

export async function createSubgraphServer<L>(
  def: SubgraphDefinition<L>,
  db: Db,
  opts: SubgraphServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 8 * 1024 * 1024 });
  // Mercurius' response schema types error paths as strings, turning list indices into "0";
  // the gateway then cannot map entity-fetch errors back to the client's path. Plain JSON
  // serialization keeps the indices numeric, as the GraphQL spec requires.
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql' && route.schema?.response) route.schema = { ...route.schema, response: undefined };
  });
  const resolvers: Record<string, unknown> = { ...(def.resolvers as Record<string, unknown>) };
  for (const [type, resolve] of Object.entries(def.references)) {
    resolvers[type] = {
      ...(resolvers[type] as object | undefined),
      // Mercurius calls reference resolvers as (reference, args, context, info).
      __resolveReference: (ref: Record<string, unknown>, _args: unknown, ctx: ResolverContext<L>) => resolve(ref, ctx),
    };
  }
  await app.register(mercuriusFederationPlugin, {
    schema: def.sdl,
    resolvers: resolvers as IResolvers,
    graphiql: false,
    context: (): SubgraphContext<L> => ({ db, loaders: def.createLoaders(db) }),
    // Every GraphQL error answers 200 with the errors in the body (GraphQL over HTTP with
    // application/json): a 400 would reach clients as the gateway's opaque INTERNAL_SERVER_ERROR
    // instead of the BAD_USER_INPUT that names the bad variable.
    errorFormatter: (execution, ctx) => ({
      ...mercurius.defaultErrorFormatter(maskInternalErrors(execution, ctx), ctx),
      statusCode: 200,
    }),
  });
  app.get('/health', async (_req, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', service: def.name };
    } catch {
      return reply.code(503).send({ status: 'unavailable', service: def.name, reason: 'database unreachable' });
    }
  });
  return app;
}

type FailedExecution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>;

/** Domain and GraphQL validation errors pass through; anything else (a bug, SQL) is masked and logged. */
function maskInternalErrors(execution: FailedExecution, ctx: MercuriusContext): FailedExecution {
  const errors = execution.errors.map((error) => {
    const original = error.originalError as (Error & { errors?: unknown }) | undefined;
    if (!original || original instanceof GraphError || Array.isArray(original.errors)) return error;
    ctx.reply?.log.error({ err: original, path: error.path }, 'resolver failed');
    return new GraphQLError('Internal server error', {
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
  return { ...execution, errors } as FailedExecution;
}
