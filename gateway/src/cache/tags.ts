import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { isComposite, namedType, type NamedType } from '../../../lib/schema-types.ts';

/**
 * Response keys the cache adds to an operation so every object says what it is: the type
 * (`__typename`) everywhere, the `id` of object (and interface) types that have one. Removed
 * from responses before they are cached or sent, like authz's placeholders.
 */
export const TYPENAME_KEY = '_cache_typename';
export const ID_KEY = '_cache_id';
/** `id` selected on an interface: its own key, so it never has to merge with an object's `id` of another nullability. */
export const INTERFACE_ID_KEY = '_cache_iid';
const KEYS = new Set([TYPENAME_KEY, ID_KEY, INTERFACE_ID_KEY]);

/** An object type (interfaces have getInterfaces too, but `resolveType` where objects have `isTypeOf`). */
const isObjectType = (t: NamedType) => 'isTypeOf' in t && typeof t.getFields === 'function';
const isLeaf = (t: NamedType) => typeof t.getFields !== 'function' && typeof t.getTypes !== 'function';

export interface Tagged {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/**
 * The operation with the tag fields added to every selection set below the root (fragments
 * too), keeping the authorization plugin's result (fields it removed stay removed: `id` is
 * only added where `idAllowed(type)`, i.e. `Type.id` needs nothing more than its type).
 * Null when the operation already uses one of the cache's response keys (not cached then).
 */
export function addTagFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, idAllowed: (type: string) => boolean): Tagged | null {
  let clash = false;
  const typeOf = (name: string) => schema.getType(name) as unknown as NamedType | undefined;

  const augment = (set: SelectionSetNode, parent: NamedType | undefined, root: boolean): SelectionSetNode => {
    const selections: SelectionNode[] = set.selections.map((sel) => {
      if (sel.kind === Kind.FIELD) {
        if (KEYS.has(sel.alias?.value ?? sel.name.value)) clash = true;
        if (!sel.selectionSet) return sel;
        const def = parent?.getFields?.()[sel.name.value];
        const target = def ? namedType(def.type) : undefined;
        return { ...sel, selectionSet: augment(sel.selectionSet, isComposite(target) ? target : undefined, false) };
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const condition = sel.typeCondition ? typeOf(sel.typeCondition.name.value) : parent;
        return { ...sel, selectionSet: augment(sel.selectionSet, isComposite(condition) ? condition : undefined, root) };
      }
      return sel;
    });
    if (root || !parent) return { ...set, selections };
    selections.push(aliased(TYPENAME_KEY, '__typename'));
    const id = parent.getFields?.().id;
    if (id && isLeaf(namedType(id.type)) && idAllowed(parent.name)) selections.push(aliased(isObjectType(parent) ? ID_KEY : INTERFACE_ID_KEY, 'id'));
    return { ...set, selections };
  };

  const root = schema.getRootType(operation.operation) as unknown as NamedType | undefined;
  const tagged: OperationDefinitionNode = { ...operation, selectionSet: augment(operation.selectionSet, root, true) };
  const definitions = document.definitions.map((def) => {
    if (def === operation) return tagged;
    if (def.kind !== Kind.FRAGMENT_DEFINITION) return def;
    const condition = typeOf(def.typeCondition.name.value);
    return { ...def, selectionSet: augment(def.selectionSet, isComposite(condition) ? condition : undefined, false) } satisfies FragmentDefinitionNode;
  });
  return clash ? null : { document: { ...document, definitions }, operation: tagged };
}

function aliased(alias: string, name: string): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } };
}

/** Tag of an object of a type, and of an id whatever its type (for ids given as arguments). */
export const typeTag = (type: string, id: string) => `${type}:${id}`;
export const idTag = (id: string) => `#${id}`;

/**
 * Removes the tag fields from a response's data (in place) and adds to `tags` the tags of
 * every object with a type and an id in it: `Type:id` and `#id`.
 */
export function takeTags(value: unknown, tags: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) takeTags(item, tags);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const type = obj[TYPENAME_KEY];
  const id = obj[ID_KEY] ?? obj[INTERFACE_ID_KEY];
  if (typeof id === 'string' || typeof id === 'number') {
    if (typeof type === 'string') tags.add(typeTag(type, String(id)));
    tags.add(idTag(String(id)));
  }
  for (const key of KEYS) delete obj[key];
  for (const child of Object.values(obj)) if (child !== null && typeof child === 'object') takeTags(child, tags);
}

/**
 * Every value of type ID the operation passes as an argument (in input objects and lists too,
 * literal or through variables), as `#id` tags: a mutation's arguments name what it changes,
 * a query's arguments what it reads even when the answer holds no object (null).
 */
export function argumentIdTags(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Set<string> {
  const tags = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();

  const collect = (value: unknown, type: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) collect(item, type);
      return;
    }
    const named = namedType(type);
    if (named?.name === 'ID' && (typeof value === 'string' || typeof value === 'number')) {
      tags.add(idTag(String(value)));
      return;
    }
    const fields = named?.getFields?.();
    if (!fields || typeof value !== 'object') return;
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) if (fields[name]) collect(v, fields[name].type);
  };

  const walk = (set: SelectionSetNode, parent: NamedType | undefined): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as unknown as NamedType | undefined);
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as unknown as NamedType | undefined) : parent);
        continue;
      }
      const def = parent?.getFields?.()[sel.name.value];
      if (!def) continue;
      for (const arg of sel.arguments ?? []) {
        const argDef = def.args?.find((a) => a.name === arg.name.value);
        if (argDef) collect(valueOf(arg.value, variables), argDef.type);
      }
      const target = namedType(def.type);
      if (sel.selectionSet && isComposite(target)) walk(sel.selectionSet, target);
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation) as unknown as NamedType | undefined);
  return tags;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}
