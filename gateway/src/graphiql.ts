import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';

// A self-hosted GraphiQL for networks where Apollo Sandbox's CDN is unreachable: the page and
// every asset come from npm packages installed with the gateway, nothing from the internet.

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The only files served under /graphiql/assets/, by name. */
const ASSETS: Record<string, { path: () => string; type: string }> = {
  'react.production.min.js': { path: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { path: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { path: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { path: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

// `?query=` pre-fills the editor, so a link can carry an operation; `?token=` pre-fills the
// headers editor with \`Authorization: Bearer <token>\` (type it there otherwise).
const INIT = `const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', location.href).toString() });
const params = new URLSearchParams(location.search);
const query = params.get('query') ?? undefined;
const token = params.get('token');
const headers = token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : undefined;
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, query, headers, defaultEditorToolsVisibility: true }));
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>allygraph · GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh"></div>
    <script src="/graphiql/assets/react.production.min.js"></script>
    <script src="/graphiql/assets/react-dom.production.min.js"></script>
    <script src="/graphiql/assets/graphiql.min.js"></script>
    <script src="/graphiql/assets/init.js"></script>
  </body>
</html>
`;

const cache = new Map<string, Buffer>();

/** Serves /graphiql and its assets; false when the path is not GraphiQL's. */
export async function serveGraphiql(pathname: string, res: ServerResponse): Promise<boolean> {
  if (pathname === '/graphiql' || pathname === '/graphiql/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    return true;
  }
  const name = pathname.startsWith('/graphiql/assets/') ? pathname.slice('/graphiql/assets/'.length) : null;
  if (name === null) return false;
  if (name === 'init.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(INIT);
    return true;
  }
  const asset = ASSETS[name];
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`no GraphiQL asset ${name}`);
    return true;
  }
  let body = cache.get(name);
  if (!body) {
    body = await readFile(asset.path());
    cache.set(name, body);
  }
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' }).end(body);
  return true;
}
