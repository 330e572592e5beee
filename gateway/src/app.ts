import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { memoizedAuthorize } from '../../lib/authz/memo.ts';
import { POLICIES } from '../../lib/authz/policies.ts';
import { IDENTITY_HEADER, signIdentity, type ForwardedIdentity } from '../../lib/internal-identity.ts';
import { Passthrough, subgraphHeaders } from './passthrough.ts';
import type { Authenticator } from './auth/jwt.ts';
import { authorizationPlugin } from './authz.ts';
import { createResponseCache, httpCacheScopePlugin, type ResponseCache, type ResponseCacheOptions } from './cache/index.ts';
import type { GatewayContext } from './context.ts';
import { DEVELOPMENT_ORIGINS, type CorsOrigins } from './cors.ts';
import { createHandler, type RequestHandler } from './http.ts';
import { operationLimitsPlugin, type OperationLimits } from './limits/plugin.ts';
import { collectResponseHeaders, type HeaderRules } from './headers.ts';
import { log, type Logger } from './log.ts';
import { maskingPlugin } from './masking.ts';
import { createGatewayMetrics, metricsPlugin, type GatewayMetrics } from './metrics.ts';
import { subgraphFetcher } from './observe.ts';
import type { Fetcher } from './resilience/index.ts';
import { CircuitOpenError, type ResiliencePolicy } from './resilience/index.ts';
import { readinessProbe } from './readiness.ts';
import { SharedFetches } from './shared-fetches.ts';
import { hasRequirements, prepareSupergraph } from './supergraph.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface GatewayOptions {
  /** The composed supergraph SDL (any federation-compliant supergraph, not only ours). */
  supergraphSdl: string;
  /** Routing URL overrides by subgraph name (lower-case). @default {} */
  subgraphUrls?: Record<string, string>;
  /** Allow introspection queries. @default true */
  introspection?: boolean;
  /** Serve the Apollo Sandbox landing page on GET. @default true */
  landingPage?: boolean;
  /** Serve a self-hosted GraphiQL (from npm packages) at /graphiql. @default true */
  graphiql?: boolean;
  /**
   * Trusted documents (sha256 hex of the exact text -> text) a client may send by hash alone
   * (APQ `extensions.persistedQuery`). Other APQ registrations keep working as usual.
   * @default undefined (Apollo Server's stock APQ cache)
   */
  persistedOperations?: Record<string, string>;
  /** Roles whose requests may only run operations of `persistedOperations`. @default [] */
  trustedDocumentsOnly?: readonly string[];
  /** Browser origins allowed to call from another origin (CORS). @default DEVELOPMENT_ORIGINS */
  cors?: CorsOrigins;
  /** Verifies bearer tokens. Without one every request is anonymous. */
  authenticator?: Authenticator;
  /** Refuse operations sent without a token (401). @default false */
  authRequired?: boolean;
  /** Signs the caller's identity for subgraphs (`x-allygraph-identity`). Without it none is sent. */
  internalSecret?: Uint8Array;
  /** Per-client request budget (token subject, else client IP). @default none */
  rateLimiter?: RateLimiter;
  /** Depth, alias, root-field, size, token and cost limits. @default none */
  limits?: OperationLimits & { maxTokens: number };
  /** Request headers copied to subgraphs and subgraph response headers passed back. @default none */
  headers?: HeaderRules;
  /** Replace internal errors by a message with the request id (details go to the log). @default true */
  maskInternalErrors?: boolean;
  /**
   * Subgraph fetch deadline, retries of queries and a circuit breaker per subgraph (`onCircuitChange`
   * reports its transitions). `{ enabled: false }`: plain fetches (no deadline, retry or breaker). @default DEFAULT_POLICY (resilience/policy.ts)
   */
  resilience?: ResiliencePolicy;
  /** JSON logs: access lines, subgraph failures, masked errors, circuit transitions. @default the LOG_LEVEL logger (log.ts) */
  logger?: Logger;
  /** Prometheus metrics served at /metrics (metrics.ts); `false`: none. @default a new registry */
  metrics?: GatewayMetrics | false;
  /**
   * Whole-response cache of queries driven by the subgraphs' cache hints, invalidated by
   * mutations; also holds APQ registrations (cache/index.ts). @default off (`CACHE`, on by
   * default, turns it on for npm start and npm run gateway)
   */
  cache?: ResponseCacheOptions;
  /**
   * Answer operations planned as one fetch from the subgraph's bytes, without @apollo/gateway's
   * execution (passthrough.ts); only while the response cache is off. @default true (`PASSTHROUGH`)
   */
  passthrough?: boolean;
  /**
   * A query fetch identical to one already under way (subgraph, body, caller, propagated headers)
   * waits for its answer instead of being sent again; never for mutations, data the subgraphs
   * audit (PII, reviews) or while response headers are propagated (shared-fetches.ts). @default true (`SHARE_FETCHES`)
   */
  shareFetches?: boolean;
}

export interface Gateway {
  handler: RequestHandler;
  /** Marks the gateway as shutting down: /ready answers 503 and connections are not kept alive. */
  drain(): void;
  /**
   * Swaps in a new supergraph without dropping in-flight requests (they finish on the old
   * plan). A supergraph that does not parse or load is refused (thrown) and the old one keeps serving.
   */
  reload(supergraphSdl: string): Promise<void>;
  stop(): Promise<void>;
  /** The response cache (its counters), when on. */
  readonly cache?: ResponseCache;
  /** The single-fetch passthrough (its count of answers served), when the response cache is off. */
  readonly passthrough?: Passthrough;
  /** In-flight deduplication of subgraph fetches (its count of fetches shared), when on. */
  readonly sharedFetches?: SharedFetches;
}

const NO_HEADERS: HeaderRules = { request: [], response: [] };

/** Who readiness probes ask as: nobody in particular (`{ __typename }` needs no scope). */
const ANONYMOUS: ForwardedIdentity = { subject: null, roles: [], scopes: [], employeeId: null, operationName: 'readiness', requestId: null };

/** Builds and starts the gateway (loads the supergraph, plans queries) without listening. */
export async function buildGateway(opts: GatewayOptions): Promise<Gateway> {
  const overrides = opts.subgraphUrls ?? {};
  const logger = opts.logger ?? log;
  const metrics = opts.metrics === false ? undefined : (opts.metrics ?? createGatewayMetrics());
  let current = prepareSupergraph(opts.supergraphSdl, overrides);
  const cache = opts.cache ? await createResponseCache({ ...(metrics && { onLookup: (r) => metrics.cache(r) }), ...opts.cache }) : undefined;
  let update: ((sdl: string) => void) | undefined;
  // Unless told otherwise, @apollo/gateway probes cloud metadata endpoints (AWS, GCP, Azure, Alibaba)
  // and sends usage metrics to Apollo every hour; our own telemetry is /metrics and OTLP traces.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const services = new Map<string, { url: string; fetch: Fetcher }>();
  const headers = opts.headers ?? NO_HEADERS;
  const requirementsOf = () => (hasRequirements(current) ? current.requirements : null);
  // One remembered authorization check for the regular path and the passthrough.
  const authorize = memoizedAuthorize(POLICIES);
  // A subgraph's response headers that reach the client may be the fetch's own: such fetches are never shared.
  const sharing = opts.shareFetches === false || headers.response.length > 0
    ? undefined
    : new SharedFetches(() => ({ types: current.outputTypes, requirements: current.requirements }), metrics && ((service) => metrics.sharedFetch(service)));
  // The response cache answers on the regular path only: with it on, every operation takes that path.
  const passthrough = cache || opts.passthrough === false
    ? undefined
    : new Passthrough(
        () => ({ requirements: requirementsOf(), authorize, costs: current.costs, limits: opts.limits, reportCost: current.reportCost, hiddenEnums: current.hiddenEnums, headers }),
        (name) => services.get(name),
        metrics,
        sharing,
      );
  const gateway = new ApolloGateway({
    // The hook form of supergraphSdl, so `reload` can hand @apollo/gateway a new one.
    supergraphSdl: async (hooks) => {
      update = hooks.update;
      return { supergraphSdl: current.gatewaySdl };
    },
    buildService: ({ name, url }) => {
      const service = { url: overrides[name.toLowerCase()] ?? url!, fetch: subgraphFetcher(name, opts.resilience, metrics, logger) };
      services.set(name, service);
      return new ForwardingDataSource(name, headers, sharing, { url: service.url, fetcher: service.fetch }, logger);
    },
    ...(passthrough && { experimental_didResolveQueryPlan: passthrough.learn }),
  });
  if (passthrough) gateway.onSchemaLoadOrUpdate(() => passthrough.reset());
  if (sharing) gateway.onSchemaLoadOrUpdate(() => sharing.reset());
  const plugins: ApolloServerPlugin<GatewayContext>[] = [operationNamePlugin];
  if (opts.landingPage === false) plugins.push(ApolloServerPluginLandingPageDisabled());
  if (opts.limits) plugins.push(operationLimitsPlugin({ costs: () => current.costs, limits: opts.limits }));
  plugins.push(authorizationPlugin(requirementsOf, authorize));
  // After authorization: the cache keys on and tags the filtered operation.
  if (cache) plugins.push(cache.plugin((type) => !current.requirements.fields.has(`${type}.id`)));
  plugins.push(httpCacheScopePlugin); // `cache-control: …, private` to HTTP caches for a token's answers
  if (opts.maskInternalErrors !== false) plugins.push(maskingPlugin(logger));
  if (metrics) plugins.push(metricsPlugin(metrics)); // after masking: counts the codes clients get
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: opts.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    logger,
    plugins,
    ...(opts.limits && { parseOptions: { maxTokens: opts.limits.maxTokens } }),
    ...(opts.persistedOperations && { persistedQueries: { cache: trustedApqCache(opts.persistedOperations, cache?.apq) } }),
    ...(!opts.persistedOperations && cache && { persistedQueries: { cache: cache.apq } }),
  });
  await server.start();
  const lifecycle = { draining: false };
  const anonymous = (): Record<string, string> => (opts.internalSecret ? { [IDENTITY_HEADER]: signIdentity(opts.internalSecret, ANONYMOUS) } : {});
  const handler = createHandler(server, {
    lifecycle,
    logger,
    metrics,
    readiness: readinessProbe(() => current.endpoints, anonymous),
    graphiql: opts.graphiql ?? true,
    cors: opts.cors ?? DEVELOPMENT_ORIGINS,
    authenticator: opts.authenticator,
    authRequired: opts.authRequired ?? false,
    internalSecret: opts.internalSecret,
    rateLimiter: opts.rateLimiter,
    trusted: opts.trustedDocumentsOnly?.length ? { roles: opts.trustedDocumentsOnly, documents: opts.persistedOperations ?? {} } : undefined,
    passthrough,
  });
  return {
    handler,
    drain: () => {
      lifecycle.draining = true;
    },
    reload: async (supergraphSdl) => {
      const next = prepareSupergraph(supergraphSdl, overrides);
      const previous = current;
      current = next;
      try {
        update!(next.gatewaySdl);
      } catch (err) {
        current = previous;
        throw err;
      }
    },
    stop: async () => {
      await server.stop();
      await opts.rateLimiter?.close();
      await cache?.close();
    },
    cache,
    passthrough,
    sharedFetches: sharing,
  };
}

/** Records the resolved operation name in the context (for the forwarded identity and the audit). */
const operationNamePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation(rc) {
        rc.contextValue.operationName = rc.operationName;
        if (rc.contextValue.note) rc.contextValue.note.operationName = rc.operationName;
      },
    };
  },
};

/**
 * Subgraph fetches carry the signed caller identity and the request id. A subgraph that
 * cannot be reached (or answers non-2xx) becomes SUBGRAPH_UNAVAILABLE naming the service;
 * the transport detail (URL, reason) goes to the log only.
 */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    private readonly headers: HeaderRules,
    private readonly sharing: SharedFetches | undefined,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly logger: Pick<Logger, 'error'> = log,
  ) {
    super(config);
  }

  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    collectResponseHeaders(this.headers, response.http?.headers, context);
    return response;
  }

  /**
   * Uses the passthrough's fetch of this very operation, when it made one, instead of sending it
   * again; else shares the fetch with an identical one under way, when it may be shared.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const replay = options.context?.replay;
    if (replay && replay.serviceName === this.serviceName && replay.query === options.request.query) {
      options.context.replay = undefined;
      const replayed: Fetcher = async () => {
        if ('error' in replay) throw replay.error;
        return replay.response;
      };
      return this.withFetcher(replayed, options);
    }
    const { sharing } = this;
    const query = options.request.query;
    if (!sharing || !query || !sharing.shareable(query)) return super.process(options);
    const send = this.fetcher;
    const context = options.context as GatewayContext | undefined;
    return this.withFetcher((url, init = {}) => sharing.send(this.serviceName, query, url, init, context, send), options);
  }

  private withFetcher(fetcher: Fetcher, options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return super.process.call(Object.create(this, { fetcher: { value: fetcher } }) as this, options);
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }, context?: GatewayContext): void {
    const requestId = context?.requestId ?? null;
    this.logger.error({ service: this.serviceName, requestId, status: response?.status, error: error.message }, 'subgraph fetch failed');
    throw new GraphQLError(`subgraph ${this.serviceName} is unavailable${requestId ? ` (request id ${requestId})` : ''}`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName, ...(requestId && { requestId }), ...(error instanceof CircuitOpenError && { circuit: 'open' }) },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    for (const [name, value] of Object.entries(subgraphHeaders(context as GatewayContext | undefined, this.headers))) request.http?.headers.set(name, value);
  }
}

/** Apollo Server prefixes APQ keys with this (APQ_CACHE_PREFIX in its request pipeline). */
const APQ_PREFIX = 'apq:';

/**
 * An APQ cache whose trusted documents are pinned: client registrations go to `lru` (the
 * response cache's store when on, shared through Redis) that may evict them, never the manifest's entries.
 */
function trustedApqCache(documents: Record<string, string>, lru: KeyValueCache<string> = new InMemoryLRUCache<string>()): KeyValueCache<string> {
  const pinned = new Map<string, string>();
  for (const [hash, text] of Object.entries(documents)) {
    if (createHash('sha256').update(text).digest('hex') !== hash) {
      throw new Error(`persistedOperations: ${hash} is not the sha256 of its document`);
    }
    pinned.set(APQ_PREFIX + hash, text);
  }
  return {
    get: async (key) => pinned.get(key) ?? lru.get(key),
    set: (key, value, options) => lru.set(key, value, options),
    delete: (key) => lru.delete(key),
  };
}
