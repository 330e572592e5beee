import { ImportError, type Json, type JsonObject } from './types.ts';

export interface GraphqlError {
  message: string;
  /** Response path, e.g. ["m3"] for the aliased mutation m3. */
  path: readonly (string | number)[];
  code: string | null;
  /** The input path a subgraph names in `extensions.field`, e.g. "events[3].campaignId". */
  field: string | null;
}

export interface GraphqlAnswer {
  data: JsonObject | null;
  errors: GraphqlError[];
}

/** Longest wait for one answer; a batch normally takes well under a second. */
const REQUEST_TIMEOUT_MS = 120_000;

/** A bearer token, or a function giving a fresh one per request. */
export type TokenSource = string | (() => string | Promise<string>);

/** POSTs operations to the gateway. Transport failures, time-outs and non-GraphQL answers are fatal. */
export class GraphClient {
  constructor(
    readonly url: string,
    private readonly token?: TokenSource,
  ) {}

  async post(query: string, variables: JsonObject): Promise<GraphqlAnswer> {
    let res: Response;
    try {
      const token = typeof this.token === 'function' ? await this.token() : this.token;
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new ImportError(`cannot reach the gateway at ${this.url}: ${describe(err)}`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (!isObject(body) || (!('data' in body) && !Array.isArray(body.errors))) {
      throw new ImportError(`the gateway at ${this.url} answered HTTP ${res.status} without a GraphQL response: ${text.slice(0, 200)}`);
    }
    const errors = Array.isArray(body.errors) ? body.errors.map(toGraphqlError) : [];
    return { data: isObject(body.data) ? (body.data as JsonObject) : null, errors };
  }

  /** Runs a read; any error is fatal (reads name no row). */
  async read(query: string, variables: JsonObject): Promise<JsonObject> {
    const answer = await this.post(query, variables);
    if (answer.errors.length > 0 || answer.data === null) throw unexpected(answer.errors);
    return answer.data;
  }
}

/** The fatal error for server errors that name no row of the batch (a bug, an outage...). */
export function unexpected(errors: readonly GraphqlError[]): ImportError {
  const first = errors[0];
  if (!first) return new ImportError('the gateway answered without data or errors');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : '';
  return new ImportError(`the gateway refused the request: ${first.message}${first.code ? ` [${first.code}]` : ''}${more}`);
}

/** A variable the gateway could not coerce: which variable, the path inside it ("[3].type", ".amount", ""), why. */
export interface CoercionError {
  variable: string;
  path: string;
  reason: string;
}

// graphql-js: `Variable "$v" got invalid value <value> at "v[3].type"; <reason>`. Quotes inside the
// printed value are escaped, so the first unescaped ` at "$v...";` is the real location.
const AT_PATH = /^Variable "\$(\w+)" got invalid value [\s\S]*? at "\1((?:\[\d+\]|\.\w+)*)"; ([\s\S]*)$/;
const AT_ROOT = /^Variable "\$(\w+)" got invalid value /;
const FIELD_OF_REASON = /^Field "(\w+)" (?:of required type|is not defined)/;

// graphql-js prefixes a scalar's error with `Expected type "X". ` unless the scalar threw a GraphQLError
// of the same graphql instance, so one error reads differently across module setups: drop the prefix.
const EXPECTED_TYPE = /^Expected type "\w+"\. (?=\S)/;

export function coercionError(message: string): CoercionError | null {
  const m = AT_PATH.exec(message);
  if (m) {
    const [, variable, path] = m;
    const reason = m[3].replace(EXPECTED_TYPE, '');
    // A missing or unknown input field is reported at its object; name the field itself.
    const inner = FIELD_OF_REASON.exec(reason);
    return { variable, path: inner ? `${path}.${inner[1]}` : path, reason };
  }
  const root = AT_ROOT.exec(message);
  if (!root) return null;
  const inner = FIELD_OF_REASON.exec(message.slice(message.lastIndexOf('; ') + 2));
  return { variable: root[1], path: inner ? `.${inner[1]}` : '', reason: message };
}

/** A subgraph's message without the "field: " prefix its validation errors carry. */
export function reasonOf(error: GraphqlError): string {
  const prefix = error.field === null ? '' : `${error.field}: `;
  return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

function toGraphqlError(raw: unknown): GraphqlError {
  const e = isObject(raw) ? raw : {};
  const ext = isObject(e.extensions) ? e.extensions : {};
  return {
    message: typeof e.message === 'string' ? e.message : JSON.stringify(raw),
    path: Array.isArray(e.path) ? e.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [],
    code: typeof ext.code === 'string' ? ext.code : null,
    field: typeof ext.field === 'string' ? ext.field : null,
  };
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : null;
  if (cause === null) return message;
  const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  return `${message} (${code ?? cause.message})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Narrowing of the answers the import reads; a shape it does not expect is a fatal error.

export function asObject(value: Json | undefined, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shape(what, value);
  return value;
}

export function asArray(value: Json | undefined, what: string): Json[] {
  if (!Array.isArray(value)) throw shape(what, value);
  return value;
}

export function asString(value: Json | undefined, what: string): string {
  if (typeof value !== 'string') throw shape(what, value);
  return value;
}

export function asInt(value: Json | undefined, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw shape(what, value);
  return value;
}

function shape(what: string, value: Json | undefined): ImportError {
  return new ImportError(`unexpected answer from the gateway: ${what} is ${JSON.stringify(value) ?? 'missing'}`);
}
