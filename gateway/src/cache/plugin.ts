import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { ResponseStore } from './store.ts';
import { addTagFields, argumentIdTags, takeTags } from './tags.ts';

export type LookupResult = 'hit' | 'miss';

export interface CacheStats {
  hits: number;
  misses: number;
  /** Responses stored. */
  stores: number;
  /** Entries removed by mutations. */
  invalidated: number;
}

export interface CachePluginOptions {
  store: ResponseStore;
  /** Upper bound of an entry's TTL in seconds, whatever the hints allow. */
  maxTtl: number;
  /** Most tags one response may carry; a response with more is not cached (it could not be invalidated reliably). */
  maxTags: number;
  /** Whether `id` may be added to selections of this type (it needs no scope or policy beyond the type's). */
  idAllowed: (type: string) => boolean;
  stats: CacheStats;
  onLookup?: (result: LookupResult) => void;
}

/** Marks the query hash of tagged operations: plans of the tagged text are not plans of the original. */
const TAGGED = 'response-cache-tags';

/**
 * Whole-response caching of queries, driven by the subgraphs' cache hints
 * (requestContext.overallCachePolicy, combined by @apollo/gateway from their `cache-control`).
 *
 * - Key: schema, operation (its hash after authorization, which tells filtered variants apart),
 *   operation name, variables and the caller's scopes; a PRIVATE response also the subject
 *   (never cached for an anonymous caller).
 * - Looked up before planning and fetching (responseForOperation); a hit answers with `age`
 *   and the `cache-control` of the policy it was stored under.
 * - Stored only with maxAge > 0 and no errors, for min(maxAge, maxTtl) seconds, tagged with
 *   `Type:id` of every object in it (the operation gets `__typename`/`id` added under
 *   `_cache_*` keys, stripped before anything is sent) and the ID arguments it was asked with.
 * - A mutation (any outcome) invalidates the objects it returns and the ids it was given.
 *
 * Must come after the authorization plugin: it keys on and tags the filtered operation.
 */
export function responseCachePlugin(opts: CachePluginOptions): ApolloServerPlugin<GatewayContext> {
  const { store, stats } = opts;
  const schemaIds = new WeakMap<object, string>();
  const count = (result: LookupResult) => {
    if (result === 'hit') stats.hits++;
    else stats.misses++;
    try {
      opts.onLookup?.(result);
    } catch {
      // metrics must not fail the request
    }
  };

  return {
    async requestDidStart() {
      let kind: 'query' | 'mutation' | null = null;
      let tagged = false;
      let hit = false;
      let keys: { public: string; private: string | null } | null = null;
      let epoch = -1;

      return {
        async didResolveOperation(rc) {
          const operation = rc.operation;
          if (!operation || operation.operation === 'subscription') return;
          kind = operation.operation;
          const result = addTagFields(rc.schema, rc.document, operation, opts.idAllowed);
          if (!result) return; // the client uses our response keys: neither tagged nor cached
          const writable = rc as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          writable.document = result.document;
          writable.operation = result.operation;
          writable.queryHash = createHash('sha256').update(rc.queryHash).update('\0').update(TAGGED).digest('hex');
          tagged = true;
        },

        async responseForOperation(rc) {
          if (kind !== 'query' || !tagged) return null;
          keys = cacheKeys(rc, schemaId(schemaIds, rc.schema));
          const found = await store.lookup(keys.private ? [keys.private, keys.public] : [keys.public]);
          epoch = found.epoch;
          const entry = found.entry;
          // A PRIVATE entry under the public key cannot happen (stored by scope); checked anyway.
          if (!entry || (entry.scope === 'PRIVATE' && !keys.private)) {
            count('miss');
            return null;
          }
          count('hit');
          hit = true;
          rc.overallCachePolicy.replace({ maxAge: entry.maxAge, scope: entry.scope });
          const age = Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000));
          return { http: { status: undefined, headers: new HeaderMap([['age', String(age)]]) }, body: { kind: 'single', singleResult: { data: entry.data } } };
        },

        async willSendResponse(rc) {
          if (hit || !kind || rc.response.body.kind !== 'single') return;
          // Let the other plugins' answers settle first (authorization adds its denials here).
          await Promise.resolve();
          const result = rc.response.body.singleResult;
          const tags = new Set<string>();
          if (tagged && result.data) takeTags(result.data, tags);
          const { operation, document } = rc;
          if (!operation || !document) return;
          const withArguments = () => {
            for (const tag of argumentIdTags(rc.schema, document, operation, rc.request.variables)) tags.add(tag);
            return [...tags];
          };

          if (kind === 'mutation') {
            stats.invalidated += await store.invalidate(withArguments());
            return;
          }
          if (!keys || !result.data || result.errors?.length) return;
          const policy = rc.overallCachePolicy.policyIfCacheable();
          if (!policy) return;
          const key = policy.scope === 'PRIVATE' ? keys.private : keys.public;
          if (!key || withArguments().length > opts.maxTags) return;
          const ttl = Math.min(policy.maxAge, opts.maxTtl);
          const entry = { data: result.data, maxAge: policy.maxAge, scope: policy.scope, storedAt: Date.now() };
          if (await store.store(key, entry, ttl, [...tags], epoch)) stats.stores++;
        },
      };
    },
  };
}

function cacheKeys(rc: GraphQLRequestContext<GatewayContext>, schema: string): { public: string; private: string | null } {
  const identity = rc.contextValue.identity;
  const material = JSON.stringify([
    schema,
    rc.queryHash,
    rc.operationName ?? null,
    canonical(rc.request.variables ?? {}),
    identity ? [...identity.scopes].sort() : null,
  ]);
  const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');
  return { public: hash('public', material), private: identity ? hash('private', identity.subject, material) : null };
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A stable id of the API schema (the same on every gateway serving the same supergraph), so a
 * reloaded supergraph never answers from entries of the previous one.
 */
function schemaId(ids: WeakMap<object, string>, schema: GraphQLSchema): string {
  let id = ids.get(schema);
  if (id) return id;
  const hash = createHash('sha256');
  for (const [name, type] of Object.entries(schema.getTypeMap()).sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(`${name}\n`);
    const t = type as unknown as { getFields?: () => Record<string, { type: unknown; args?: readonly { name: string; type: unknown }[] }>; getValues?: () => { name: string }[] };
    for (const [field, def] of Object.entries(t.getFields?.() ?? {})) hash.update(` ${field}:${String(def.type)}(${(def.args ?? []).map((a) => `${a.name}:${String(a.type)}`).join(',')})\n`);
    for (const value of t.getValues?.() ?? []) hash.update(` =${value.name}\n`);
  }
  id = hash.digest('hex').slice(0, 16);
  ids.set(schema, id);
  return id;
}

const PUBLIC_HEADER = /^max-age=(\d+), public$/;

/**
 * What HTTP caches are told: Apollo Server's `cache-control` says `public` when every hint
 * does, but an answer to a token also depends on that token (its scopes decide what the
 * answer holds), so for an authenticated caller it becomes `private` — only the caller's own
 * cache may keep it. Installed whether or not the response cache is on.
 */
export const httpCacheScopePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse(rc) {
        await Promise.resolve(); // after Apollo Server's cache-control plugin has set the header
        if (!rc.contextValue.identity) return;
        const headers = rc.response.http.headers;
        const match = PUBLIC_HEADER.exec(headers.get('cache-control') ?? '');
        if (match) headers.set('cache-control', `max-age=${match[1]}, private`);
      },
    };
  },
};
