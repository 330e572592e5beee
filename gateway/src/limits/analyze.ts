import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { CostModel, ListSize } from './cost-directives.ts';

export interface AnalyzeOptions {
  /** The API schema the document was validated against. */
  schema: GraphQLSchema;
  costs: CostModel;
  /** A validated document. */
  document: DocumentNode;
  /** Which operation of the document; may be omitted when it has only one. */
  operationName?: string | null;
  /** The request's variables (raw JSON); operation defaults fill the missing ones. */
  variables?: Record<string, unknown> | null;
  /** Size assumed for a list field no `@listSize` sizes. */
  defaultListSize: number;
}

/** Shape and estimated cost of one operation; introspection (`__schema`, `__type`, `__typename`) counts for nothing. */
export interface OperationAnalysis {
  /** Deepest field nesting, a root field being 1, fragments expanded. */
  depth: number;
  /** Aliased fields, fragments expanded (a fragment spread twice counts twice). */
  aliases: number;
  /** Fields selected on the root type, fragments expanded. */
  rootFields: number;
  /** Apollo demand control's static estimate (see estimateCost). */
  estimatedCost: number;
}

/**
 * The operation cannot be estimated: no such operation, or a `@listSize(requireOneSlicingArgument: true)`
 * field given other than exactly one slicing argument. Carries `COST_QUERY_PARSE_FAILURE`
 * (Apollo Router's code for the same refusal) and HTTP status 400.
 */
export class OperationAnalysisError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'COST_QUERY_PARSE_FAILURE', http: { status: 400 } } });
  }
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
/** Cost added per root field of a mutation, as Apollo demand control does. */
export const MUTATION_FIELD_COST = 10;

/**
 * Measures an operation for operation limits and estimates its cost the way Apollo demand
 * control's static estimate does:
 * - a field returning an object, interface or union costs 1, a scalar or enum 0, unless `@cost`
 *   weighs the field (first) or its type; weights of the arguments given (and of input-object
 *   fields in them, an input object itself costing 1) are added;
 * - a list field multiplies its type-and-selection cost by its size: the largest of its
 *   `@listSize` slicing arguments given (literal, variable or schema default), else `assumedSize`,
 *   else `defaultListSize`; with `sizedFields` that size is the child fields' instead;
 * - each root field of a mutation adds 10;
 * - on an abstract type, the most expensive possible type counts;
 * - fields that `@skip`/`@include` drop count for nothing, and fields merged by response key
 *   count once (as executed).
 */
export function analyzeOperation(opts: AnalyzeOptions): OperationAnalysis {
  const { schema, document } = opts;
  const operation = findOperation(document, opts.operationName);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variables = variableValues(operation, opts.variables ?? {});
  const included = (node: SelectionNode) => isIncluded(node, variables);

  const shape = measureShape(operation.selectionSet, fragments, included);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new OperationAnalysisError(`the schema has no ${operation.operation} type`);
  const estimator = new CostEstimator(schema, opts.costs, fragments, variables, included, opts.defaultListSize);
  let estimatedCost = estimator.selectionCost(rootType, [operation.selectionSet], undefined);
  if (operation.operation === 'mutation') estimatedCost += MUTATION_FIELD_COST * shape.fields;
  return { depth: shape.depth, aliases: shape.aliases, rootFields: shape.fields, estimatedCost };
}

function findOperation(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    throw new OperationAnalysisError(
      name ? `the document has no operation named "${name}"` : `the document has ${operations.length} operations; operationName must pick one`,
    );
  }
  return operation;
}

type Variables = Record<string, unknown>;

/** Given variables, else the operation's defaults; a variable neither gives is absent. */
function variableValues(operation: OperationDefinitionNode, given: Variables): Variables {
  const values: Variables = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(given, name) && given[name] !== undefined) values[name] = given[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}

function argumentValue(value: ValueNode, variables: Variables): unknown {
  return valueFromASTUntyped(value, variables);
}

function isIncluded(node: SelectionNode, variables: Variables): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? argumentValue(arg.value, variables) : undefined;
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value === false) return false;
  }
  return true;
}

function isIntrospection(field: FieldNode): boolean {
  return INTROSPECTION_ROOTS.has(field.name.value) || field.name.value === '__typename';
}

interface Shape {
  /** Deepest nesting below (and including) this selection set's fields. */
  depth: number;
  aliases: number;
  /** Fields selected at this level. */
  fields: number;
}

/** Depth, aliases and fields of a selection set; each fragment is measured once (no blow-up from nested spreads). */
function measureShape(
  root: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  included: (node: SelectionNode) => boolean,
): Shape {
  const measured = new Map<string, Shape>();
  const measure = (selectionSet: SelectionSetNode): Shape => {
    const shape: Shape = { depth: 0, aliases: 0, fields: 0 };
    const add = (inner: Shape) => {
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.aliases += inner.aliases;
      shape.fields += inner.fields;
    };
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection)) continue;
        const below = selection.selectionSet ? measure(selection.selectionSet) : { depth: 0, aliases: 0, fields: 0 };
        shape.depth = Math.max(shape.depth, below.depth + 1);
        shape.aliases += below.aliases + (selection.alias ? 1 : 0);
        shape.fields += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(measure(selection.selectionSet));
      } else {
        const name = selection.name.value;
        let inner = measured.get(name);
        if (!inner) {
          const fragment = fragments.get(name);
          measured.set(name, { depth: 0, aliases: 0, fields: 0 }); // a (validated-away) cycle counts nothing
          inner = fragment ? measure(fragment.selectionSet) : { depth: 0, aliases: 0, fields: 0 };
          measured.set(name, inner);
        }
        add(inner);
      }
    }
    return shape;
  };
  return measure(root);
}

/** The size a parent's `@listSize(sizedFields:)` gives to some of its child fields. */
interface SizedFields {
  names: ReadonlySet<string>;
  size: number | undefined;
}

class CostEstimator {
  /** Cost by (object type, selection sets, sized fields): merged selections and reused fragments are costed once. */
  private readonly memo = new Map<string, number>();
  private readonly ids = new WeakMap<SelectionSetNode, number>();
  private nextId = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly costs: CostModel,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
    private readonly included: (node: SelectionNode) => boolean,
    private readonly defaultListSize: number,
  ) {}

  /** Cost of selection sets on `type`; for an abstract type, that of its most expensive possible type. */
  selectionCost(type: GraphQLCompositeType, selectionSets: SelectionSetNode[], sized: SizedFields | undefined): number {
    if (!isAbstractType(type)) return this.objectCost(type, selectionSets, sized);
    let max = 0;
    for (const possible of this.schema.getPossibleTypes(type)) max = Math.max(max, this.objectCost(possible, selectionSets, sized));
    return max;
  }

  private objectCost(type: GraphQLObjectType, selectionSets: SelectionSetNode[], sized: SizedFields | undefined): number {
    const key = `${type.name}|${selectionSets.map((s) => this.id(s)).join(',')}|${sized ? `${[...sized.names].join(',')}=${sized.size}` : ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let cost = 0;
    for (const nodes of this.collectFields(type, selectionSets).values()) cost += this.fieldCost(type, nodes, sized);
    this.memo.set(key, cost);
    return cost;
  }

  private id(selectionSet: SelectionSetNode): number {
    let id = this.ids.get(selectionSet);
    if (id === undefined) this.ids.set(selectionSet, (id = this.nextId++));
    return id;
  }

  /** Fields executed on an object of `type`, by response key (as graphql-js collects them). */
  private collectFields(type: GraphQLObjectType, selectionSets: SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const collect = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          if (isIntrospection(selection)) continue;
          const key = selection.alias?.value ?? selection.name.value;
          const list = fields.get(key);
          if (list) list.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, type)) collect(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (this.applies(fragment.typeCondition.name.value, type)) collect(fragment.selectionSet);
        }
      }
    };
    for (const selectionSet of selectionSets) collect(selectionSet);
    return fields;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    const conditionType = this.schema.getType(condition);
    if (!conditionType) return false;
    if (conditionType === type) return true;
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private fieldCost(parent: GraphQLObjectType, nodes: FieldNode[], sized: SizedFields | undefined): number {
    const node = nodes[0];
    const name = node.name.value;
    const definition = parent.getFields()[name];
    if (!definition) throw new OperationAnalysisError(`${parent.name} has no field "${name}"`);
    const namedType = getNamedType(definition.type);
    const listSize = this.lookup(this.costs.listSizes, parent, name);
    const expectedSize = listSize ? this.expectedSize(listSize, definition, node, `${parent.name}.${name}`) : undefined;

    let count = 1;
    if (isListType(definition.type)) {
      const upstream = sized?.names.has(name) ? sized.size : undefined;
      count = upstream ?? expectedSize ?? this.defaultListSize;
    }

    let typeCost = this.lookup(this.costs.fields, parent, name) ?? this.costs.types.get(namedType.name) ?? (isCompositeType(namedType) ? 1 : 0);
    if (isCompositeType(namedType)) {
      const selectionSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      const childSized = listSize?.sizedFields ? { names: new Set(listSize.sizedFields), size: expectedSize } : undefined;
      typeCost += this.selectionCost(namedType, selectionSets, childSized);
    }

    let argumentsCost = 0;
    for (const arg of node.arguments ?? []) {
      const argDefinition = definition.args.find((a) => a.name === arg.name.value);
      if (!argDefinition) continue;
      const weight = this.lookup(this.costs.arguments, parent, `${name}(${arg.name.value}:)`) ?? this.costs.types.get(getNamedType(argDefinition.type).name);
      argumentsCost += this.inputCost(argumentValue(arg.value, this.variables), argDefinition.type, weight);
    }
    return count * typeCost + argumentsCost;
  }

  /** An argument's or input field's cost: its weight, plus 1 (or its weight) and its fields' for an input object, per list item. */
  private inputCost(value: unknown, type: GraphQLInputType, weight: number | undefined): number {
    if (value === null || value === undefined) return 0;
    if (Array.isArray(value)) {
      let cost = weight ?? 0;
      for (const item of value) cost += this.inputCost(item, type, weight);
      return cost;
    }
    const named = getNamedType(type);
    if (!isInputObjectType(named) || typeof value !== 'object') return weight ?? 0;
    let cost = weight ?? 1;
    const fields = named.getFields();
    for (const [key, inner] of Object.entries(value)) {
      const field = fields[key];
      if (!field) continue;
      const fieldWeight = this.costs.inputFields.get(`${named.name}.${key}`) ?? this.costs.types.get(getNamedType(field.type).name);
      cost += this.inputCost(inner, field.type, fieldWeight);
    }
    return cost;
  }

  /** The size `@listSize` gives this field: the largest slicing argument, else assumedSize. */
  private expectedSize(listSize: ListSize, definition: GraphQLField<unknown, unknown>, node: FieldNode, coordinate: string): number | undefined {
    const sizes: number[] = [];
    for (const argName of listSize.slicingArguments ?? []) {
      const given = node.arguments?.find((a) => a.name.value === argName);
      let value = given ? argumentValue(given.value, this.variables) : undefined;
      // A variable with no value leaves the argument unset, so the schema default applies.
      if (value === undefined) value = definition.args.find((a) => a.name === argName)?.defaultValue;
      // Negative sizes count as 0: they must not lower the estimate of the rest of the operation.
      if (typeof value === 'number' && Number.isInteger(value)) sizes.push(Math.max(0, value));
    }
    if (listSize.slicingArguments && listSize.requireOneSlicingArgument && sizes.length !== 1) {
      throw new OperationAnalysisError(
        `${coordinate} needs exactly one of its slicing arguments (${listSize.slicingArguments.join(', ')}), got ${sizes.length}`,
      );
    }
    return sizes.length ? Math.max(...sizes) : listSize.assumedSize;
  }

  /** A coordinate's entry on the object type, else on an interface it implements (the largest). */
  private lookup<T>(map: Map<string, T>, type: GraphQLObjectType, member: string): T | undefined {
    const own = map.get(`${type.name}.${member}`);
    if (own !== undefined) return own;
    let found: T | undefined;
    for (const iface of type.getInterfaces()) {
      const inherited = map.get(`${iface.name}.${member}`);
      if (inherited !== undefined && (found === undefined || typeof inherited !== 'number' || inherited > (found as number))) found = inherited;
    }
    return found;
  }
}

// Type predicates by graphql-js class tag rather than instanceof: the schema may come from
// another copy of graphql-js (Apollo Gateway's CJS one beside this module's ESM one under
// vitest), whose types graphql's own predicates refuse ("from another module or realm").
const tagOf = (type: unknown): string | undefined => (type as { [Symbol.toStringTag]?: string } | undefined)?.[Symbol.toStringTag];

function getNamedType(type: GraphQLType): GraphQLNamedType {
  let inner = type;
  while (tagOf(inner) === 'GraphQLList' || tagOf(inner) === 'GraphQLNonNull') inner = (inner as { ofType: GraphQLType }).ofType;
  return inner as GraphQLNamedType;
}

function isListType(type: GraphQLOutputType): boolean {
  const nullable = tagOf(type) === 'GraphQLNonNull' ? (type as { ofType: GraphQLType }).ofType : type;
  return tagOf(nullable) === 'GraphQLList';
}

function isAbstractType(type: unknown): type is GraphQLAbstractType {
  return tagOf(type) === 'GraphQLInterfaceType' || tagOf(type) === 'GraphQLUnionType';
}

function isCompositeType(type: unknown): type is GraphQLCompositeType {
  return tagOf(type) === 'GraphQLObjectType' || isAbstractType(type);
}

function isInputObjectType(type: unknown): type is GraphQLInputObjectType {
  return tagOf(type) === 'GraphQLInputObjectType';
}
