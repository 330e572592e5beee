/**
 * Duck-typed access to a GraphQLSchema's types. The schema may come from another copy of
 * graphql-js than ours (the gateway's, a subgraph server's; under vitest graphql loads both
 * as ESM and as CJS), where graphql's instanceof-based predicates throw.
 */
export type SchemaField = { name: string; type: unknown; args?: readonly { name: string; type: unknown }[] };
export type NamedType = { name: string; getFields?: () => Record<string, SchemaField>; getTypes?: () => unknown[] };

/** The named type inside list and non-null wrappers. */
export function namedType(type: unknown): NamedType {
  let inner = type;
  while (inner && typeof inner === 'object' && 'ofType' in inner) inner = (inner as { ofType: unknown }).ofType;
  return inner as NamedType;
}

export function isNonNull(type: unknown): boolean {
  return String(type).endsWith('!');
}

/** An object, interface or union type. */
export function isComposite(type: unknown): type is NamedType {
  return !!type && typeof type === 'object' && (typeof (type as NamedType).getFields === 'function' || typeof (type as NamedType).getTypes === 'function');
}

/** The fields of an object or interface type; undefined for others. */
export function fieldsOf(type: unknown): Record<string, SchemaField> | undefined {
  return type && typeof type === 'object' && typeof (type as NamedType).getFields === 'function' ? (type as NamedType).getFields!() : undefined;
}
