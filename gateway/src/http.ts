import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { signIdentity } from '../../lib/internal-identity.ts';
import { AuthError, AuthUnavailableError, type Authenticator } from './auth/jwt.ts';
import type { Identity } from './auth/identity.ts';
import type { GatewayContext } from './context.ts';
import { applyCors, type CorsOrigins } from './cors.ts';
import { log, type Logger } from './log.ts';
import { serveMetrics, type GatewayMetrics } from './metrics.ts';
import { noteRequest, observeRequests } from './observe.ts';
import { serveGraphiql } from './graphiql.ts';
import { ResponseHeaders } from './headers.ts';
import type { Passthrough } from './passthrough.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Readiness } from './readiness.ts';

/**
 * Largest request body accepted; bigger ones get 413 before any parsing. Room for the
 * largest documented bulk write (10,000 engagement events, ~1.3 MB).
 */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HandlerOptions {
  /** Set while shutting down: /ready says so and responses close their connections. */
  lifecycle: { draining: boolean };
  /** Whether the subgraphs answer (for /ready). */
  readiness: () => Promise<Readiness>;
  graphiql: boolean;
  cors: CorsOrigins;
  authenticator?: Authenticator;
  authRequired: boolean;
  internalSecret?: Uint8Array;
  rateLimiter?: RateLimiter;
  /** Callers with one of `roles` may only run `documents` (hash -> text). */
  trusted?: { roles: readonly string[]; documents: Record<string, string> };
  /** Served at /metrics; requests to /graphql are counted in it. */
  metrics?: GatewayMetrics;
  /** Access-log line per /graphql request, unexpected errors. @default the gateway logger */
  logger?: Logger;
  /** Answers single-fetch operations without the regular path when it can (passthrough.ts). */
  passthrough?: Passthrough;
}

/** A refusal before GraphQL execution: HTTP status, code, message, extra headers. */
class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {}
}

/**
 * A minimal node:http integration for Apollo Server: GraphQL (and the Sandbox landing page on
 * GET) at `/graphql`, a self-hosted GraphiQL at `/graphiql`, liveness at `/health`. Before
 * GraphQL: CORS, the bearer token, the rate limit and the trusted-documents rule.
 */
export function createHandler(server: ApolloServer<GatewayContext>, opts: HandlerOptions): RequestHandler {
  const logger = opts.logger ?? log;
  return observeRequests((req, res) => {
    handle(server, req, res, opts).catch((err: unknown) => {
      logger.error({ err, requestId: res.getHeader('x-request-id') ?? null, path: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy(err as Error);
    });
  }, { logger, metrics: opts.metrics });
}

async function handle(server: ApolloServer<GatewayContext>, req: IncomingMessage, res: ServerResponse, opts: HandlerOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (applyCors(opts.cors, req, res) === 'preflight-answered') return;
  if (opts.lifecycle.draining) res.setHeader('connection', 'close');
  if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/metrics' && opts.metrics) return serveMetrics(res, opts.metrics);
  if (url.pathname === '/ready') {
    if (opts.lifecycle.draining) return sendJson(res, 503, { status: 'unavailable', reason: 'shutting down' });
    const { ready, subgraphs } = await opts.readiness();
    return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs });
  }
  if (opts.graphiql && req.method === 'GET' && (await serveGraphiql(url.pathname, res))) return;
  if (url.pathname === '/') {
    res.writeHead(302, { location: `/graphql${url.search}` }).end();
    return;
  }
  if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; GraphQL is at /graphql` });

  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  let body: unknown;
  if (req.method === 'POST') {
    const raw = await readBody(req);
    if (raw === null) return refuse(res, new Refusal(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${MAX_BODY_BYTES} bytes`));
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        body = raw.length ? JSON.parse(raw) : undefined;
      } catch {
        return refuse(res, new Refusal(400, 'BAD_REQUEST', 'request body is not valid JSON'));
      }
    } else {
      body = raw;
    }
  }
  // A GET without an operation is the Sandbox landing page: no token needed to load it.
  const isOperation = req.method !== 'GET' || url.searchParams.has('query') || url.searchParams.has('extensions');
  let identity: Identity | null;
  try {
    identity = await authenticate(opts, req, isOperation);
    noteRequest(req, { subject: identity?.subject ?? null });
    await spend(opts, identity, req, res);
    if (isOperation) checkTrusted(opts, identity, body, url);
  } catch (err) {
    if (err instanceof Refusal) return refuse(res, err);
    throw err;
  }

  let forwarded: string | null | undefined;
  const context: GatewayContext = {
    identity,
    requestId,
    operationName: null,
    note: noteRequest(req, {}),
    requestHeaders: req.headers,
    responseHeaders: new ResponseHeaders(),
    // A method: Apollo Server may hand plugins and data sources a copy of this object.
    forwardedIdentity(this: GatewayContext) {
      if (forwarded !== undefined || !opts.internalSecret) return (forwarded ??= null);
      return (forwarded = signIdentity(opts.internalSecret, {
        subject: identity?.subject ?? null,
        roles: identity?.roles ?? [],
        scopes: identity?.scopes ?? [],
        employeeId: identity?.employeeId ?? null,
        operationName: this.operationName,
        requestId,
      }));
    },
  };
  if (opts.passthrough && (await opts.passthrough.serve(req, res, body, context))) return;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const request: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  context.responseHeaders.applyTo(res);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

async function authenticate(opts: HandlerOptions, req: IncomingMessage, isOperation: boolean): Promise<Identity | null> {
  if (!opts.authenticator) return null;
  try {
    const identity = await opts.authenticator.authenticate(req.headers.authorization);
    if (!identity && opts.authRequired && isOperation) {
      throw new Refusal(401, 'UNAUTHENTICATED', 'a bearer token is required (Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
    }
    return identity;
  } catch (err) {
    if (err instanceof AuthError) {
      throw new Refusal(401, 'UNAUTHENTICATED', err.message, { 'www-authenticate': `Bearer error="invalid_token"` }, { reason: err.code });
    }
    if (err instanceof AuthUnavailableError) throw new Refusal(503, 'AUTH_UNAVAILABLE', err.message, { 'retry-after': '5' });
    throw err;
  }
}

async function spend(opts: HandlerOptions, identity: Identity | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!opts.rateLimiter) return;
  const key = identity ? `sub:${identity.subject}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
  const decision = await opts.rateLimiter.take(key);
  res.setHeader('ratelimit-limit', String(decision.limit));
  res.setHeader('ratelimit-remaining', String(decision.remaining));
  if (decision.allowed) return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new Refusal(
    429,
    'RATE_LIMITED',
    `rate limit of ${decision.limit} requests exceeded for ${identity ? `subject ${identity.subject}` : 'this client'}; retry in ${seconds} s`,
    { 'retry-after': String(seconds) },
    { retryAfterSeconds: seconds },
  );
}

/** Callers with a trusted-documents-only role may run only the manifest's operations. */
function checkTrusted(opts: HandlerOptions, identity: Identity | null, body: unknown, url: URL): void {
  const trusted = opts.trusted;
  if (!trusted || !identity || !identity.roles.some((r) => trusted.roles.includes(r))) return;
  const payloads = Array.isArray(body) ? body : [body ?? Object.fromEntries(url.searchParams)];
  for (const payload of payloads as Record<string, unknown>[]) {
    const text = typeof payload?.query === 'string' ? payload.query : undefined;
    const ext = typeof payload?.extensions === 'string' ? safeJson(payload.extensions) : payload?.extensions;
    const hash = text !== undefined ? createHash('sha256').update(text).digest('hex') : (ext as { persistedQuery?: { sha256Hash?: unknown } })?.persistedQuery?.sha256Hash;
    if (typeof hash !== 'string' || !(hash in trusted.documents)) {
      throw new Refusal(
        403,
        'OPERATION_NOT_TRUSTED',
        `role ${identity.roles.filter((r) => trusted.roles.includes(r)).join(', ')} may only run trusted documents (persisted operations); this operation is not in the manifest`,
      );
    }
  }
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refuse(res: ServerResponse, r: Refusal): void {
  noteRequest(res.req, { code: r.code });
  for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
  sendJson(res, r.status, { errors: [{ message: r.message, extensions: { code: r.code, ...r.extensions } }] });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}
