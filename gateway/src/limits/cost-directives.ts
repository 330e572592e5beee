import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type InputValueDefinitionNode,
} from 'graphql';
import { linkedFeatures, localDirectiveName, urlMatches } from './link.ts';

/** Identity of the demand-control spec (`@cost`, `@listSize`) in `@link` URLs. */
export const COST_SPEC = 'https://specs.apollo.dev/cost';

/** `@listSize` of one field, with the spec's defaults applied. */
export interface ListSize {
  /** Size assumed when no slicing argument gives one. */
  assumedSize?: number;
  /** Arguments whose value is the size of the list (the largest given wins). */
  slicingArguments?: string[];
  /** Child fields (e.g. `edges`) whose size the slicing arguments give, instead of this field's. */
  sizedFields?: string[];
  /** Exactly one slicing argument must have a value. @default true */
  requireOneSlicingArgument: boolean;
}

/** The demand-control weights and list sizes of a supergraph, by coordinate. */
export interface CostModel {
  /** `@cost` of object types, scalars and enums, by type name (`Money`). */
  types: Map<string, number>;
  /** `@cost` of output fields, by `Type.field`. */
  fields: Map<string, number>;
  /** `@cost` of field arguments, by `Type.field(arg:)`. */
  arguments: Map<string, number>;
  /** `@cost` of input-object fields, by `Input.field`. */
  inputFields: Map<string, number>;
  /** `@listSize` of output fields, by `Type.field`. */
  listSizes: Map<string, ListSize>;
}

/** A model with no weights: every estimate uses the spec's defaults. */
export function emptyCostModel(): CostModel {
  return { types: new Map(), fields: new Map(), arguments: new Map(), inputFields: new Map(), listSizes: new Map() };
}

/**
 * Reads `@cost` and `@listSize` from a composed supergraph's AST (no schema is built). Their
 * names come from the supergraph's `@link(url: "https://specs.apollo.dev/cost/v0.x")`: imports
 * with or without `as:`, else the link's namespace (`@cost`, `@cost__listSize`). A supergraph
 * that does not link the spec has an empty model. Throws naming the coordinate of a malformed
 * application.
 */
export function readCostDirectives(supergraphSdl: string): CostModel {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = costDirectiveNames(document);
  const model = emptyCostModel();
  if (!names) return model;

  const read = (directives: readonly ConstDirectiveNode[] | undefined, coordinate: string, weights: Map<string, number>) => {
    for (const directive of directives ?? []) {
      if (directive.name.value === names.cost) weights.set(coordinate, costWeight(directive, coordinate));
    }
  };
  const readArguments = (args: readonly InputValueDefinitionNode[] | undefined, field: string) => {
    for (const arg of args ?? []) read(arg.directives, `${field}(${arg.name.value}:)`, model.arguments);
  };

  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const type = definition.name.value;
        read(definition.directives, type, model.types);
        for (const field of definition.fields ?? []) {
          const coordinate = `${type}.${field.name.value}`;
          read(field.directives, coordinate, model.fields);
          readArguments(field.arguments, coordinate);
          for (const directive of field.directives ?? []) {
            if (directive.name.value === names.listSize) model.listSizes.set(coordinate, listSize(directive, coordinate));
          }
        }
        break;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        read(definition.directives, definition.name.value, model.types);
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        for (const field of definition.fields ?? []) {
          read(field.directives, `${definition.name.value}.${field.name.value}`, model.inputFields);
        }
        break;
    }
  }
  return model;
}

/** The names `@cost` and `@listSize` go by in this supergraph, or null when it does not link the spec. */
function costDirectiveNames(document: DocumentNode): { cost: string; listSize: string } | null {
  const feature = linkedFeatures(document).find((f) => urlMatches(f.url, [COST_SPEC]));
  return feature ? { cost: localDirectiveName(feature, 'cost'), listSize: localDirectiveName(feature, 'listSize') } : null;
}

function argumentValues(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

function costWeight(directive: ConstDirectiveNode, coordinate: string): number {
  const { weight } = argumentValues(directive);
  if (!Number.isSafeInteger(weight)) {
    throw new Error(`supergraph: @${directive.name.value} on ${coordinate} needs an Int weight, got ${JSON.stringify(weight)}`);
  }
  return weight as number;
}

function listSize(directive: ConstDirectiveNode, coordinate: string): ListSize {
  const args = argumentValues(directive);
  const where = `@${directive.name.value} on ${coordinate}`;
  const names = (arg: string): string[] | undefined => {
    const value = args[arg];
    if (value === undefined || value === null) return undefined;
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v) => typeof v === 'string')) throw new Error(`supergraph: ${where}: ${arg} must be a list of names, got ${JSON.stringify(value)}`);
    return list as string[];
  };
  const { assumedSize, requireOneSlicingArgument } = args;
  if (assumedSize !== undefined && assumedSize !== null && !(Number.isSafeInteger(assumedSize) && (assumedSize as number) >= 0)) {
    throw new Error(`supergraph: ${where}: assumedSize must be a non-negative Int, got ${JSON.stringify(assumedSize)}`);
  }
  if (requireOneSlicingArgument !== undefined && requireOneSlicingArgument !== null && typeof requireOneSlicingArgument !== 'boolean') {
    throw new Error(`supergraph: ${where}: requireOneSlicingArgument must be a Boolean, got ${JSON.stringify(requireOneSlicingArgument)}`);
  }
  const result: ListSize = { requireOneSlicingArgument: requireOneSlicingArgument ?? true };
  if (typeof assumedSize === 'number') result.assumedSize = assumedSize;
  const slicing = names('slicingArguments');
  if (slicing) result.slicingArguments = slicing;
  const sized = names('sizedFields');
  if (sized) result.sizedFields = sized;
  return result;
}
