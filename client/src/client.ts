import {
  AudiencePageDocument,
  CampaignPerformanceDocument,
  Customer360ByEmailDocument,
  Customer360ByIdDocument,
  type AudiencePageQuery,
  type AudiencePageQueryVariables,
  type CampaignPerformanceQuery,
  type CampaignPerformanceQueryVariables,
  type Customer360Fragment,
  type TypedDocumentString,
} from './__generated__/graphql.ts';
import { persistedHash } from './persisted.ts';
import { post } from './transport.ts';

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Extra request headers (e.g. authorization); a function is called before each request. @default {} */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Further attempts after a network error, timeout or 5xx. @default 2 */
  retries?: number;
  /** Per-attempt timeout. @default 10000 */
  timeoutMs?: number;
  /** Delay before the first retry, doubled for each next one. @default 100 */
  backoffMs?: number;
  /**
   * Send operations by their trusted-document hash only (APQ `extensions.persistedQuery`), no
   * query text. The gateway must serve client/src/__generated__/persisted-operations.json.
   * @default false
   */
  persisted?: boolean;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export type Customer360 = Customer360Fragment;
export type AudienceConnection = AudiencePageQuery['audience'];
export type AudienceMember = AudienceConnection['edges'][number]['node'];
export type AudienceVariables = AudiencePageQueryVariables;
export type CampaignPerformanceConnection = CampaignPerformanceQuery['campaigns'];
export type CampaignPerformanceVariables = CampaignPerformanceQueryVariables;

export interface AllyGraphClient {
  /** Any generated operation, typed by its document. */
  execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  /** The joined customer view; null when no customer has this id. */
  customer360ById(id: string): Promise<Customer360 | null>;
  customer360ByEmail(email: string): Promise<Customer360 | null>;
  /** One page of a channel's legally targetable audience. */
  audience(variables: AudienceVariables): Promise<AudienceConnection>;
  /** Every member of the audience, fetching pages of `first` (default 100) as it goes. */
  audienceAll(variables: Omit<AudienceVariables, 'after'>): AsyncIterable<AudienceMember>;
  /** Campaigns' spend, funnel, attribution under `model`, direct source and A/B verdict. */
  campaignPerformance(variables: CampaignPerformanceVariables): Promise<CampaignPerformanceConnection>;
}

/** A typed client for the allygraph gateway. */
export function createClient(opts: ClientOptions): AllyGraphClient {
  validate(opts);
  const headers = opts.headers ?? {};
  const transport = {
    url: opts.url,
    headers: async () => (typeof headers === 'function' ? headers() : headers),
    retries: opts.retries ?? 2,
    timeoutMs: opts.timeoutMs ?? 10_000,
    backoffMs: opts.backoffMs ?? 100,
    // Unbound: browsers throw "Illegal invocation" when fetch is called as another object's method.
    fetch: opts.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };

  async function execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const text = document.toString();
    const payload = opts.persisted
      ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash(text) } } }
      : { query: text, variables };
    // The document's generated type is the contract for what the gateway returns.
    return (await post(transport, payload)) as TResult;
  }

  const client: AllyGraphClient = {
    execute,
    customer360ById: async (id) => (await execute(Customer360ByIdDocument, { id })).customer,
    customer360ByEmail: async (email) => (await execute(Customer360ByEmailDocument, { email })).customerByEmail,
    audience: async (variables) => (await execute(AudiencePageDocument, variables)).audience,
    async *audienceAll(variables) {
      let after: string | null = null;
      do {
        const page: AudienceConnection = await client.audience({ ...variables, first: variables.first ?? 100, after });
        for (const edge of page.edges) yield edge.node;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    },
    campaignPerformance: async (variables) => (await execute(CampaignPerformanceDocument, variables)).campaigns,
  };
  return client;
}

function validate(opts: ClientOptions): void {
  if (!URL.canParse(opts.url)) throw new TypeError(`createClient: url must be an absolute URL, got ${JSON.stringify(opts.url)}`);
  for (const key of ['retries', 'timeoutMs', 'backoffMs'] as const) {
    const value = opts[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= (key === 'timeoutMs' ? 1 : 0))) {
      throw new TypeError(`createClient: ${key} must be a ${key === 'timeoutMs' ? 'positive' : 'non-negative'} integer, got ${value}`);
    }
  }
}
