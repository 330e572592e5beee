import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { composeServices } from '@apollo/composition';
import {
  buildSchema,
  getIntrospectionQuery,
  graphql,
  Kind,
  parse,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { analyzeOperation, OperationAnalysisError, type OperationAnalysis } from '../gateway/src/limits/analyze.ts';
import { emptyCostModel, readCostDirectives, type CostModel } from '../gateway/src/limits/cost-directives.ts';
import { DEFAULT_LIMITS, loadLimitsConfig, operationLimitsPlugin } from '../gateway/src/limits/plugin.ts';
import { stripLinkedFeatures } from '../gateway/src/limits/strip.ts';

const COST_URL = 'https://specs.apollo.dev/cost/';

// A small shop, not ours: weights and list sizes on fields, arguments, types and input fields.
const SHOP_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])

  scalar Money @cost(weight: 3)
  enum Color { RED BLUE }
  interface Node { id: ID! }

  type Product implements Node @key(fields: "id") {
    id: ID!
    name: String!
    price: Money
    colors: [Color!]!
    related: Product
    reviews(limit: Int): [Review!]! @listSize(slicingArguments: ["limit"])
  }
  type Review implements Node @cost(weight: 2) { id: ID! body: String! product: Product }
  union SearchResult = Product | Review

  type ProductConnection { edges: [ProductEdge!]! pageInfo: PageInfo! }
  type ProductEdge { cursor: String! node: Product! }
  type PageInfo { hasNextPage: Boolean! }

  input ProductFilter { name: String tags: [String!] @cost(weight: 5) }
  input NewProduct { name: String! price: Int }

  type Query {
    product(id: ID!): Product
    products(first: Int @cost(weight: 2), last: Int, filter: ProductFilter): [Product!]!
      @listSize(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
    page(first: Int = 5, after: String): ProductConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    bestsellers: [Product!]! @listSize(assumedSize: 4)
    everything: [Product!]!
    search(text: String!): [SearchResult!]! @listSize(assumedSize: 3)
    node(id: ID!): Node
    expensive: Int @cost(weight: 50)
  }
  type Mutation { addProduct(input: NewProduct!): Product! clear: Boolean }
`;

function compose(subgraphs: { name: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: `http://${s.name}.invalid/graphql`, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

const shop = composeSupergraph([{ name: 'shop', url: 'http://shop.invalid/graphql', sdl: SHOP_SDL }]);
const shopSchema = buildSchema(shop.apiSdl);
const shopCosts = readCostDirectives(shop.supergraphSdl);

function analyze(query: string, variables: Record<string, unknown> = {}, opts: { operationName?: string; defaultListSize?: number } = {}): OperationAnalysis {
  const document = parse(query);
  const errors = validate(shopSchema, document);
  if (errors.length) throw new Error(`test query is invalid: ${errors.join('; ')}`);
  return analyzeOperation({
    schema: shopSchema,
    costs: shopCosts,
    document,
    operationName: opts.operationName,
    variables,
    defaultListSize: opts.defaultListSize ?? 10,
  });
}
const cost = (query: string, variables?: Record<string, unknown>) => analyze(query, variables).estimatedCost;

describe('readCostDirectives', () => {
  // The same model whatever the directives are called.
  const expected: CostModel = {
    types: new Map([['Money', 3], ['Color', 2], ['Product', 5]]),
    fields: new Map([['Query.all', 7], ['Product.reviews', 9]]),
    arguments: new Map([['Query.products(first:)', 2]]),
    inputFields: new Map([['Filter.q', 4]]),
    listSizes: new Map([
      ['Query.products', { slicingArguments: ['first', 'last'], requireOneSlicingArgument: false }],
      ['Query.page', { slicingArguments: ['first'], sizedFields: ['edges'], requireOneSlicingArgument: true }],
      ['Query.all', { assumedSize: 50, requireOneSlicingArgument: true }],
      ['Product.reviews', { slicingArguments: ['limit'], requireOneSlicingArgument: true }],
    ]),
  };

  // Two subgraphs importing the directives under the names `cost` and `listSize` go by.
  const subgraphs = (cost: string, listSize: string, imports: string) => [
    {
      name: 'catalogue',
      sdl: `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", ${imports}])
        scalar Money @${cost}(weight: 3)
        enum Color @${cost}(weight: 2) { RED BLUE }
        type Product @key(fields: "id") @${cost}(weight: 5) { id: ID! price: Money colors: [Color!]! }
        input Filter { q: String @${cost}(weight: 4) }
        type Edge { node: Product cursor: String }
        type Connection { edges: [Edge!]! total: Int }
        type Query {
          products(first: Int @${cost}(weight: 2), last: Int, filter: Filter): [Product!]!
            @${listSize}(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
          page(first: Int): Connection @${listSize}(slicingArguments: ["first"], sizedFields: ["edges"])
          all: [Product!]! @${listSize}(assumedSize: 50) @${cost}(weight: 7)
        }`,
    },
    {
      name: 'reviews',
      sdl: `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", ${imports}])
        type Product @key(fields: "id") { id: ID! reviews(limit: Int): [String!]! @${listSize}(slicingArguments: ["limit"]) @${cost}(weight: 9) }`,
    },
  ];

  it('reads the default names from a composed supergraph', () => {
    const supergraphSdl = compose(subgraphs('cost', 'listSize', '"@cost", "@listSize"'));
    // `@cost` is the spec's own directive, named by the namespace: composition imports only `@listSize`.
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])');
    expect(readCostDirectives(supergraphSdl)).toEqual(expected);
  });

  it('follows renames (`as:`) from the supergraph @link', () => {
    const supergraphSdl = compose(
      subgraphs('weight', 'sized', '{ name: "@cost", as: "@weight" }, { name: "@listSize", as: "@sized" }'),
    );
    expect(supergraphSdl).toContain(
      '@link(url: "https://specs.apollo.dev/cost/v0.1", import: [{name: "@cost", as: "@weight"}, {name: "@listSize", as: "@sized"}])',
    );
    expect(supergraphSdl).toContain('@weight(weight: 9)');
    expect(readCostDirectives(supergraphSdl)).toEqual(expected);
  });

  it('uses the namespace for directives a link does not import', () => {
    const model = readCostDirectives(`
      schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/cost/v0.1", as: "dc") { query: Query }
      type Query { a: [Int] @dc(weight: 4) @dc__listSize(assumedSize: 2) b: Int @cost(weight: 1) }
    `);
    expect(model.fields).toEqual(new Map([['Query.a', 4]]));
    expect(model.listSizes).toEqual(new Map([['Query.a', { assumedSize: 2, requireOneSlicingArgument: true }]]));
  });

  it('is empty for a supergraph that does not link the spec', () => {
    expect(readCostDirectives('type Query { a: Int @cost(weight: 4) }')).toEqual(emptyCostModel());
  });

  it('names the coordinate of a malformed weight', () => {
    expect(() =>
      readCostDirectives(`
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost"]) { query: Query }
        type Query { a(n: Int @cost(weight: "heavy")): Int }
      `),
    ).toThrow('supergraph: @cost on Query.a(n:) needs an Int weight, got "heavy"');
  });
});

describe('analyzeOperation: shape', () => {
  it('measures depth with fragments and inline fragments expanded', () => {
    expect(analyze('{ product(id: "1") { related { related { id } } } }').depth).toBe(4);
    expect(
      analyze(`
        { product(id: "1") { ...R } }
        fragment R on Product { related { ...S } }
        fragment S on Product { related { ... on Product { related { id } } } }
      `).depth,
    ).toBe(5);
    expect(analyze('{ node(id: "1") { ... on Product { related { id } } } }').depth).toBe(3);
  });

  it('counts aliases, each fragment spread counting its own', () => {
    const shape = analyze(`
      { a: product(id: "1") { x: name y: name ...F } b: product(id: "2") { ...F } }
      fragment F on Product { z: id }
    `);
    expect(shape.aliases).toBe(6);
    expect(shape.rootFields).toBe(2);
  });

  it('counts root fields through fragments', () => {
    expect(analyze('{ ...Q bestsellers { id } } fragment Q on Query { a: product(id: "1") { id } expensive }').rootFields).toBe(3);
  });

  it('exempts introspection: __schema, __type and everything under them, __typename', () => {
    expect(analyze(getIntrospectionQuery())).toEqual({ depth: 0, aliases: 0, rootFields: 0, estimatedCost: 0 });
    const mixed = analyze(`{
      __schema { types { fields { type { ofType { ofType { name } } } } } }
      t: __type(name: "Product") { name }
      product(id: "1") { __typename kind: __typename id }
    }`);
    expect(mixed).toEqual({ depth: 2, aliases: 0, rootFields: 1, estimatedCost: 1 });
  });

  it('leaves out what @skip and @include drop', () => {
    const query = 'query ($deep: Boolean!) { product(id: "1") { id related @include(if: $deep) { related { id } } } expensive @skip(if: true) }';
    expect(analyze(query, { deep: false })).toMatchObject({ depth: 2, rootFields: 1, estimatedCost: 1 });
    expect(analyze(query, { deep: true })).toMatchObject({ depth: 4, rootFields: 1, estimatedCost: 3 });
  });

  it('measures fragments once, however often they are spread', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i < levels - 1 ? `fragment F${i} on Product { a: related { ...F${i + 1} } b: related { ...F${i + 1} } }` : `fragment F${i} on Product { id }`,
    );
    const started = performance.now();
    const shape = analyze(`{ product(id: "1") { ...F0 } } ${fragments.join('\n')}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(shape.depth).toBe(levels + 1);
    expect(shape.aliases).toBe(2 ** levels - 2);
    expect(shape.estimatedCost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('analyzeOperation: cost', () => {
  it('weighs objects 1, scalars and enums 0, @cost on types and fields instead', () => {
    expect(cost('{ product(id: "1") { id name colors } }')).toBe(1);
    expect(cost('{ product(id: "1") { price } }')).toBe(1 + 3); // Money weighs 3
    expect(cost('{ expensive }')).toBe(50);
  });

  it('sizes lists by a literal slicing argument, adding argument weights', () => {
    expect(cost('{ products(first: 3) { id } }')).toBe(3 * 1 + 2); // first: weighs 2
    expect(cost('{ products(first: 3, last: 7) { id } }')).toBe(7 * 1 + 2); // the largest
    expect(cost('{ products(first: 100000) { id price } }')).toBe(100000 * 4 + 2);
    expect(cost('{ products(first: -1000) { id } expensive }')).toBe(0 + 2 + 50); // negative sizes count 0
  });

  it('sizes lists by variables, their operation defaults, and schema defaults', () => {
    const query = 'query ($n: Int) { products(first: $n) { id } }';
    expect(cost(query, { n: 20 })).toBe(20 + 2);
    expect(cost(query)).toBe(10); // no size given: the default list size; an absent argument weighs nothing
    expect(cost('query ($n: Int = 6) { products(first: $n) { id } }')).toBe(6 + 2);
    expect(cost('{ page { edges { node { id } } } }')).toBe(1 + 5 * 2); // page(first: Int = 5)
  });

  it('uses assumedSize, then the default list size', () => {
    expect(cost('{ bestsellers { id } }')).toBe(4);
    expect(cost('{ everything { id } }')).toBe(10);
    expect(analyze('{ everything { id } }', {}, { defaultListSize: 25 }).estimatedCost).toBe(25);
    expect(cost('{ everything { reviews(limit: 2) { id } } }')).toBe(10 * (1 + 2 * 2)); // Review weighs 2
  });

  it('gives the slicing size to sizedFields (connections), through fragments', () => {
    expect(cost('{ page(first: 20) { edges { cursor node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 20 * (1 + 1) + 1);
    expect(cost('{ page(first: 7) { ...E } } fragment E on ProductConnection { edges { node { id } } }')).toBe(1 + 7 * 2);
  });

  it('refuses a field given other than exactly one required slicing argument', () => {
    expect(() => analyze('{ product(id: "1") { reviews { id } } }')).toThrow(OperationAnalysisError);
    expect(() => analyze('{ product(id: "1") { reviews { id } } }')).toThrow(
      'Product.reviews needs exactly one of its slicing arguments (limit), got 0',
    );
  });

  it('adds 10 per root mutation field, and 1 per input object argument', () => {
    expect(cost('mutation { addProduct(input: { name: "x", price: 3 }) { id } clear }')).toBe(1 + 1 + 0 + 10 * 2);
    expect(cost('mutation ($p: NewProduct!) { addProduct(input: $p) { id } }', { p: { name: 'x' } })).toBe(1 + 1 + 10);
  });

  it('weighs input fields and list items as Apollo does', () => {
    // filter: 1 (input object) + tags: 5 + 5 per item
    expect(cost('{ products(first: 1, filter: { tags: ["a", "b"] }) { id } }')).toBe(1 + 2 + (1 + 5 + 2 * 5));
  });

  it('takes the most expensive possible type of an abstract type', () => {
    const query = '{ search(text: "x") { ... on Product { price } ... on Review { product { id } } } }';
    expect(cost(query)).toBe(3 * (1 + Math.max(3, 1)));
    expect(cost('{ node(id: "1") { id ... on Product { price } } }')).toBe(1 + 3);
  });

  it('counts fields merged by response key once', () => {
    expect(cost('{ product(id: "1") { price } product(id: "1") { price name } }')).toBe(1 + 3);
  });
});

describe('client operations under the default limits', () => {
  const schema = buildSchema(readFileSync(new URL('../schema/api.graphql', import.meta.url), 'utf8'));
  const costs = readCostDirectives(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'));
  const dir = new URL('../client/operations/', import.meta.url);
  const operations = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((file) => {
      const document = parse(readFileSync(new URL(file, dir), 'utf8'));
      return document.definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION && d.name ? [{ file, name: d.name.value, document }] : [],
      );
    });
  const measured = operations.map((op) => ({
    ...op,
    analysis: analyzeOperation({ schema, costs, document: op.document, operationName: op.name, variables: {}, defaultListSize: DEFAULT_LIMITS.defaultListSize }),
  }));

  it('finds the operations', () => expect(operations.length).toBeGreaterThanOrEqual(6));

  // At the time of writing (no @cost/@listSize in the supergraph yet), with their default variables:
  // AudiencePage depth 5 cost 142, CampaignList 4/22, CampaignFunnel 4/25, CampaignPerformance 6/272,
  // Customer360ById 5/76, Customer360ByEmail 5/76; no aliases, one root field each.
  it.each(measured.map((m) => [`${m.name} (${m.file}): depth ${m.analysis.depth}, cost ${m.analysis.estimatedCost}`, m] as const))(
    '%s passes',
    (_, { document, analysis }) => {
      expect(validate(schema, document)).toEqual([]);
      expect(analysis.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
      expect(analysis.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
      expect(analysis.rootFields).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRootFields);
      expect(analysis.estimatedCost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
      expect(Buffer.byteLength(document.loc!.source.body)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDocumentBytes);
    },
  );
});

describe('loadLimitsConfig', () => {
  it('has defaults', () => {
    expect(loadLimitsConfig({})).toEqual({
      maxDepth: 15,
      maxAliases: 30,
      maxRootFields: 15,
      maxCost: 20000,
      maxDocumentBytes: 65536,
      maxTokens: 10000,
      defaultListSize: 10,
    });
  });

  it('reads every variable', () => {
    expect(
      loadLimitsConfig({
        LIMIT_DEPTH: '8',
        LIMIT_ALIASES: '4',
        LIMIT_ROOT_FIELDS: '3',
        LIMIT_COST: '500',
        LIMIT_DOCUMENT_BYTES: '1024',
        LIMIT_TOKENS: '200',
        LIMIT_LIST_SIZE: '25',
        LIMIT_OTHER: 'x',
      }),
    ).toEqual({ maxDepth: 8, maxAliases: 4, maxRootFields: 3, maxCost: 500, maxDocumentBytes: 1024, maxTokens: 200, defaultListSize: 25 });
    expect(loadLimitsConfig({ LIMIT_DEPTH: '' }).maxDepth).toBe(15);
  });

  it.each(['0', '-3', '2.5', 'ten', '1e3', '99999999999999999999'])('refuses LIMIT_COST=%s naming it', (raw) => {
    expect(() => loadLimitsConfig({ LIMIT_COST: raw })).toThrow(`LIMIT_COST must be a positive integer, got "${raw}"`);
  });
});

describe('stripLinkedFeatures', () => {
  const SECURED_SDL = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9",
      import: ["@key", "@cost", "@listSize", "@authenticated", "@requiresScopes", "@policy"])
    scalar Money @cost(weight: 3)
    type Account @key(fields: "id") @authenticated { id: ID! email: String! @requiresScopes(scopes: [["read:email"]]) }
    type Query {
      me: Account
      accounts(first: Int): [Account!]! @listSize(slicingArguments: ["first"]) @policy(policies: [["admin"]])
      balance: Money @cost(weight: 10) @authenticated
    }
  `;
  const FEATURES = [COST_URL, 'https://specs.apollo.dev/authenticated/', 'https://specs.apollo.dev/requiresScopes/', 'https://specs.apollo.dev/policy/'];
  const secured = compose([{ name: 'accounts', sdl: SECURED_SDL }]);

  it('makes a supergraph with cost and security features one Apollo Gateway loads', async () => {
    await expect(new ApolloGateway({ supergraphSdl: secured }).load()).rejects.toThrow(/authenticated\/v0\.1 is for: SECURITY but is unsupported/);
    const stripped = stripLinkedFeatures(secured, FEATURES);
    for (const gone of ['@cost', '@listSize', '@authenticated', '@requiresScopes', '@policy', 'requiresScopes__Scope', 'policy__Policy', 'specs.apollo.dev/cost']) {
      expect(stripped).not.toContain(gone);
    }
    expect(stripped).toContain('type Account\n  @join__type(graph: ACCOUNTS, key: "id")\n{\n  id: ID!\n  email: String!\n}');
    expect(stripped).toContain('  accounts(first: Int): [Account!]!\n  balance: Money\n}');
    const gateway = new ApolloGateway({ supergraphSdl: stripped });
    const { schema } = await gateway.load();
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(['me', 'accounts', 'balance']);
    await gateway.stop();
  });

  it('cuts only the removed nodes: every other byte stays', () => {
    const sdl = [
      'schema',
      '  @link(url: "https://specs.apollo.dev/link/v1.0")',
      '  @link(url: "https://specs.apollo.dev/policy/v0.1", as: "pol", for: SECURITY)',
      '  @link(url: "https://specs.apollo.dev/cost/v0.1", import: [{name: "@cost", as: "@weight"}, "@listSize"])',
      '{',
      '  query: Query',
      '}',
      '',
      'directive @pol(policies: [[pol__Policy!]!]!) on FIELD_DEFINITION | OBJECT',
      '',
      'directive @weight(weight: Int!) on FIELD_DEFINITION',
      '',
      'directive @listSize(assumedSize: Int) on FIELD_DEFINITION',
      '',
      '"""Policies"""',
      'scalar pol__Policy',
      '',
      'type Query',
      '  @pol(policies: [["a"]])',
      '{',
      '  # keep me',
      '  a: [Int] @weight(weight: 2) @listSize(assumedSize: 3)   @deprecated',
      '  b(x: Int @weight(weight: 1)): String',
      '}',
      '',
    ].join('\n');
    expect(stripLinkedFeatures(sdl, ['https://specs.apollo.dev/policy', COST_URL])).toBe(
      [
        'schema',
        '  @link(url: "https://specs.apollo.dev/link/v1.0")',
        '{',
        '  query: Query',
        '}',
        '',
        'type Query',
        '{',
        '  # keep me',
        '  a: [Int]   @deprecated',
        '  b(x: Int): String',
        '}',
        '',
      ].join('\n'),
    );
    expect(stripLinkedFeatures(sdl, ['https://specs.apollo.dev/tag/'])).toBe(sdl);
    expect(stripLinkedFeatures(sdl, ['https://specs.apollo.dev/co'])).toBe(sdl); // a prefix matches whole path segments
  });

  it('is not needed for the cost spec alone: Apollo Gateway 2.14 accepts a link without `for:`', async () => {
    // The cost @link composition prints has no `for: EXECUTION | SECURITY`, which is what the
    // gateway refuses; stripping it is harmless all the same.
    const gateway = new ApolloGateway({ supergraphSdl: shop.supergraphSdl });
    await expect(gateway.load()).resolves.toBeDefined();
    await gateway.stop();
  });
});

// The shop subgraph behind a real gateway: counts the requests it receives.
const PRODUCTS = [
  { id: '1', name: 'Lamp', price: 12, colors: ['RED'] },
  { id: '2', name: 'Desk', price: 150, colors: ['BLUE', 'RED'] },
  { id: '3', name: 'Chair', price: 60, colors: [] },
].map((p, i, all) => ({ ...p, related: () => all[(i + 1) % all.length], reviews: () => [] }));

async function startShopSubgraph(): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  const schema: GraphQLSchema = buildSchema(shop.apiSdl);
  const root = {
    product: ({ id }: { id: string }) => PRODUCTS.find((p) => p.id === id) ?? null,
    products: ({ first }: { first?: number }) => PRODUCTS.slice(0, first ?? PRODUCTS.length),
    everything: () => PRODUCTS,
  };
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const result = await graphql({ schema, source: query, variableValues: variables, operationName, rootValue: root });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> };
}

async function post(server: ApolloServer, payload: Record<string, unknown>): Promise<Answer> {
  const res = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: payload },
    context: async () => ({}),
  });
  if (res.body.kind !== 'complete') throw new Error('expected a complete body');
  return { status: res.status ?? 200, body: JSON.parse(res.body.string) };
}

describe('operationLimitsPlugin through Apollo Server and Apollo Gateway', () => {
  let subgraph: Awaited<ReturnType<typeof startShopSubgraph>>;
  let server: ApolloServer;
  const limits = loadLimitsConfig({});

  beforeAll(async () => {
    subgraph = await startShopSubgraph();
    const { supergraphSdl } = composeSupergraph([{ name: 'shop', url: subgraph.url, sdl: SHOP_SDL }]);
    server = new ApolloServer({
      gateway: new ApolloGateway({ supergraphSdl: stripLinkedFeatures(supergraphSdl, [COST_URL]) }),
      plugins: [operationLimitsPlugin({ costs: readCostDirectives(supergraphSdl), limits })],
      parseOptions: { maxTokens: limits.maxTokens },
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await subgraph?.close();
  });

  /** Posts and asserts the gateway asked the subgraph nothing. */
  async function refused(payload: Record<string, unknown>): Promise<Answer> {
    const before = subgraph.requests();
    const answer = await post(server, payload);
    expect(subgraph.requests()).toBe(before);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    return answer;
  }

  it('answers a normal query with extensions.cost', async () => {
    const before = subgraph.requests();
    const answer = await post(server, { query: '{ products(first: 2) { name price related { name } } }' });
    expect(answer).toEqual({
      status: 200,
      body: {
        data: { products: [{ name: 'Lamp', price: 12, related: { name: 'Desk' } }, { name: 'Desk', price: 150, related: { name: 'Chair' } }] },
        extensions: { cost: { estimated: 2 * (1 + 3 + 1) + 2, max: 20000 } },
      },
    });
    expect(subgraph.requests()).toBe(before + 1);
  });

  it('refuses a deep query', async () => {
    const deep = `{ product(id: "1") { ${'related { '.repeat(15)}id${' }'.repeat(15)} } }`;
    const { body } = await refused({ query: deep });
    expect(body.errors).toEqual([
      { message: 'operation depth 17 exceeds the limit of 15', extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 15, actual: 17 } },
    ]);
    expect(body.extensions).toEqual({ cost: { estimated: 16, max: 20000 } });
  });

  it('refuses an alias bomb (200 aliases)', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: name`).join(' ');
    const { body } = await refused({ query: `{ product(id: "1") { ${aliases} } }` });
    expect(body.errors?.[0]).toMatchObject({
      message: 'operation alias count 200 exceeds the limit of 30',
      extensions: { code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, actual: 200 },
    });
  });

  it('refuses 20 root fields', async () => {
    const fields = Array.from({ length: 20 }, (_, i) => `p${i}: product(id: "${i}") { id }`).join(' ');
    const { body } = await refused({ query: `{ ${fields} }` });
    expect(body.errors?.[0]).toMatchObject({
      message: 'operation root field count 20 exceeds the limit of 15',
      extensions: { code: 'ROOT_FIELD_LIMIT_EXCEEDED', limit: 15, actual: 20 },
    });
  });

  it('refuses a huge list, by literal or variable, with its estimated cost', async () => {
    const literal = await refused({ query: '{ products(first: 100000) { id name } }' });
    expect(literal.body.errors).toEqual([
      {
        message: 'operation estimated cost 100002 exceeds the limit of 20000',
        extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', limit: 20000, actual: 100002 },
      },
    ]);
    expect(literal.body.extensions).toEqual({ cost: { estimated: 100002, max: 20000 } });
    const variable = await refused({ query: 'query Big($n: Int) { products(first: $n) { id } }', variables: { n: 100000 } });
    expect(variable.body.errors?.[0].extensions?.code).toBe('COST_ESTIMATED_TOO_EXPENSIVE');
  });

  it('refuses a field missing its required slicing argument', async () => {
    const { body } = await refused({ query: '{ product(id: "1") { reviews { id } } }' });
    expect(body.errors).toEqual([
      { message: 'Product.reviews needs exactly one of its slicing arguments (limit), got 0', extensions: { code: 'COST_QUERY_PARSE_FAILURE' } },
    ]);
  });

  it('refuses a document over maxDocumentBytes, valid or not', async () => {
    const padding = `# ${'x'.repeat(limits.maxDocumentBytes)}\n`;
    for (const query of [`${padding}{ product(id: "1") { id } }`, `${padding}{ product(id: "1") { nope } }`, `${padding}{ product(`]) {
      const bytes = Buffer.byteLength(query);
      expect((await refused({ query })).body).toEqual({
        errors: [
          {
            message: `operation document size ${bytes} bytes exceeds the limit of ${limits.maxDocumentBytes} bytes`,
            extensions: { code: 'DOCUMENT_TOO_LARGE', limit: limits.maxDocumentBytes, actual: bytes },
          },
        ],
      });
    }
  });

  it('lets introspection through whatever the limits', async () => {
    const strict = new ApolloServer({
      gateway: new ApolloGateway({ supergraphSdl: stripLinkedFeatures(shop.supergraphSdl, [COST_URL]) }),
      plugins: [
        operationLimitsPlugin({ costs: shopCosts, limits: { ...limits, maxDepth: 1, maxAliases: 1, maxRootFields: 1, maxCost: 1 } }),
      ],
    });
    await strict.start();
    try {
      const answer = await post(strict, { query: getIntrospectionQuery() });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.extensions).toEqual({ cost: { estimated: 0, max: 1 } });
    } finally {
      await strict.stop();
    }
  });

  it('leaves an error thrown from didResolveSource a 500 (why the plugin refuses later)', async () => {
    const throwing: ApolloServerPlugin = {
      async requestDidStart() {
        return {
          async didResolveSource() {
            throw new Error('too big');
          },
        };
      },
    };
    const plain = new ApolloServer({ typeDefs: 'type Query { a: Int }', plugins: [throwing] });
    await plain.start();
    try {
      const answer = await post(plain, { query: '{ a }' });
      expect(answer.status).toBe(500);
      expect(answer.body.errors?.[0].message).toBe('Internal server error');
    } finally {
      await plain.stop();
    }
  });
});
