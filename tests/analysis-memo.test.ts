import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { analyzeOperation, type AnalyzeOptions } from '../gateway/src/limits/analyze.ts';
import { memoizedAnalysis } from '../gateway/src/limits/analysis-memo.ts';
import { readCostDirectives } from '../gateway/src/limits/cost-directives.ts';

// The cost analysis remembered per document (gateway/src/limits/analysis-memo.ts): every answer
// equals a fresh analysis, and a fresh analysis runs only when a variable it can see changed.

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
  type Item @key(fields: "id") { id: ID! name: String! parts(limit: Int): [Item!]! @listSize(slicingArguments: ["limit"]) }
  input Filter { name: String tags: [String!] @cost(weight: 5) }
  type Query {
    item(id: ID!, label: String @cost(weight: 7)): Item
    items(first: Int, filter: Filter): [Item!]! @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
    byIds(ids: [ID!]! @cost(weight: 2)): [Item!]! @listSize(assumedSize: 3)
  }
`;
const graph = composeSupergraph([{ name: 'items', url: 'http://items.invalid/graphql', sdl: SDL }]);
const schema = buildSchema(graph.apiSdl);
const costs = readCostDirectives(graph.supergraphSdl);

const QUERY = parse(`
  query Q($id: ID!, $label: String, $n: Int, $filter: Filter, $ids: [ID!]!, $deep: Boolean!) {
    item(id: $id, label: $label) { id parts(limit: $n) { id parts(limit: 2) @include(if: $deep) { id } } }
    items(first: $n, filter: $filter) { name }
    byIds(ids: $ids) { id }
  }
`);

function counting() {
  let runs = 0;
  const memo = memoizedAnalysis((opts) => {
    runs++;
    return analyzeOperation(opts);
  });
  return { memo, runs: () => runs };
}

const base = { id: 'i-1', label: 'x', n: 3, filter: { name: 'a' }, ids: ['a', 'b'], deep: true };
const options = (variables: Record<string, unknown>): AnalyzeOptions => ({ schema, costs, document: QUERY, operationName: 'Q', variables, defaultListSize: 10 });

describe('memoizedAnalysis', () => {
  it.each([
    ['another id and label', { ...base, id: 'i-2', label: 'y' }, false],
    ['a number where the ID is (kept whole)', { ...base, id: 7 }, true],
    ['no label (its weight goes)', { ...base, label: undefined }, true],
    ['a null label', { ...base, label: null }, true],
    ['another slicing size', { ...base, n: 50 }, true],
    ['another @include condition', { ...base, deep: false }, true],
    ['another filter (an input object)', { ...base, filter: { name: 'a', tags: ['t'] } }, true],
    ['more ids (a list)', { ...base, ids: ['a', 'b', 'c'] }, true],
    ['an array where the id is (kept whole)', { ...base, id: ['a', 'b'] }, true],
  ])('after the base variables, %s: same answer as a fresh analysis, analysed anew: %s', (_name, variables, fresh) => {
    const { memo, runs } = counting();
    expect(memo(options(base))).toEqual(analyzeOperation(options(base)));
    expect(memo(options(variables))).toEqual(analyzeOperation(options(variables)));
    expect(runs()).toBe(fresh ? 2 : 1);
  });

  it('analyses anew for another cost model or schema (a reloaded supergraph)', () => {
    const { memo, runs } = counting();
    memo(options(base));
    const reloaded = readCostDirectives(graph.supergraphSdl);
    expect(memo({ ...options(base), costs: reloaded })).toEqual(analyzeOperation(options(base)));
    expect(memo({ ...options(base), schema: buildSchema(graph.apiSdl) })).toEqual(analyzeOperation(options(base)));
    expect(runs()).toBe(3);
  });

  it('does not remember a refusal, nor variables making a key over 2,048 characters', () => {
    const { memo, runs } = counting();
    expect(() => memo({ ...options(base), operationName: 'Nope' })).toThrow('the document has no operation named "Nope"');
    expect(() => memo({ ...options(base), operationName: 'Nope' })).toThrow('the document has no operation named "Nope"');
    const bulk = { ...base, ids: Array.from({ length: 500 }, (_, i) => `id-${i}`) };
    expect(memo(options(bulk))).toEqual(analyzeOperation(options(bulk)));
    memo(options(bulk));
    expect(runs()).toBe(4);
  });
});
