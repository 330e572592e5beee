import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { DocumentMemo } from '../../../lib/document-memo.ts';
import { analyzeOperation, type AnalyzeOptions, type OperationAnalysis } from './analyze.ts';
import type { CostModel } from './cost-directives.ts';

/**
 * {@link analyzeOperation}, remembered per document and what the analysis can see of the
 * variables. It reads a variable's value in @skip/@include conditions (Boolean), slicing
 * arguments (counted only when a number) and argument costs (an input object's or a list's
 * content; any other value only as given or not). So the key holds every variable's whole value,
 * except that of an `ID` or `String` variable holding a string or a boolean, of which it holds
 * only that: a random id per request still finds the analysis done. A result is reused only
 * with the schema and cost model it was worked out with (a reload brings new ones); a refusal
 * (thrown) is never remembered, nor an operation whose variables make a key of over
 * {@link MAX_KEY} characters (a bulk write's payload).
 */
export function memoizedAnalysis(analyze: (opts: AnalyzeOptions) => OperationAnalysis = analyzeOperation): (opts: AnalyzeOptions) => OperationAnalysis {
  const memo = new DocumentMemo<{ schema: GraphQLSchema; costs: CostModel; analysis: OperationAnalysis }>();
  return (opts) => {
    const run = () => ({ schema: opts.schema, costs: opts.costs, analysis: analyze(opts) });
    const key = `${opts.operationName ?? ''}\n${opts.defaultListSize}\n${variablesKey(opts.document, opts.operationName, opts.variables ?? {})}`;
    if (key.length > MAX_KEY) return analyze(opts);
    const remembered = memo.get(opts.document, key, run);
    return remembered.schema === opts.schema && remembered.costs === opts.costs ? remembered.analysis : run().analysis;
  };
}

/** Characters of the longest key remembered: a document keeps up to 256 keys. */
const MAX_KEY = 2048;

const OPAQUE_SCALARS = new Set(['ID', 'String']);
const opaque = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/** The variables the analysis can tell apart, as a key (see {@link memoizedAnalysis}). */
function variablesKey(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): string {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return ''; // the analysis refuses it, and refusals are not remembered
  let names = opaque.get(operation);
  if (!names) {
    names = new Set((operation.variableDefinitions ?? []).filter((v) => OPAQUE_SCALARS.has(scalarName(v.type) ?? '')).map((v) => v.variable.name.value));
    opaque.set(operation, names);
  }
  const parts: unknown[] = [];
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    const value = variables[name];
    if (value === undefined) parts.push(0);
    else if (names.has(name) && (typeof value === 'string' || typeof value === 'boolean')) parts.push(1);
    else parts.push([value]);
  }
  return JSON.stringify(parts);
}

/** The named type of a variable that is not a list (`ID`, `String!`...). */
function scalarName(type: TypeNode): string | undefined {
  if (type.kind === Kind.NON_NULL_TYPE) return scalarName(type.type);
  return type.kind === Kind.NAMED_TYPE ? type.name.value : undefined;
}
