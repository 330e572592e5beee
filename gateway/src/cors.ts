import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Which browser origins may call the gateway from another origin: `'*'` (any), or a list of
 * exact origins (`https://app.example.com`) and loopback wildcards (`http://localhost:*`).
 */
export type CorsOrigins = '*' | readonly string[];

/** Apollo Sandbox (hosted and the embed served by the landing page) and any loopback port. */
export const DEVELOPMENT_ORIGINS: readonly string[] = [
  'https://studio.apollographql.com',
  'https://sandbox.embed.apollographql.com',
  'http://localhost:*',
  'http://127.0.0.1:*',
  'http://[::1]:*',
];

/** Headers a browser may send cross-origin: JSON bodies, tokens, and Apollo's client headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

export type CorsDecision = 'preflight-answered' | 'continue';

/**
 * Applies the CORS policy to one request: adds `Access-Control-Allow-Origin` for an allowed
 * origin, answers preflights (204 when allowed, 403 naming the origin when not). No
 * credentials mode: clients authenticate with bearer tokens, not cookies, so CSRF stays
 * Apollo Server's job (it refuses simple, non-preflighted requests).
 */
export function applyCors(origins: CorsOrigins, req: IncomingMessage, res: ServerResponse): CorsDecision {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  res.setHeader('vary', 'Origin');
  const allowed = origin !== undefined && originAllowed(origins, origin);
  if (allowed) res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
  if (!preflight) return 'continue';
  if (!allowed) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: `origin ${origin ?? '(none)'} is not allowed; add it to CORS_ORIGINS` }));
    return 'preflight-answered';
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
  });
  res.end();
  return 'preflight-answered';
}

export function originAllowed(origins: CorsOrigins, origin: string): boolean {
  if (origins === '*') return true;
  return origins.some((allowed) =>
    allowed.endsWith(':*') ? origin.startsWith(allowed.slice(0, -1)) && /^\d+$/.test(origin.slice(allowed.length - 1)) : origin === allowed,
  );
}

/**
 * Parses `CORS_ORIGINS`: `*`, or comma-separated origins (scheme://host[:port], or a
 * `:*` port wildcard). Throws naming the bad entry.
 */
export function parseCorsOrigins(raw: string): CorsOrigins {
  const value = raw.trim();
  if (value === '*') return '*';
  if (value === '') return [];
  return value.split(',').map((entry) => {
    const origin = entry.trim();
    const concrete = origin.endsWith(':*') ? `${origin.slice(0, -2)}:1` : origin;
    let parsed: URL | undefined;
    try {
      parsed = new URL(concrete);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== concrete) {
      throw new Error(`"${origin}" is not an origin (scheme://host[:port], no path; a port may be *)`);
    }
    return origin;
  });
}
