import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { getVariableValues, Kind, parse, print, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { IDENTITY_HEADER } from '../../lib/internal-identity.ts';
import type { Authorize } from '../../lib/authz/memo.ts';
import type { AuthRequirements } from '../../lib/authz/requirements.ts';
import { fieldsOf, isComposite, namedType, type NamedType } from '../../lib/schema-types.ts';
import type { GatewayContext } from './context.ts';
import { collectResponseHeaders, type HeaderRules } from './headers.ts';
import { memoizedAnalysis } from './limits/analysis-memo.ts';
import type { CostModel } from './limits/cost-directives.ts';
import { firstExceeded, type OperationLimits } from './limits/plugin.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { Fetcher } from './resilience/index.ts';
import type { SharedFetches } from './shared-fetches.ts';

/** What the current supergraph says, read on every request (it may be reloaded). */
export interface PassthroughRules {
  requirements: AuthRequirements | null;
  /** The gateway's authorization check (remembered per document and caller, as on the regular path). */
  authorize: Authorize;
  costs: CostModel;
  limits?: OperationLimits;
  /** Whether answers carry `extensions.cost` (the supergraph uses demand control), as the limits plugin decides. */
  reportCost: boolean;
  /** Enums with @inaccessible values: a subgraph may return a value the API schema lacks. */
  hiddenEnums: ReadonlySet<string>;
  headers: HeaderRules;
}

/** A learned operation whose whole plan is one query fetch returning exactly what the client asked. */
interface Route {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  serviceName: string;
  fetchQuery: string;
  fetchOperationName: string | undefined;
  variableUsages: readonly string[];
  /** UTF-8 bytes of the operation's text (for the document size limit). */
  documentBytes: number;
  /** What the answer's `data` must hold to be passed on as is. */
  shape: Shape;
  rootType: string;
}

/** A fetch the passthrough made, handed to the regular path when it cannot answer alone. */
export type Replay = { serviceName: string; query: string } & ({ response: Awaited<ReturnType<Fetcher>> } | { error: unknown });

/** Operations remembered (routes and refusals) and the characters of their keys; the table is cleared when either is reached. */
const MAX_ROUTES = 2_000;
const MAX_KEY_CHARS = 4 * 1024 * 1024;
/** Longest operation text the passthrough learns (longer ones always take the regular path). */
const MAX_QUERY_CHARS = 16 * 1024;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const ACCEPTED = new Set([undefined, '*/*', 'application/json']);

/**
 * The single-fetch passthrough. When the query plan of an operation is one fetch to one
 * subgraph whose selection is exactly the client's (same fields, aliases, arguments and order;
 * no fragments on other types, no directives, no enum that hides values), @apollo/gateway's
 * answer is the subgraph's `data`, provided that data holds exactly what was asked in the
 * asked order with valid values (conformsTo). For such operations (learned from the plans
 * @apollo/gateway makes, per exact query text and operation name), the gateway checks the
 * request as the regular path does — variables, limits, authorization — sends the fetch
 * itself, checks the answer and writes its `data` back as Apollo Server would. Anything else
 * (an answer with errors, extensions or anything unexpected, a denied field, a refused limit,
 * a content type or Accept header other than JSON, the response cache on) takes the regular
 * path; a fetch already made is replayed to it rather than sent twice.
 */
export class Passthrough {
  private routes = new Map<string, Route | null>();
  /** Characters of the keys in `routes`. */
  private bytes = 0;
  /** Answers served without the regular path (for tests and the benchmark). */
  served = 0;

  constructor(
    private readonly rules: () => PassthroughRules,
    private readonly fetchers: (serviceName: string) => { url: string; fetch: Fetcher } | undefined,
    private readonly metrics?: GatewayMetrics,
    /** Shares the passthrough's fetches with identical ones under way, as the regular path's are. */
    private readonly sharing?: SharedFetches,
  ) {}

  /** The cost analysis, remembered per document and what it can see of the variables. */
  private readonly analyze = memoizedAnalysis();
  /** Forgets every route (a new supergraph was loaded). */
  reset(): void {
    this.routes = new Map();
    this.bytes = 0;
  }

  /** @apollo/gateway's `experimental_didResolveQueryPlan`: remembers operations the regular path planned. */
  readonly learn: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, operationContext, requestContext }) => {
    const context = requestContext.context as GatewayContext;
    const key = context.passthroughKey;
    if (!key || context.authorizationFiltered || this.routes.has(key)) return;
    if (this.routes.size >= MAX_ROUTES || this.bytes >= MAX_KEY_CHARS) this.reset();
    const node = queryPlan.node;
    const single =
      node?.kind === 'Fetch' &&
      node.operationKind === 'query' &&
      operationContext.operation.operation === 'query' &&
      !node.requires?.length &&
      !node.inputRewrites?.length &&
      !node.outputRewrites?.length &&
      !node.contextRewrites?.length &&
      !node.hasDefers;
    if (!single || !requestContext.document) return void this.routes.set(key, null);
    const schema = operationContext.schema;
    const hidden = this.rules().hiddenEnums;
    const client = selectionShape(schema, operationContext.operation.operation, operationContext.operation.selectionSet, operationContext.fragments, hidden);
    const fetchDocument = parse(node.operation, { noLocation: true });
    const fetchOperation = fetchDocument.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fetchFragments = Object.fromEntries(
      fetchDocument.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const fetched = fetchOperation && selectionShape(schema, 'query', fetchOperation.selectionSet, fetchFragments, hidden);
    if (!client || !fetched || client.text !== fetched.text) return void this.routes.set(key, null);
    this.routes.set(key, {
      schema,
      document: requestContext.document,
      operation: operationContext.operation,
      operationName: operationContext.operation.name?.value ?? null,
      serviceName: node.serviceName,
      fetchQuery: node.operation,
      fetchOperationName: node.operationName,
      variableUsages: node.variableUsages ?? [],
      documentBytes: Buffer.byteLength(requestContext.request.query ?? '', 'utf8'),
      shape: client.shape,
      rootType: client.root,
    });
    this.bytes += key.length;
  };

  /**
   * Answers `body` when its operation is a learned passthrough route and every check passes;
   * false when the regular path must answer (with `context.replay` set if a fetch was made).
   */
  async serve(req: IncomingMessage, res: ServerResponse, body: unknown, context: GatewayContext): Promise<boolean> {
    const started = performance.now();
    const request = passable(req, body);
    if (!request) return false;
    const key = `${request.operationName ?? ''}\n${request.query}`;
    const route = this.routes.get(key);
    if (route === undefined) context.passthroughKey = key; // unknown: let the regular path's plan teach us
    if (!route) return false;

    const rules = this.rules();
    const variables = request.variables ?? {};
    const { errors } = getVariableValues(route.schema, route.operation.variableDefinitions ?? [], variables);
    if (errors?.length) return false;
    let cost: number | undefined;
    if (rules.limits) {
      if (route.documentBytes > rules.limits.maxDocumentBytes) return false;
      const analysis = this.analyze({ schema: route.schema, costs: rules.costs, document: route.document, operationName: route.operationName, variables, defaultListSize: rules.limits.defaultListSize });
      if (firstExceeded(analysis, rules.limits)) return false;
      if (rules.reportCost) cost = analysis.estimatedCost;
    }
    if (rules.requirements) {
      const denied = rules.authorize({ schema: route.schema, requirements: rules.requirements, document: route.document, operationName: route.operationName, variables, principal: context.identity });
      if (denied) return false;
    }
    const target = this.fetchers(route.serviceName);
    if (!target) return false;

    context.operationName = route.operationName;
    if (context.note) context.note.operationName = route.operationName;
    const sent: Record<string, unknown> = {};
    for (const name of route.variableUsages) if (variables[name] !== undefined) sent[name] = variables[name];
    let response: Awaited<ReturnType<Fetcher>>;
    try {
      const init = {
        method: 'POST',
        headers: subgraphHeaders(context, rules.headers),
        body: JSON.stringify({ query: route.fetchQuery, variables: sent, operationName: route.fetchOperationName }),
      };
      response = await (this.sharing ? this.sharing.send(route.serviceName, route.fetchQuery, target.url, init, context, target.fetch) : target.fetch(target.url, init));
    } catch (error) {
      context.replay = { serviceName: route.serviceName, query: route.fetchQuery, error };
      return false;
    }
    // An unread copy for the regular path, should this answer not do (the body is in memory).
    const unread = response.clone();
    const text = response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('application/json') ? await response.text() : undefined;
    const data = text === undefined ? undefined : dataOnly(text, route);
    if (data === undefined) {
      context.replay = { serviceName: route.serviceName, query: route.fetchQuery, response: unread };
      return false;
    }
    collectResponseHeaders(rules.headers, response.headers, context);
    res.statusCode = 200;
    res.setHeader('content-type', JSON_CONTENT_TYPE);
    res.setHeader('cache-control', cacheControl(response.headers.get('cache-control'), context.identity !== null));
    context.responseHeaders.applyTo(res);
    const extensions = cost === undefined ? undefined : { cost: { estimated: cost, max: rules.limits!.maxCost } };
    res.end(`${JSON.stringify({ data, extensions })}\n`); // as Apollo Server writes a result
    this.served++;
    this.metrics?.operation(route.operationName, 'ok', (performance.now() - started) / 1000);
    return true;
  }
}

interface Passable {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** A JSON POST of one operation by its text (no batch, no APQ or other extensions) with a plain Accept. */
function passable(req: IncomingMessage, body: unknown): Passable | null {
  if (req.method !== 'POST' || !ACCEPTED.has(req.headers.accept)) return null;
  // Exactly JSON: anything else is Apollo Server's to judge (CSRF prevention refuses text/plain...).
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') return null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_QUERY_CHARS || extensions !== undefined || Object.keys(rest).length) return null;
  if (operationName != null && (typeof operationName !== 'string' || operationName === '')) return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return { query, operationName: operationName as string | null | undefined, variables: variables as Record<string, unknown> | null | undefined };
}

/**
 * The `data` of a subgraph answer that is `{"data": {…}}` and nothing else, holding exactly
 * what the operation asked (conformsTo); undefined otherwise (the regular path answers).
 */
function dataOnly(text: string, route: Route): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'data') return undefined;
  const data = (body as { data: unknown }).data;
  return conformsTo(data, route.shape, route.rootType) ? data : undefined;
}

/**
 * What Apollo Server's cache-control plugin sends for a single fetch: the subgraph's hint
 * (RemoteGraphQLDataSource reads `max-age` and the scope), `no-store` when there is none;
 * a token's answers are private (httpCacheScopePlugin).
 */
function cacheControl(header: string | null, privateScope: boolean): string {
  let maxAge = 0;
  let isPrivate = false;
  let isPublic = false;
  for (const part of (header ?? '').trim().split(/\s*,\s*/)) {
    const [k, v] = part.split(/\s*=\s*/, 2);
    const value = v?.replace(/^"|"$/g, '');
    if (k === 'max-age' && value !== undefined) maxAge = /^[0-9]+$/.test(value) ? Number(value) : 0;
    if (k === 'private' && v === undefined) isPrivate = true;
    if (k === 'public' && v === undefined) isPublic = true;
  }
  // RemoteGraphQLDataSource reads `private`, then `public`: with both, public.
  const scope = isPrivate && !isPublic ? 'private' : 'public';
  if (maxAge === 0) return 'no-store';
  return `max-age=${maxAge}, ${privateScope ? 'private' : scope}`;
}

/** The headers of every subgraph fetch: JSON, the signed identity, the request id, the propagated ones. */
export function subgraphHeaders(context: GatewayContext | undefined, rules: HeaderRules): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const identity = typeof context?.forwardedIdentity === 'function' ? context.forwardedIdentity() : null;
  if (identity) headers[IDENTITY_HEADER] = identity;
  if (context?.requestId) headers['x-request-id'] = context.requestId;
  for (const name of rules.request) {
    const value = context?.requestHeaders?.[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** What one response key must hold: the field, its arguments (printed), its type, its selection. */
interface ShapeEntry {
  field: string;
  args: string;
  /** The field's output type in the API schema (with its list and non-null wrappers). */
  type: unknown;
  sub: Shape | null;
}
type Shape = Map<string, ShapeEntry>;

/**
 * What a selection asks for, resolved against the API schema: fields in order with alias,
 * arguments, type and sub-selection, repeated response keys merged, fragments on the parent's
 * own type flattened; and a canonical text of it. Null when it holds anything a passthrough
 * cannot promise to answer as @apollo/gateway would: a directive, a fragment on another type,
 * an abstract type, introspection, an enum with hidden values.
 */
function selectionShape(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation' | 'subscription',
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  hiddenEnums: ReadonlySet<string>,
): { shape: Shape; text: string; root: string } | null {
  const root = schema.getRootType(kind as never) as unknown as NamedType | null | undefined;
  if (!root) return null;
  const walk = (selections: SelectionSetNode, parent: NamedType, into: Shape): boolean => {
    for (const sel of selections.selections) {
      if (sel.directives?.length) return false;
      if (sel.kind !== Kind.FIELD) {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== parent.name)) return false;
        if (fragment.directives?.length || !walk(fragment.selectionSet, parent, into)) return false;
        continue;
      }
      const name = sel.name.value;
      const key = sel.alias?.value ?? name;
      const args = sel.arguments?.map((a) => `${a.name.value}:${print(a.value)}`).join(',') ?? '';
      if (name === '__typename') {
        if (sel.selectionSet) return false;
        const prior = into.get(key);
        if (prior && prior.field !== name) return false;
        into.set(key, { field: name, args: '', type: null, sub: null });
        continue;
      }
      if (name.startsWith('__')) return false;
      const def = fieldsOf(parent)?.[name];
      if (!def) return false;
      const type = namedType(def.type);
      const prior = into.get(key);
      if (prior && (prior.field !== name || prior.args !== args)) return false;
      if (!sel.selectionSet) {
        if (hiddenEnums.has(type.name) || isComposite(type) || prior?.sub) return false;
        into.set(key, { field: name, args, type: def.type, sub: null });
        continue;
      }
      if (!isComposite(type) || typeof type.getFields !== 'function' || 'resolveType' in (type as object)) return false; // interfaces and unions
      const sub: Shape = prior?.sub ?? new Map();
      if (!walk(sel.selectionSet, type, sub)) return false;
      into.set(key, { field: name, args, type: def.type, sub });
    }
    return true;
  };
  const shape: Shape = new Map();
  if (!walk(set, root, shape)) return null;
  const text = (s: Shape): string => [...s].map(([key, f]) => `${key}=${f.field}(${f.args})${f.sub ? `{${text(f.sub)}}` : ''}`).join(' ');
  return { shape, text: text(shape), root: root.name };
}

/**
 * Whether `data` is exactly what @apollo/gateway's result shaping would pass through
 * unchanged: the asked keys in the asked order and no others, `__typename` the parent's name,
 * null only where the type allows it, lists as arrays, and leaf values valid for their type as
 * @apollo/federation-internals' isValidLeafValue decides (custom scalars take any value).
 */
function conformsTo(data: unknown, shape: Shape, typeName: string): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  if (keys.length !== shape.size) return false;
  let i = 0;
  for (const [key, entry] of shape) {
    if (keys[i++] !== key) return false;
    const value = (data as Record<string, unknown>)[key];
    if (entry.field === '__typename' ? value !== typeName : !valueConforms(value, entry.type, entry.sub)) return false;
  }
  return true;
}

function valueConforms(value: unknown, type: unknown, sub: Shape | null): boolean {
  const wrapped = (type as { ofType?: unknown }).ofType;
  if (wrapped !== undefined) {
    if (String(type).endsWith('!')) return value !== null && valueConforms(value, wrapped, sub);
    return value === null || (Array.isArray(value) && value.every((item) => valueConforms(item, wrapped, sub)));
  }
  if (value === null) return true;
  const named = type as NamedType;
  return sub ? conformsTo(value, sub, named.name) : validLeaf(value, named);
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const BUILT_IN_SCALARS = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);
const enumValues = new WeakMap<object, ReadonlySet<string>>();

/** @apollo/federation-internals' isValidLeafValue, on the API schema's type. */
function validLeaf(value: unknown, type: NamedType & { getValues?: () => { name: string }[] }): boolean {
  const name = type.name;
  if (typeof type.getValues !== 'function' && !BUILT_IN_SCALARS.has(name)) return true; // a custom scalar
  if (typeof value === 'boolean') return name === 'Boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return name === 'Int' || name === 'ID' ? INTEGER.test(String(value)) : name === 'Float';
  if (typeof value === 'string') {
    if (typeof type.getValues === 'function') {
      let values = enumValues.get(type);
      if (!values) enumValues.set(type, (values = new Set(type.getValues().map((v) => v.name))));
      return values.has(value);
    }
    return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
  }
  return false;
}
