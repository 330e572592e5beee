import type { FastifyInstance } from 'fastify';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from 'graphql';
import { conditionKey, DocumentMemo } from '../../../lib/document-memo.ts';
import { isComposite, namedType, type NamedType } from '../../../lib/schema-types.ts';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A `@cacheControl` annotation, or the policy of a response: maxAge 0 means not cacheable. */
export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

export interface CachePolicy {
  /** Seconds; 0: not cacheable. */
  maxAge: number;
  scope: CacheScope;
}

/** The `@cacheControl` annotations of a subgraph SDL: by type name and by `Type.field`. */
export interface CacheHints {
  types: Map<string, CacheHint>;
  fields: Map<string, CacheHint>;
}

/** Reads every `@cacheControl` of an SDL (type definitions and extensions, fields). */
export function readCacheHints(sdl: string | DocumentNode): CacheHints {
  const doc = typeof sdl === 'string' ? parse(sdl) : sdl;
  const hints: CacheHints = { types: new Map(), fields: new Map() };
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const type = def.name.value;
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_EXTENSION ||
      def.kind === Kind.UNION_TYPE_DEFINITION || def.kind === Kind.UNION_TYPE_EXTENSION
    ) {
      const hint = hintOf(def.directives);
      if (hint && !hints.types.has(type)) hints.types.set(type, hint);
    }
    if ('fields' in def && def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION && def.kind !== Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? []) {
        const hint = hintOf(field.directives);
        if (hint) hints.fields.set(`${type}.${field.name.value}`, hint);
      }
    }
  }
  return hints;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): CacheHint | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return undefined;
  const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const maxAge = arg('maxAge');
  const scope = arg('scope');
  const inherit = arg('inheritMaxAge');
  const hint: CacheHint = {};
  if (scope?.kind === Kind.ENUM && (scope.value === 'PUBLIC' || scope.value === 'PRIVATE')) hint.scope = scope.value;
  // As Apollo Server: inheritMaxAge wins over a maxAge given beside it.
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) hint.inheritMaxAge = true;
  else if (maxAge?.kind === Kind.INT) hint.maxAge = Number.parseInt(maxAge.value, 10);
  return hint;
}


/** A policy being narrowed: the smallest maxAge and the most private scope seen so far. */
class Narrowing {
  maxAge: number | undefined;
  scope: CacheScope = 'PUBLIC';
  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope === 'PRIVATE') this.scope = 'PRIVATE';
  }
}

const NOT_CACHEABLE: CachePolicy = { maxAge: 0, scope: 'PUBLIC' };

/**
 * The cache policy of an operation on a subgraph, from the `@cacheControl` hints of every field
 * it selects, with Apollo Server's rules (`ApolloServerPluginCacheControl`, defaultMaxAge 0):
 * a field's hint is its return type's hint, replaced by the field's own; a root field or a
 * field returning an object, interface or union with no maxAge (and no inheritMaxAge) makes
 * the response uncacheable; scalar fields without hint inherit their parent's; the policy is
 * the smallest maxAge and PRIVATE if any hint says so. `_entities` takes the hints of the
 * representations' types (stricter than Apollo: a type without maxAge makes it uncacheable).
 * Selected fields count even where the data turns out null: the policy can only be stricter.
 * Mutations and subscriptions are never cacheable.
 */
export function cachePolicyOf(
  schema: GraphQLSchema,
  hints: CacheHints,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): CachePolicy {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return NOT_CACHEABLE;
  const root = schema.getQueryType() as unknown as NamedType | null;
  if (!root) return NOT_CACHEABLE;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const vars = variables ?? {};
  const overall = new Narrowing();

  const walk = (set: SelectionSetNode, parent: NamedType, isRoot: boolean): void => {
    for (const sel of set.selections) {
      if (!included(sel.directives, vars)) continue;
      if (sel.kind !== Kind.FIELD) {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? (schema.getType(fragment.typeCondition.name.value) as unknown as NamedType | undefined) : parent;
        if (condition && isComposite(condition)) walk(fragment.selectionSet, condition, isRoot);
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__')) continue; // __typename, introspection: no hint, as in Apollo Server
      const def = parent.getFields?.()[name];
      if (!def) continue;
      const target = namedType(def.type);
      const composite = isComposite(target);
      const policy = new Narrowing();
      let inherit = false;
      if (composite) {
        const typeHint = hints.types.get(target.name) ?? {};
        policy.maxAge = typeHint.maxAge;
        if (typeHint.scope) policy.scope = typeHint.scope;
        inherit = !!typeHint.inheritMaxAge;
      }
      const fieldHint = hints.fields.get(`${parent.name}.${name}`) ?? {};
      if (fieldHint.inheritMaxAge && policy.maxAge === undefined) {
        inherit = true;
        if (fieldHint.scope) policy.scope = fieldHint.scope;
      } else {
        if (fieldHint.maxAge !== undefined) policy.maxAge = fieldHint.maxAge;
        if (fieldHint.scope) policy.scope = fieldHint.scope;
      }
      if (isRoot && name === '_entities') {
        const typenames = representationTypes(sel.arguments?.find((a) => a.name.value === 'representations')?.value, vars);
        // No representation: nothing resolved, nothing to cache.
        if (typenames.size === 0) policy.restrict({ maxAge: 0 });
        for (const typename of typenames) {
          const hint = hints.types.get(typename);
          policy.restrict(hint?.maxAge === undefined ? { maxAge: 0 } : hint);
        }
      }
      if (sel.selectionSet && composite) walk(sel.selectionSet, target, false);
      if (policy.maxAge === undefined && ((composite && !inherit) || isRoot)) policy.maxAge = 0;
      overall.restrict(policy);
    }
  };
  walk(operation.selectionSet, root, true);
  return overall.maxAge ? { maxAge: overall.maxAge, scope: overall.scope } : NOT_CACHEABLE;
}

function representationTypes(node: ValueNode | undefined, vars: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const value = node?.kind === Kind.VARIABLE ? vars[node.name.value] : undefined;
  if (Array.isArray(value)) {
    for (const rep of value) names.add(typeof rep?.__typename === 'string' ? rep.__typename : '');
  } else if (node?.kind === Kind.LIST) {
    names.add(''); // literal representations: not what a gateway sends; treated as unhinted
  }
  return names;
}

const representationVariables = new WeakMap<DocumentNode, readonly string[]>();

/** The typenames of the representations each `_entities` variable of the document holds, as a key. */
function representationsKey(document: DocumentNode, vars: Record<string, unknown> | undefined): string {
  let names = representationVariables.get(document);
  if (!names) {
    const found = new Set<string>();
    visit(document, {
      Field(node) {
        if (node.name.value !== '_entities') return;
        const arg = node.arguments?.find((a) => a.name.value === 'representations')?.value;
        if (arg?.kind === Kind.VARIABLE) found.add(arg.name.value);
      },
    });
    names = [...found].sort();
    representationVariables.set(document, names);
  }
  if (names.length === 0) return '';
  const values = vars ?? {};
  return JSON.stringify(names.map((name) => [...representationTypes({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }, values)].sort()));
}

function included(directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] | undefined, vars: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    const value = arg?.kind === Kind.BOOLEAN ? arg.value : arg?.kind === Kind.VARIABLE ? vars[arg.name.value] : undefined;
    if (d.name.value === 'skip' && value === true) return false;
    if (d.name.value === 'include' && value === false) return false;
  }
  return true;
}

/** The `cache-control` header for a policy: `max-age=N, public|private`, or `no-store`. */
export function cacheControlHeader(policy: CachePolicy): string {
  return policy.maxAge > 0 ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store';
}

/**
 * Sends each GraphQL response's cache policy as `cache-control` (the gateway combines them,
 * see RemoteGraphQLDataSource's honorSubgraphCacheControlHeader): computed before execution
 * from the operation, sent only when the response has no errors; anything else on /graphql
 * (an error, a refusal, a mutation) answers `no-store`.
 */
export function installCacheControl(app: FastifyInstance, sdl: string): void {
  const hints = readCacheHints(sdl);
  const policies = new WeakMap<object, CachePolicy>();
  // The policy depends on the document, its operation name, the @skip/@include variables
  // and the representations' typenames (for `_entities`): worked out once per combination.
  const memo = new DocumentMemo<{ schema: GraphQLSchema; policy: CachePolicy }>();
  app.graphql.addHook('preExecution', async (schema, document, ctx, variables) => {
    const body = (ctx as { reply?: { request?: { body?: { operationName?: unknown } } } }).reply?.request?.body;
    const operationName = typeof body?.operationName === 'string' ? body.operationName : null;
    const vars = variables as Record<string, unknown> | undefined;
    const key = `${operationName ?? ''}\n${conditionKey(document, vars)}\n${representationsKey(document, vars)}`;
    const run = () => ({ schema, policy: cachePolicyOf(schema, hints, document, vars, operationName) });
    let result = memo.get(document, key, run);
    if (result.schema !== schema) result = run();
    policies.set(ctx, result.policy);
  });
  app.graphql.addHook('onResolution', async (execution, ctx) => {
    const policy = policies.get(ctx);
    const reply = (ctx as { reply?: { header(name: string, value: string): unknown } }).reply;
    if (policy && reply && !execution.errors?.length) reply.header('cache-control', cacheControlHeader(policy));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/graphql') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
