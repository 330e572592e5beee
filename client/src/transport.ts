import type { GraphQLFormattedError } from 'graphql';
import { AllyGraphError } from './errors.ts';

export interface TransportOptions {
  url: string;
  headers: () => Promise<Record<string, string>>;
  retries: number;
  timeoutMs: number;
  backoffMs: number;
  fetch: typeof fetch;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

/**
 * POSTs one GraphQL request and returns its `data`. Network failures, timeouts and 5xx are
 * retried with exponential backoff; GraphQL errors never are (a retry would fail the same way).
 */
export async function post(opts: TransportOptions, payload: unknown): Promise<unknown> {
  const body = JSON.stringify(payload);
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(opts, body);
    } catch (err) {
      if (!(err instanceof AllyGraphError) || !err.retryable || attempt >= opts.retries) throw err;
      await new Promise((resolve) => setTimeout(resolve, opts.backoffMs * 2 ** attempt));
    }
  }
}

async function attemptOnce(opts: TransportOptions, body: string): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    res = await opts.fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(await opts.headers()) },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    text = await res.text();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AllyGraphError({ kind: 'network', message: `request to ${opts.url} failed: ${reason}`, cause });
  }
  const parsed = parse(text);
  if (res.status >= 500 || !parsed) {
    throw new AllyGraphError({
      kind: 'http',
      status: res.status,
      errors: parsed?.errors,
      message: `${opts.url} answered HTTP ${res.status}${parsed ? '' : ' without a GraphQL response'}`,
    });
  }
  if (parsed.errors?.length) {
    const [first] = parsed.errors;
    const code = first.extensions?.code;
    throw new AllyGraphError({
      kind: 'graphql',
      status: res.status,
      errors: parsed.errors,
      data: parsed.data,
      message: `${typeof code === 'string' ? `${code}: ` : ''}${first.message}`,
    });
  }
  if (parsed.data == null) {
    throw new AllyGraphError({ kind: 'http', status: res.status, message: `${opts.url} answered HTTP ${res.status} without data` });
  }
  return parsed.data;
}

function parse(text: string): GraphQLBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && ('data' in value || 'errors' in value) ? (value as GraphQLBody) : undefined;
  } catch {
    return undefined;
  }
}
