import type { GraphQLFormattedError } from 'graphql';

/** What failed: the connection (or timeout), the HTTP exchange, or the operation itself. */
export type AllyGraphErrorKind = 'network' | 'http' | 'graphql';

export interface AllyGraphErrorOptions {
  kind: AllyGraphErrorKind;
  message: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** GraphQL errors from the response body, with their `extensions.code`. */
  errors?: readonly GraphQLFormattedError[];
  /** Partial data that came back beside the errors, if any. */
  data?: unknown;
  cause?: unknown;
}

/** The one error the client throws. `code` is the first GraphQL error's `extensions.code`. */
export class AllyGraphError extends Error {
  override readonly name = 'AllyGraphError';
  readonly kind: AllyGraphErrorKind;
  readonly status: number | undefined;
  readonly errors: readonly GraphQLFormattedError[];
  readonly data: unknown;

  constructor(opts: AllyGraphErrorOptions) {
    super(opts.message, { cause: opts.cause });
    this.kind = opts.kind;
    this.status = opts.status;
    this.errors = opts.errors ?? [];
    this.data = opts.data;
  }

  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }

  /** Worth trying again: the request may not have reached the graph, or the server failed. */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}
