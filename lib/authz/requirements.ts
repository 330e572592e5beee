import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DefinitionNode, type DocumentNode } from 'graphql';

/** What reading a field (or any field returning a type) needs, from the Federation auth directives. */
export interface Requirement {
  /** `@authenticated`: a verified identity. */
  authenticated: boolean;
  /** `@requiresScopes`: alternatives (any one) of scope sets (all of them). Empty: none. */
  scopes: readonly (readonly string[])[];
  /** `@policy`: alternatives (any one) of policy sets (all of them). Empty: none. */
  policies: readonly (readonly string[])[];
}

export interface AuthRequirements {
  /** By field coordinate, e.g. `Customer.email`. */
  fields: ReadonlyMap<string, Requirement>;
  /** By type name: every field returning the type carries the type's requirement. */
  types: ReadonlyMap<string, Requirement>;
}

/** The Federation specs whose directives say who may read what (linked `for: SECURITY`). */
export const SECURITY_SPECS = {
  authenticated: 'https://specs.apollo.dev/authenticated/',
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/',
  policy: 'https://specs.apollo.dev/policy/',
} as const;

const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/';
type Spec = keyof typeof SECURITY_SPECS;

/**
 * Reads `@authenticated`, `@requiresScopes` and `@policy` from a supergraph (directives
 * linked by their own spec URLs) or a subgraph schema (imported through the federation
 * link). Directive names follow the links' `as` / `import` renames.
 */
export function readAuthRequirements(sdl: string | DocumentNode): AuthRequirements {
  const doc = typeof sdl === 'string' ? parse(sdl) : sdl;
  const names = directiveNames(doc);
  const fields = new Map<string, Requirement>();
  const types = new Map<string, Requirement>();
  const add = (map: Map<string, Requirement>, key: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    const found = fromDirectives(directives ?? [], names);
    if (found) map.set(key, map.has(key) ? both(map.get(key)!, found) : found);
  };
  for (const def of doc.definitions) {
    if (!isTypeDefinition(def)) continue;
    add(types, def.name.value, def.directives);
    if ('fields' in def) for (const field of def.fields ?? []) add(fields, `${def.name.value}.${field.name.value}`, field.directives);
  }
  return { fields, types };
}

/** No requirement at all. */
export const NONE: Requirement = { authenticated: false, scopes: [], policies: [] };

/** Scopes whose data is sensitive: every read of it is audited (with any `@policy`). */
const SENSITIVE_SCOPES = ['pii:read', 'hr:reviews'];

/** Whether a requirement makes the data it guards sensitive: subgraphs audit each read of it. */
export function isSensitive(r: Pick<Requirement, 'scopes' | 'policies'>): boolean {
  return r.policies.length > 0 || r.scopes.some((set) => set.some((s) => SENSITIVE_SCOPES.includes(s)));
}

export function isOpen(r: Requirement): boolean {
  return !r.authenticated && r.scopes.length === 0 && r.policies.length === 0;
}

/** Both requirements at once (scope alternatives multiply out). */
export function both(a: Requirement, b: Requirement): Requirement {
  return { authenticated: a.authenticated || b.authenticated, scopes: product(a.scopes, b.scopes), policies: product(a.policies, b.policies) };
}

function product(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): string[][] {
  if (a.length === 0) return b.map((x) => [...x]);
  if (b.length === 0) return a.map((x) => [...x]);
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

function directiveNames(doc: DocumentNode): Record<Spec, string> {
  const names: Record<Spec, string> = { authenticated: 'authenticated', requiresScopes: 'requiresScopes', policy: 'policy' };
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = stringArg(link, 'url') ?? '';
      for (const spec of Object.keys(SECURITY_SPECS) as Spec[]) {
        if (url.startsWith(SECURITY_SPECS[spec])) names[spec] = stringArg(link, 'as') ?? spec;
      }
      if (url.startsWith(FEDERATION_SPEC)) {
        const prefix = stringArg(link, 'as') ?? 'federation';
        const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
        for (const spec of Object.keys(SECURITY_SPECS) as Spec[]) {
          names[spec] = `${prefix}__${spec}`;
          for (const entry of imports?.kind === Kind.LIST ? imports.values : []) {
            if (entry.kind === Kind.STRING && entry.value === `@${spec}`) names[spec] = spec;
            if (entry.kind === Kind.OBJECT) {
              const name = entry.fields.find((f) => f.name.value === 'name')?.value;
              const as = entry.fields.find((f) => f.name.value === 'as')?.value;
              if (name?.kind === Kind.STRING && name.value === `@${spec}`) names[spec] = as?.kind === Kind.STRING ? as.value.replace(/^@/, '') : spec;
            }
          }
        }
      }
    }
  }
  return names;
}

function fromDirectives(directives: readonly ConstDirectiveNode[], names: Record<Spec, string>): Requirement | undefined {
  let found: Requirement | undefined;
  for (const d of directives) {
    let r: Requirement | undefined;
    if (d.name.value === names.authenticated) r = { ...NONE, authenticated: true };
    if (d.name.value === names.requiresScopes) r = { ...NONE, scopes: nestedStrings(d, 'scopes') };
    if (d.name.value === names.policy) r = { ...NONE, policies: nestedStrings(d, 'policies') };
    if (r) found = found ? both(found, r) : r;
  }
  return found;
}

function nestedStrings(d: ConstDirectiveNode, arg: string): string[][] {
  const value = d.arguments?.find((a) => a.name.value === arg)?.value;
  const list = (v: ConstValueNode | undefined): ConstValueNode[] => (v?.kind === Kind.LIST ? [...v.values] : v ? [v] : []);
  return list(value).map((inner) => list(inner).flatMap((s) => (s.kind === Kind.STRING ? [s.value] : [])));
}

function stringArg(d: ConstDirectiveNode, name: string): string | undefined {
  const v = d.arguments?.find((a) => a.name.value === name)?.value;
  return v?.kind === Kind.STRING ? v.value : undefined;
}

type TypeDefinition = Extract<
  DefinitionNode,
  { kind: Kind.OBJECT_TYPE_DEFINITION | Kind.OBJECT_TYPE_EXTENSION | Kind.INTERFACE_TYPE_DEFINITION | Kind.INTERFACE_TYPE_EXTENSION | Kind.SCALAR_TYPE_DEFINITION | Kind.ENUM_TYPE_DEFINITION | Kind.UNION_TYPE_DEFINITION }
>;

function isTypeDefinition(def: DefinitionNode): def is TypeDefinition {
  return (
    def.kind === Kind.OBJECT_TYPE_DEFINITION ||
    def.kind === Kind.OBJECT_TYPE_EXTENSION ||
    def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
    def.kind === Kind.INTERFACE_TYPE_EXTENSION ||
    def.kind === Kind.SCALAR_TYPE_DEFINITION ||
    def.kind === Kind.ENUM_TYPE_DEFINITION ||
    def.kind === Kind.UNION_TYPE_DEFINITION
  );
}
