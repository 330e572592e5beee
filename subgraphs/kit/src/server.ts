import Fastify, { type FastifyInstance } from 'fastify';
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius';
import { mercuriusFederationPlugin } from '@mercuriusjs/federation';
import { GraphQLError, GraphQLScalarType, Kind, parse, type DocumentNode, type ExecutionResult, type GraphQLFieldResolver } from 'graphql';
import { POLICIES } from '../../../lib/authz/policies.ts';
import { isSensitive, readAuthRequirements, type AuthRequirements } from '../../../lib/authz/requirements.ts';
import { deniedError } from '../../../lib/authz/response.ts';
import { IDENTITY_HEADER, IdentityHeaderError, readIdentityUnverified, type ForwardedIdentity } from '../../../lib/internal-identity.ts';
import { memoizedAuthorizer } from './authorization.ts';
import { AuditTrail, auditedRead, auditedWrite, auditLogResolver } from './audit.ts';
import { installCacheControl } from './cache-control.ts';
import { cachedIdentityVerifier } from './identity.ts';
import { GraphError } from './errors.ts';
import { fastifyLogging, instrumentSubgraph, type SubgraphLogger } from './telemetry.ts';
import type { Db, Queryable } from './db.ts';

/** What every resolver of a department receives, besides Mercurius' own fields. */
export interface SubgraphContext<L> {
  db: Db;
  loaders: L;
  /** The caller the gateway verified (subject null: anonymous). */
  identity: ForwardedIdentity;
  audit: AuditTrail;
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
  /** Fastify logger (JSON lines with the request id, telemetry.ts); off in tests. @default false */
  logger?: SubgraphLogger;
  /**
   * How the subgraph trusts its callers: `{ secret }` verifies the gateway's signed
   * `x-allygraph-identity` header and refuses (401) any request without a valid one;
   * `'any-caller'` (SUBGRAPH_AUTH=off, development only) runs unsigned requests as
   * {@link DEVELOPMENT_IDENTITY}.
   */
  trust: { secret: Uint8Array } | 'any-caller';
}

/** Who an unsigned request runs as when the subgraph trusts any caller (SUBGRAPH_AUTH=off). */
export const DEVELOPMENT_IDENTITY: ForwardedIdentity = {
  subject: 'local-development',
  roles: ['it'],
  scopes: ['crm:read', 'crm:write', 'pii:read', 'campaigns:read', 'campaigns:write', 'sales:read', 'sales:write', 'hr:read', 'hr:write', 'hr:reviews', 'feeds:sync', 'audit:read'],
  employeeId: null,
  operationName: null,
  requestId: null,
};

export async function createSubgraphServer<L>(def: SubgraphDefinition<L>, db: Db, opts: SubgraphServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ ...fastifyLogging(def.name, opts.logger), bodyLimit: 8 * 1024 * 1024 });
  // First: request id echo, /metrics, the request span and log line (telemetry.ts).
  const telemetry = instrumentSubgraph(app, def.name, db);
  const identities = new WeakMap<object, ForwardedIdentity>();
  const verify = opts.trust === 'any-caller' ? null : cachedIdentityVerifier(opts.trust.secret);
  if (opts.trust === 'any-caller') {
    console.warn(`WARNING: subgraph ${def.name} trusts any caller (SUBGRAPH_AUTH=off): unsigned requests get full access. Development only.`);
  }
  // Subgraphs trust only the gateway: /graphql needs its signed identity header.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const header = request.headers[IDENTITY_HEADER];
    if (verify === null) {
      // No secret to check with: a gateway's identity is taken at its word, anyone else is the developer.
      identities.set(request, (typeof header === 'string' && readIdentityUnverified(header)) || DEVELOPMENT_IDENTITY);
      return;
    }
    try {
      if (typeof header !== 'string') throw new IdentityHeaderError(`missing ${IDENTITY_HEADER}: subgraphs answer only the gateway`);
      identities.set(request, verify(header));
    } catch (err) {
      if (!(err instanceof IdentityHeaderError)) throw err;
      telemetry.errors(request, ['UNAUTHENTICATED']);
      return reply.code(401).send({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
  // Mercurius' response schema types error paths as strings, turning list indices into "0";
  // the gateway then cannot map entity-fetch errors back to the client's path. Plain JSON
  // serialization keeps the indices numeric, as the GraphQL spec requires.
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql' && route.schema?.response) route.schema = { ...route.schema, response: undefined };
  });
  const requirements = readAuthRequirements(def.sdl);
  const resolvers = withAudit(def, requirements);
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
    context: (request): SubgraphContext<L> => {
      const identity = identities.get(request) ?? DEVELOPMENT_IDENTITY;
      const audit = new AuditTrail(def.name, identity);
      return { db: audit.wrap(db), loaders: def.createLoaders(db), identity, audit };
    },
    // Every GraphQL error answers 200 with the errors in the body (GraphQL over HTTP with
    // application/json): a 400 would reach clients as the gateway's opaque INTERNAL_SERVER_ERROR
    // instead of the BAD_USER_INPUT that names the bad variable.
    errorFormatter: (execution, ctx) => {
      const formatted = mercurius.defaultErrorFormatter(maskInternalErrors(execution, ctx), ctx);
      const codes = (formatted.response.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
      telemetry.errors(ctx?.reply?.request, codes);
      return { ...formatted, statusCode: 200 };
    },
  });
  // Defence in depth: the gateway already removed what the caller may not read; a request
  // that still asks for it (a bug, or a leaked internal secret) is refused whole.
  const authorizeOperation = memoizedAuthorizer(requirements, POLICIES);
  app.graphql.addHook('preExecution', async (schema, document, ctx, variables) => {
    const { identity } = ctx as unknown as SubgraphContext<L>;
    const denied = authorizeOperation({ schema, document, variables, operationName: operationNameOf(ctx), identity });
    if (denied) throw new GraphError(denied.code, deniedError(denied).message, { field: denied.coordinate });
  });
  // `cache-control` from the @cacheControl hints of the fields each query selects (cache-control.ts).
  installCacheControl(app, def.sdl);
  app.graphql.addHook('onResolution', async (_execution, ctx) => {
    await (ctx as unknown as SubgraphContext<L>).audit.flushReads(db);
  });
  // Liveness: the process answers. Readiness: it can serve — its database answers and it is
  // not draining for shutdown (fastify's close stops accepting, then waits for in-flight requests).
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.get('/health', async () => ({ status: 'ok', service: def.name }));
  app.get('/ready', async (_req, reply) => {
    if (draining) return reply.code(503).send({ status: 'unavailable', service: def.name, reason: 'shutting down' });
    try {
      await db.query('SELECT 1');
      return { status: 'ready', service: def.name };
    } catch {
      return reply.code(503).send({ status: 'unavailable', service: def.name, reason: 'database unreachable' });
    }
  });
  return app;
}

/** The operation a request asked for by name (`operationName` of its POST body or GET query), as Mercurius reads it. */
function operationNameOf(ctx: MercuriusContext): string | null {
  const request = ctx.reply?.request;
  const params = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return typeof params?.operationName === 'string' ? params.operationName : null;
}

type FailedExecution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>;

/** Domain and GraphQL validation errors pass through; anything else (a bug, SQL) is masked and logged. */
function maskInternalErrors(execution: FailedExecution, ctx: MercuriusContext): FailedExecution {
  const errors = execution.errors.map((error) => {
    const original = error.originalError as (Error & { errors?: unknown }) | undefined;
    if (!original || original instanceof GraphError || Array.isArray(original.errors)) return error;
    ctx.reply?.log.error({ err: original, path: error.path }, 'resolver failed');
    if (process.env.DEBUG_MASKED) console.error('MASKED', original);
    return new GraphQLError('Internal server error', {
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
  return { ...execution, errors } as FailedExecution;
}

type Resolver = GraphQLFieldResolver<unknown, { audit: AuditTrail }>;

/**
 * The department's resolvers plus the audit: sensitive fields (PII, reviews) record each
 * read, every mutation records its write, and `Query.<department>AuditLog` reads the trail.
 */
function withAudit<L>(def: SubgraphDefinition<L>, requirements: AuthRequirements): Record<string, unknown> {
  const resolvers: Record<string, Record<string, unknown>> = {};
  for (const [type, map] of Object.entries(def.resolvers as Record<string, unknown>)) {
    resolvers[type] = typeof map === 'object' && map !== null && !(map instanceof GraphQLScalarType) ? { ...map } : (map as Record<string, unknown>);
  }
  const field = (type: string, name: string) => (resolvers[type] ??= {})[name] as Resolver | undefined;
  for (const [coordinate, r] of requirements.fields) {
    const [type, name] = coordinate.split('.');
    if (type === 'Mutation') resolvers.Mutation[name] = auditedWrite(coordinate, field(type, name)!);
    else if (isSensitive(r)) resolvers[type][name] = auditedRead(coordinate, field(type, name));
  }
  // A sensitive type (a review): every field read is recorded, whichever the query selects.
  const sdl = parse(def.sdl);
  for (const [type, r] of requirements.types) {
    if (!isSensitive(r)) continue;
    resolvers[type] ??= {};
    for (const name of fieldNames(sdl, type)) resolvers[type][name] = auditedRead(`${type}.${name}`, field(type, name));
  }
  (resolvers.Query ??= {})[`${def.name}AuditLog`] = auditLogResolver(def.name);
  return resolvers;
}

function fieldNames(sdl: DocumentNode, type: string): string[] {
  return sdl.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === type ? (d.fields ?? []).map((f) => f.name.value) : [],
  );
}
