import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ScalarTypeDefinitionNode,
} from 'graphql';

// Reads the supergraph's @join__* directives into a model of the API schema: which subgraphs
// define each type, resolve each field, and which subgraph owns an entity.

export interface DocArg { name: string; type: string; defaultValue?: string; description: string }
export interface DocField {
  name: string;
  type: string;
  args: DocArg[];
  /** Default value of an input field. */
  defaultValue?: string;
  description: string;
  graphs: string[];
  isKey: boolean;
}
export interface DocType {
  name: string;
  kind: 'type' | 'input' | 'enum' | 'scalar';
  description: string;
  /** Subgraphs that define the type, sorted. */
  graphs: string[];
  /** Key field sets when the type is an entity. */
  keys: string[];
  /** The owning subgraph (entities and single-subgraph types); undefined for shared value types. */
  owner?: string;
  /** Subgraphs other than the owner that resolve non-key fields of an entity, with those fields. */
  extensions: { graph: string; fields: string[] }[];
  fields: DocField[];
  values: { name: string; description: string }[];
}

type Def = ObjectTypeDefinitionNode | InputObjectTypeDefinitionNode | EnumTypeDefinitionNode | ScalarTypeDefinitionNode;

const hidden = (name: string) => name.startsWith('join__') || name.startsWith('link__');
const inaccessible = (dirs: readonly ConstDirectiveNode[] | undefined) => (dirs ?? []).some((d) => d.name.value === 'inaccessible');
const oneLine = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').trim();

function arg(d: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = d.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

const directives = (dirs: readonly ConstDirectiveNode[] | undefined, name: string) => (dirs ?? []).filter((d) => d.name.value === name);

function docArg(a: InputValueDefinitionNode): DocArg {
  return {
    name: a.name.value,
    type: print(a.type),
    ...(a.defaultValue ? { defaultValue: print(a.defaultValue) } : {}),
    description: oneLine(a.description?.value),
  };
}

export function readSupergraph(supergraphSdl: string): DocType[] {
  const doc = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const name = directives(v.directives, 'join__graph').map((d) => arg(d, 'name'))[0];
        graphNames.set(v.name.value, typeof name === 'string' ? name : v.name.value.toLowerCase());
      }
    }
  }
  const graphOf = (d: ConstDirectiveNode) => graphNames.get(String(arg(d, 'graph'))) ?? String(arg(d, 'graph'));

  const defs = doc.definitions.filter(
    (d): d is Def =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION ||
        d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
        d.kind === Kind.ENUM_TYPE_DEFINITION ||
        d.kind === Kind.SCALAR_TYPE_DEFINITION) &&
      !hidden(d.name.value) &&
      !inaccessible(d.directives),
  );
  return defs.map((def) => docType(def, graphOf)).sort((a, b) => a.name.localeCompare(b.name));
}

function docType(def: Def, graphOf: (d: ConstDirectiveNode) => string): DocType {
  const joins = directives(def.directives, 'join__type');
  const graphs = [...new Set(joins.map(graphOf))].sort();
  const keys = [...new Set(joins.map((d) => arg(d, 'key')).filter((k): k is string => typeof k === 'string'))];
  const keyFields = new Set(keys.flatMap((k) => k.split(/\s+/)));
  const extensionGraphs = new Set(joins.filter((d) => arg(d, 'extension') === true).map(graphOf));
  const kind: DocType['kind'] =
    def.kind === Kind.OBJECT_TYPE_DEFINITION ? 'type' : def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? 'input' : def.kind === Kind.ENUM_TYPE_DEFINITION ? 'enum' : 'scalar';

  const fieldNodes: readonly (FieldDefinitionNode | InputValueDefinitionNode)[] =
    def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? (def.fields ?? []) : [];
  const fields: DocField[] = fieldNodes
    .filter((f) => !inaccessible(f.directives))
    .map((f) => {
      const fieldJoins = directives(f.directives, 'join__field');
      for (const j of fieldJoins) if (arg(j, 'external') === true) extensionGraphs.add(graphOf(j));
      const resolving = fieldJoins.filter((j) => arg(j, 'external') !== true).map(graphOf);
      return {
        name: f.name.value,
        type: print(f.type),
        args: 'arguments' in f ? (f.arguments ?? []).map(docArg) : [],
        ...('defaultValue' in f && f.defaultValue ? { defaultValue: print(f.defaultValue) } : {}),
        description: oneLine(f.description?.value),
        graphs: fieldJoins.length ? [...new Set(resolving)].sort() : graphs,
        isKey: keyFields.has(f.name.value),
      };
    });

  // The owner of an entity: among the subgraphs that neither mark it as an extension nor
  // declare @external fields on it, the one resolving the most non-key fields.
  let owner: string | undefined = graphs.length === 1 ? graphs[0] : undefined;
  const extensions: DocType['extensions'] = [];
  if (keys.length && kind === 'type') {
    const own = (g: string) => fields.filter((f) => !f.isKey && f.graphs.includes(g)).map((f) => f.name);
    const candidates = graphs.filter((g) => !extensionGraphs.has(g));
    owner = [...(candidates.length ? candidates : graphs)].sort((a, b) => own(b).length - own(a).length || a.localeCompare(b))[0];
    for (const g of graphs) if (g !== owner && own(g).length) extensions.push({ graph: g, fields: own(g) });
  }
  return {
    name: def.name.value,
    kind,
    description: oneLine(def.description?.value),
    graphs,
    keys,
    ...(owner ? { owner } : {}),
    extensions,
    fields,
    values:
      def.kind === Kind.ENUM_TYPE_DEFINITION
        ? (def.values ?? []).filter((v) => !inaccessible(v.directives)).map((v) => ({ name: v.name.value, description: oneLine(v.description?.value) }))
        : [],
  };
}
