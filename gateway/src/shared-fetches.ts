import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type TypeNode } from 'graphql';
import { isSensitive, type AuthRequirements } from '../../lib/authz/requirements.ts';
import { IDENTITY_HEADER } from '../../lib/internal-identity.ts';
import type { GatewayContext } from './context.ts';
import type { Fetcher } from './resilience/index.ts';

type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** A supergraph's object and interface fields by type, each to the name of the type it returns; and its query type. */
export interface OutputTypes {
  query: string;
  fields: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What decides whether a fetch may be shared: the supergraph's field types and who may read what. */
export interface SharingSchema {
  types: OutputTypes;
  requirements: AuthRequirements;
}

/** Fetch documents whose verdict is remembered; plans repeat a bounded set of them. */
const MAX_VERDICTS = 2_000;

/**
 * In-flight deduplication of subgraph fetches: a query fetch identical to one under way (same
 * subgraph, same body, same caller and propagated headers) waits for that fetch's answer instead
 * of sending its own, and each waiter reads its own copy. Never shared: mutations, and fetches
 * that select data the subgraphs audit on every read (PII, reviews: `isSensitive`), since a
 * shared fetch would record one read for two requests.
 */
export class SharedFetches {
  private readonly inflight = new Map<string, { answer: Promise<FetcherResponse>; waiters: number }>();
  private readonly verdicts = new Map<string, boolean>();
  /** Fetches answered by another request's fetch instead of their own, by subgraph. */
  readonly shared: Record<string, number> = {};

  constructor(
    private readonly schema: () => SharingSchema,
    private readonly onShared?: (service: string) => void,
  ) {}

  /** Forgets what was decided of fetch documents (the supergraph changed). */
  reset(): void {
    this.verdicts.clear();
  }

  /** Whether fetches of this subgraph operation may be shared: a query reading nothing audited. */
  shareable(query: string): boolean {
    let verdict = this.verdicts.get(query);
    if (verdict === undefined) {
      verdict = readsNothingAudited(query, this.schema());
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.delete(this.verdicts.keys().next().value!);
      this.verdicts.set(query, verdict);
    }
    return verdict;
  }

  /**
   * `fetch(url, init)` for subgraph operation `query` of a request (`context`): shared with an
   * identical fetch under way when the operation may be shared, sent as is otherwise.
   */
  send(service: string, query: string, url: string, init: FetcherRequestInit, context: GatewayContext | undefined, fetch: Fetcher): Promise<FetcherResponse> {
    if (!this.shareable(query)) return fetch(url, init);
    return this.fetch(service, shareKey(url, init, context), () => fetch(url, init));
  }

  /** `send()`'s answer, or that of the identical fetch (`key`) already under way. */
  async fetch(service: string, key: string, send: () => Promise<FetcherResponse>): Promise<FetcherResponse> {
    const running = this.inflight.get(key);
    if (running) {
      running.waiters++;
      this.shared[service] = (this.shared[service] ?? 0) + 1;
      this.onShared?.(service);
      return (await running.answer).clone();
    }
    const entry = { answer: send(), waiters: 0 };
    this.inflight.set(key, entry);
    try {
      const response = await entry.answer;
      // Waiters joined before the answer came; each clones it, so the sender does too.
      return entry.waiters > 0 ? response.clone() : response;
    } finally {
      if (this.inflight.get(key) === entry) this.inflight.delete(key);
    }
  }
}

/** Headers that differ per request but not per caller: the signed identity (its request id and time), the request id, trace context. */
const PER_REQUEST_HEADERS = new Set([IDENTITY_HEADER, 'x-request-id', 'traceparent', 'tracestate']);

/**
 * What makes two subgraph fetches the same: the URL, the body, the caller as the signed identity
 * names them (without its request id) and every other header sent (propagated ones included).
 */
function shareKey(url: string, init: FetcherRequestInit, context: GatewayContext | undefined): string {
  const id = context?.identity;
  const headers = Object.entries((init.headers ?? {}) as Record<string, string>).filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()));
  const caller = [id?.subject ?? null, id?.roles ?? [], id?.scopes ?? [], id?.employeeId ?? null, context?.operationName ?? null];
  return `${url}\n${JSON.stringify(caller)}\n${JSON.stringify(headers)}\n${String(init.body)}`;
}

/**
 * Walks a subgraph fetch (`_entities` with inline fragments, or root fields) with the
 * supergraph's field types: true only for a query where every field is known and neither the
 * field, its parent type nor the type it returns is sensitive. Anything unknown is refused.
 */
export function readsNothingAudited(query: string, { types, requirements }: SharingSchema): boolean {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const sensitiveType = (type: string) => {
    const r = requirements.types.get(type);
    return r !== undefined && isSensitive(r);
  };
  const visit = (set: SelectionSetNode, parent: string | null, depth: number): boolean => {
    if (depth > 64) return false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (parent === null) return false; // a field of `_entities`' union, outside any fragment
        if (name === '__typename') continue;
        if (parent === types.query && name === '_entities' && selection.selectionSet) {
          if (!visit(selection.selectionSet, null, depth + 1)) return false;
          continue;
        }
        const returns = types.fields.get(parent)?.get(name);
        if (returns === undefined) return false;
        const r = requirements.fields.get(`${parent}.${name}`);
        if ((r && isSensitive(r)) || sensitiveType(returns)) return false;
        if (selection.selectionSet && !visit(selection.selectionSet, returns, depth + 1)) return false;
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) return false;
        const on = fragment.typeCondition?.name.value ?? parent;
        if (on === null || sensitiveType(on) || !visit(fragment.selectionSet, on, depth + 1)) return false;
      }
    }
    return parent === null || !sensitiveType(parent);
  };
  return visit(operations[0]!.selectionSet, types.query, 0);
}

/** The output type of every field of every object and interface type (extensions included) of a schema document. */
export function readOutputTypes(document: DocumentNode): OutputTypes {
  const fields = new Map<string, Map<string, string>>();
  let query = 'Query';
  for (const def of document.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      const root = def.operationTypes?.find((t) => t.operation === 'query');
      if (root) query = root.type.name.value;
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    let map = fields.get(def.name.value);
    if (!map) fields.set(def.name.value, (map = new Map()));
    for (const field of def.fields ?? []) map.set(field.name.value, namedType(field.type));
  }
  return { query, fields };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
