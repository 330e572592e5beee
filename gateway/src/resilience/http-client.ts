import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Fetcher } from './fetcher.ts';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * The subgraph HTTP client: `node:http` (or https) over keep-alive agents, one pool per
 * gateway process, sockets reused across requests (most recently used first). What a
 * subgraph fetch needs of `fetch` and no more: no redirects, no cookies, no cache, the body
 * read whole. Replaces @apollo/gateway's make-fetch-happen, whose agent builds an Error
 * (with its stack) per request to tell http from https. Undici (Node's `fetch`) is not used:
 * it refuses ports the WHATWG fetch standard calls unsafe (6000, 6665-6669...).
 */
export function keepAliveFetcher(agents: Agents = sharedAgents()): Fetcher {
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const signal = init.signal as AbortSignal | undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const body = init.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body) : init.body;
      const headers: Record<string, string | number> = { ...init.headers };
      if (body) headers['content-length'] = body.length;
      const req = (secure ? httpsRequest : httpRequest)(target, { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(new BufferedResponse(url, res, Buffer.concat(chunks)));
        });
        res.on('error', fail);
      });
      const onAbort = () => req.destroy(abortError(signal!));
      function fail(err: Error) {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortError(signal) : err);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.end(body);
    });
}

export interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}

let agents: Agents | undefined;
/** Keep-alive agents shared by every subgraph of the process (sockets are pooled per host:port). */
export function sharedAgents(): Agents {
  return (agents ??= {
    http: new HttpAgent({ keepAlive: true, scheduling: 'lifo', maxFreeSockets: 256 }),
    https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo', maxFreeSockets: 256 }),
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const err = new Error('the subgraph request was aborted', { cause: reason });
  err.name = 'AbortError';
  return err;
}

/** A response whose body has been read; `text()`/`json()` may be called once, like fetch's. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: FetcherHeaders;
  bodyUsed = false;

  constructor(
    readonly url: string,
    res: IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.headers = new PlainHeaders(res.rawHeaders);
  }

  private consume(): Buffer {
    if (this.bodyUsed) throw new TypeError('body used already');
    this.bodyUsed = true;
    return this.body;
  }

  async text(): Promise<string> {
    return this.consume().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.consume();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    if (this.bodyUsed) throw new TypeError('body used already');
    const copy = Object.create(BufferedResponse.prototype) as BufferedResponse;
    return Object.assign(copy, this, { bodyUsed: false });
  }
}

/** Response headers by lower-case name; repeated headers joined with ", " as fetch's Headers.get does. */
class PlainHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: string[]) {
    for (let i = 0; i < raw.length; i += 2) this.append(raw[i]!, raw[i + 1]!);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const prior = this.map.get(key);
    this.map.set(key, prior === undefined ? value : `${prior}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  forEach(fn: (value: string, key: string) => void): void {
    this.map.forEach((value, key) => fn(value, key));
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}
