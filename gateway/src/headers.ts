/** Which headers cross the gateway besides its own: request headers to subgraphs, response headers back. */
export interface HeaderRules {
  /** Client request headers copied to every subgraph fetch (lower-case names). */
  request: readonly string[];
  /** Subgraph response headers passed back to the client (lower-case names; `set-cookie` from every subgraph). */
  response: readonly string[];
}

/** Headers the gateway owns or that describe one hop: never propagated. */
const RESERVED = new Set([
  'authorization', 'x-allygraph-identity', 'x-request-id', 'host', 'connection', 'content-length', 'content-type',
  'transfer-encoding', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'accept-encoding', 'content-encoding',
]);

/** Parses a comma-separated header list (`PROPAGATE_REQUEST_HEADERS`...); throws naming a bad or reserved name. */
export function parseHeaderList(name: string, raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((entry) => {
    const header = entry.trim().toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) throw new Error(`${name}: "${entry.trim()}" is not a header name`);
    if (RESERVED.has(header)) throw new Error(`${name}: ${header} is set by the gateway itself and cannot be propagated`);
    return header;
  });
}

/** Collected subgraph response headers of one request, to add to the client's response. */
export class ResponseHeaders {
  private readonly values = new Map<string, string[]>();

  add(name: string, value: string): void {
    const list = this.values.get(name) ?? [];
    if (!list.includes(value)) list.push(value);
    this.values.set(name, list);
  }

  /** `set-cookie` accumulates; any other header is set unless the gateway already set it. */
  applyTo(res: { getHeader(name: string): unknown; setHeader(name: string, value: string | string[]): unknown }): void {
    for (const [name, list] of this.values) {
      if (name === 'set-cookie') {
        const prior = res.getHeader(name);
        res.setHeader(name, [...(Array.isArray(prior) ? prior.map(String) : prior ? [String(prior)] : []), ...list]);
      } else if (res.getHeader(name) === undefined) {
        res.setHeader(name, list.join(', '));
      }
    }
  }
}

/** Adds the subgraph response headers `rules` pass back to the request's collected headers. */
export function collectResponseHeaders(rules: HeaderRules, headers: { get(name: string): string | null } | undefined, context: { responseHeaders?: ResponseHeaders } | undefined): void {
  for (const name of rules.response) {
    const value = headers?.get(name);
    if (value && context?.responseHeaders) context.responseHeaders.add(name, value);
  }
}
