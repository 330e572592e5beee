import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { OperationAnalysis } from './analyze.ts';
import { memoizedAnalysis } from './analysis-memo.ts';
import type { CostModel } from './cost-directives.ts';

/** What one operation may ask for; each a positive integer. */
export interface OperationLimits {
  /** Deepest field nesting (a root field is 1). */
  maxDepth: number;
  /** Aliased fields. */
  maxAliases: number;
  /** Fields selected on the root type. */
  maxRootFields: number;
  /** Estimated cost (Apollo demand control's static estimate). */
  maxCost: number;
  /** Bytes (UTF-8) of the document text. */
  maxDocumentBytes: number;
  /** Size assumed for a list field that `@listSize` does not size. */
  defaultListSize: number;
}

export type LimitCode =
  | 'DOCUMENT_TOO_LARGE'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'ROOT_FIELD_LIMIT_EXCEEDED'
  | 'COST_ESTIMATED_TOO_EXPENSIVE';

/**
 * A refused operation, `operation <what> <actual> exceeds the limit of <limit>`, with
 * `extensions: { code, http: { status: 400 }, limit, actual }`.
 */
export function limitError(code: LimitCode, what: string, actual: number, limit: number, unit = ''): GraphQLError {
  return new GraphQLError(`operation ${what} ${actual}${unit} exceeds the limit of ${limit}${unit}`, {
    extensions: { code, http: { status: 400 }, limit, actual },
  });
}

/**
 * Refuses operations over `limits` before anything is fetched from a subgraph, and reports
 * `extensions.cost = { estimated, max }` on every single-result response of an analyzed
 * operation (refused for cost included). Introspection counts for nothing.
 *
 * Apollo Server 5 answers anything thrown from `didResolveSource` with a 500 "Internal server
 * error", so an oversized document is noted there and refused as soon as a refusal can be an
 * answer: at `didResolveOperation` (before execution), or, when parsing or validation failed
 * first, by replacing that answer in `willSendResponse`. Parsing cost is bounded meanwhile by
 * ApolloServer's `parseOptions.maxTokens`.
 */
export function operationLimitsPlugin<TContext extends BaseContext = BaseContext>(opts: {
  /** The cost model, or a getter of the current one (the supergraph may be reloaded). */
  costs: CostModel | (() => CostModel);
  limits: OperationLimits;
}): ApolloServerPlugin<TContext> {
  const { limits } = opts;
  const costsOf = typeof opts.costs === 'function' ? opts.costs : () => opts.costs as CostModel;
  const analyzeOperation = memoizedAnalysis();
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<TContext>> {
      const costs = costsOf();
      // `extensions.cost` only on a supergraph that uses demand control: elsewhere answers stay
      // exactly as stock @apollo/gateway gives them (limits still apply).
      const reportCost = usesDemandControl(costs);
      let tooLarge: GraphQLError | undefined;
      let refusedTooLarge = false;
      let analysis: OperationAnalysis | undefined;
      return {
        async didResolveSource({ source }) {
          const bytes = Buffer.byteLength(source, 'utf8');
          if (bytes > limits.maxDocumentBytes) tooLarge = limitError('DOCUMENT_TOO_LARGE', 'document size', bytes, limits.maxDocumentBytes, ' bytes');
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (tooLarge) {
            refusedTooLarge = true;
            throw tooLarge;
          }
          if (!operation) return; // no such operation: execution answers that
          analysis = analyzeOperation({
            schema,
            costs,
            document,
            operationName: operation.name?.value ?? null,
            variables: request.variables,
            defaultListSize: limits.defaultListSize,
          });
          const refusal = firstExceeded(analysis, limits);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (tooLarge && !refusedTooLarge) {
            // Parsing or validation answered first; the size is the reason to give.
            const { message, extensions } = tooLarge;
            const { http: _http, ...visible } = extensions;
            response.body.singleResult = { errors: [{ message, extensions: visible }] };
            response.http.status = 400;
            return;
          }
          if (!analysis || !reportCost) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated: analysis.estimatedCost, max: limits.maxCost } };
        },
      };
    },
  };
}

/** Whether a supergraph's cost model has any demand-control directive (then answers report `extensions.cost`). */
export function usesDemandControl(costs: CostModel): boolean {
  return Object.values(costs).some((map: Map<string, unknown>) => map.size > 0);
}

/** The first limit `analysis` exceeds, as the error refusing it; undefined within every limit. */
export function firstExceeded(analysis: OperationAnalysis, limits: OperationLimits): GraphQLError | undefined {
  if (analysis.depth > limits.maxDepth) return limitError('DEPTH_LIMIT_EXCEEDED', 'depth', analysis.depth, limits.maxDepth);
  if (analysis.aliases > limits.maxAliases) return limitError('ALIAS_LIMIT_EXCEEDED', 'alias count', analysis.aliases, limits.maxAliases);
  if (analysis.rootFields > limits.maxRootFields) {
    return limitError('ROOT_FIELD_LIMIT_EXCEEDED', 'root field count', analysis.rootFields, limits.maxRootFields);
  }
  if (analysis.estimatedCost > limits.maxCost) {
    return limitError('COST_ESTIMATED_TOO_EXPENSIVE', 'estimated cost', analysis.estimatedCost, limits.maxCost);
  }
  return undefined;
}

/** Defaults of loadLimitsConfig: room for every operation in client/operations (see tests/limits.test.ts). */
export const DEFAULT_LIMITS: OperationLimits & { maxTokens: number } = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 15,
  maxCost: 20_000,
  maxDocumentBytes: 65_536,
  maxTokens: 10_000,
  defaultListSize: 10,
};

const VARIABLES = {
  maxDepth: 'LIMIT_DEPTH',
  maxAliases: 'LIMIT_ALIASES',
  maxRootFields: 'LIMIT_ROOT_FIELDS',
  maxCost: 'LIMIT_COST',
  maxDocumentBytes: 'LIMIT_DOCUMENT_BYTES',
  maxTokens: 'LIMIT_TOKENS',
  defaultListSize: 'LIMIT_LIST_SIZE',
} as const;

/**
 * Reads the operation limits from LIMIT_DEPTH, LIMIT_ALIASES, LIMIT_ROOT_FIELDS, LIMIT_COST,
 * LIMIT_DOCUMENT_BYTES, LIMIT_TOKENS (for ApolloServer's `parseOptions.maxTokens`) and
 * LIMIT_LIST_SIZE (the default list size); unset or empty means DEFAULT_LIMITS. Throws naming
 * the variable and its value when one is not a positive integer.
 */
export function loadLimitsConfig(env: Record<string, string | undefined>): OperationLimits & { maxTokens: number } {
  const config = { ...DEFAULT_LIMITS };
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${variable} must be a positive integer, got "${raw}"`);
    }
    config[key] = value;
  }
  return config;
}
