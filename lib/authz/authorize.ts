import {
  Kind,
  getOperationAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { both, isOpen, NONE, type AuthRequirements, type Requirement } from './requirements.ts';
import { fieldsOf, isComposite, isNonNull, namedType, type NamedType } from '../schema-types.ts';


/** Who is asking: what the verified token says. */
export interface Principal {
  subject: string;
  scopes: readonly string[];
  employeeId: string | null;
}

/** A `@policy` rule that needs code: true when the principal may read. */
export type Policy = (principal: Principal) => boolean;

export interface DeniedField {
  /** Response keys from the root (list items are not indexed). */
  path: string[];
  /** `Type.field`, or the type of a fragment's type condition. */
  coordinate: string;
  /** UNAUTHENTICATED without a token, FORBIDDEN with one. */
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** What would have allowed it: any one of these scope sets. */
  scopes: readonly (readonly string[])[];
  /** Any one of these policy sets. */
  policies: readonly (readonly string[])[];
}

export interface Authorized {
  /** The document to execute: the operation with denied fields removed and fragments inlined. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  denied: DeniedField[];
  /** Paths whose value must read null in the response (a denied field, or its nullable ancestor). */
  nulled: string[][];
  /** The whole `data` must be null (a non-null root field was denied). */
  nullData: boolean;
  /** Stable text identifying what was removed (for plan caches). */
  signature: string;
}

/** Response key standing in for a selection set whose every field was denied; removed from responses. */
export const PLACEHOLDER = '_authz_placeholder';

export interface AuthorizeOptions {
  schema: GraphQLSchema;
  requirements: AuthRequirements;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  principal: Principal | null;
  policies?: Record<string, Policy>;
}

/**
 * Removes from a validated operation every field the principal may not read, before any
 * subgraph sees it. A denied non-null field takes its nearest nullable ancestor with it,
 * as GraphQL's null propagation would. Returns null when nothing is denied.
 */
export function authorize(opts: AuthorizeOptions): Authorized | null {
  const operation = getOperationAST(opts.document, opts.operationName);
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of opts.document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = opts.schema.getRootType(operation.operation);
  if (!root) return null;

  const denied: DeniedField[] = [];
  const nulled: string[][] = [];
  const check = (r: Requirement): Pick<DeniedField, 'code' | 'scopes' | 'policies'> | null => {
    if (isOpen(r)) return null;
    const p = opts.principal;
    if (!p) return { code: 'UNAUTHENTICATED', scopes: r.scopes, policies: r.policies };
    const scopesOk = r.scopes.length === 0 || r.scopes.some((set) => set.every((s) => p.scopes.includes(s)));
    const policiesOk = r.policies.length === 0 || r.policies.some((set) => set.every((name) => opts.policies?.[name]?.(p) === true));
    return scopesOk && policiesOk ? null : { code: 'FORBIDDEN', scopes: r.scopes, policies: r.policies };
  };

  /** Thrown up to the nearest nullable field when a non-null field is denied. */
  class Bubble {}

  const walk = (set: SelectionSetNode, parent: NamedType, path: string[]): SelectionSetNode => {
    const out: SelectionNode[] = [];
    // A denied non-null field nulls this whole object; siblings are still checked so every denied path is reported.
    let bubbled = false;
    for (const sel of set.selections) {
      if (!included(sel, opts.variables)) {
        out.push(sel);
        continue;
      }
      if (sel.kind === Kind.FIELD) {
        try {
          const kept = field(sel, parent, path);
          if (kept) out.push(kept);
        } catch (err) {
          if (!(err instanceof Bubble)) throw err;
          bubbled = true;
        }
        continue;
      }
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? opts.schema.getType(fragment.typeCondition.name.value) : parent;
      if (!isComposite(condition)) continue;
      if (condition !== parent) {
        const why = check(opts.requirements.types.get(condition.name) ?? NONE);
        if (why) {
          denied.push({ path, coordinate: condition.name, ...why });
          continue;
        }
      }
      try {
        out.push({
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: sel.directives,
          selectionSet: walk(fragment.selectionSet, condition, path),
        });
      } catch (err) {
        if (!(err instanceof Bubble)) throw err;
        bubbled = true;
      }
    }
    if (bubbled) throw new Bubble();
    return { kind: Kind.SELECTION_SET, selections: out.length ? out : [placeholder()] };
  };

  const field = (node: FieldNode, parent: NamedType, path: string[]): FieldNode | null => {
    const name = node.name.value;
    if (name.startsWith('__')) return node; // __typename, and introspection at the root
    const def = fieldsOf(parent)?.[name];
    if (!def) return node;
    const key = node.alias?.value ?? name;
    const here = [...path, key];
    const named = namedType(def.type);
    const requirement = both(opts.requirements.fields.get(`${parent.name}.${name}`) ?? NONE, opts.requirements.types.get(named.name) ?? NONE);
    const why = check(requirement);
    if (why) {
      denied.push({ path: here, coordinate: `${parent.name}.${name}`, ...why });
      return drop(def.type, here);
    }
    if (!node.selectionSet || !isComposite(named)) return node;
    try {
      return { ...node, selectionSet: walk(node.selectionSet, named, here) };
    } catch (err) {
      if (err instanceof Bubble) return drop(def.type, here);
      throw err;
    }
  };

  const drop = (type: unknown, path: string[]): null => {
    if (isNonNull(type)) throw new Bubble();
    nulled.push(path);
    return null;
  };

  let nullData = false;
  let selectionSet: SelectionSetNode;
  try {
    selectionSet = walk(operation.selectionSet, root, []);
  } catch (err) {
    if (!(err instanceof Bubble)) throw err;
    nullData = true;
    selectionSet = { kind: Kind.SELECTION_SET, selections: [placeholder()] };
  }
  if (denied.length === 0) return null;
  const filtered: OperationDefinitionNode = { ...operation, selectionSet };
  return {
    document: { kind: Kind.DOCUMENT, definitions: [filtered] },
    operation: filtered,
    denied,
    nulled,
    nullData,
    signature: denied.map((d) => `${d.path.join('.')}@${d.coordinate}`).join(','),
  };
}

function placeholder(): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PLACEHOLDER }, name: { kind: Kind.NAME, value: '__typename' } };
}

/** Honours @skip/@include, so a skipped field is never reported as denied. */
function included(sel: SelectionNode, variables: Record<string, unknown> = {}): boolean {
  for (const d of sel.directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    const value = arg ? literal(arg, variables) : undefined;
    if (d.name.value === 'skip' && value === true) return false;
    if (d.name.value === 'include' && value === false) return false;
  }
  return true;
}

function literal(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.BOOLEAN) return node.value;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
