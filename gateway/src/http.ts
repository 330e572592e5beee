import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { applyCors, type CorsOrigins } from './cors.ts';
import { serveGraphiql } from './graphiql.ts';

/**
 * Largest request body accepted; bigger ones get 413 before any parsing. Room for the
 * largest documented bulk write (10,000 engagement events, ~1.3 MB).
 */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A minimal node:http integration for Apollo Server: GraphQL (and the Sandbox landing page on
 * GET) at `/graphql`, a self-hosted GraphiQL at `/graphiql`, liveness at `/health`. No framework
 * between the socket and the gateway.
 */
export interface HandlerOptions {
  graphiql: boolean;
  cors: CorsOrigins;
}

export function createHandler(server: ApolloServer<BaseContext>, opts: HandlerOptions): RequestHandler {
  return (req, res) => {
    handle(server, req, res, opts).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy(err as Error);
    });
  };
}

async function handle(server: ApolloServer<BaseContext>, req: IncomingMessage, res: ServerResponse, opts: HandlerOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (applyCors(opts.cors, req, res) === 'preflight-answered') return;
  if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (opts.graphiql && req.method === 'GET' && (await serveGraphiql(url.pathname, res))) return;
  if (url.pathname === '/') {
    res.writeHead(302, { location: `/graphql${url.search}` }).end();
    return;
  }
  if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}; GraphQL is at /graphql` });

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') {
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, { errors: [{ message: `request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    if ((headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = raw.length ? JSON.parse(raw) : undefined;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    } else {
      body = raw;
    }
  }
  const request: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => ({}) });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
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
