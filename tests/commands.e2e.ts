import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './helpers/graph.ts';
import { spawnCommand, spawnScript } from './helpers/process.ts';
import { IDENTITY_HEADER, signIdentity } from '../lib/internal-identity.ts';
import { DEVELOPMENT_IDENTITY } from '../subgraphs/kit/src/server.ts';
import { startForeignGraph, type ForeignGraph } from './helpers/foreign-graph.ts';

// The commands a user runs, as processes: npm start, npm run subgraph, npm run gateway.
let dir: string;
const EPHEMERAL = { PORT: '0', CRM_PORT: '0', CAMPAIGNS_PORT: '0', SALES_PORT: '0', HR_PORT: '0' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allygraph-commands-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('seeds an empty data directory once, serves the graph, and stops cleanly on Ctrl-C', async () => {
    const env = { ...EPHEMERAL, DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined, SEED_SCALE: '1' };
    const first = spawnScript('scripts/start.ts', [], env);
    const [, url] = await first.waitFor(/Gateway \(GraphQL\):\s+(\S+)/, 120_000);
    expect(first.output()).toContain('seeded demo data (scale 1) for crm, campaigns, sales, hr');
    // Department data needs a token: npm start prints how to mint one, and npm run token does.
    expect(first.output()).toContain('TOKEN=$(npm run -s token -- --role analyst)');
    const anonymous = await postJson(url, { query: '{ segments { id } }' });
    expect(anonymous.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const minted = spawnScript('scripts/token.ts', ['--role', 'analyst'], { DATA_DIR: join(dir, 'data') });
    expect(await minted.exit()).toBe(0);
    const auth = { authorization: `Bearer ${minted.output().split('\n')[0].trim()}` };
    const res = await postJson<{ segments: { id: string }[] }>(url, { query: '{ segments { id } customers(first: 1) { edges { node { id } } } }' }, auth);
    expect({ data: res.body.data, errors: res.body.errors }).toEqual({ errors: undefined, data: {
      segments: expect.arrayContaining([{ id: expect.stringMatching(/^seg-/) }]),
      customers: { edges: [{ node: { id: expect.stringMatching(/^cus-/) } }] },
    } });
    expect(await first.stop('SIGINT')).toBe(0);
    expect(first.output()).toContain('SIGINT: shutting down');

    const second = spawnScript('scripts/start.ts', [], env);
    const [, url2] = await second.waitFor(/Gateway \(GraphQL\):\s+(\S+)/, 60_000);
    expect(second.output()).not.toContain('seeded demo data');
    const again = await postJson(url2, { query: '{ segments { id } }' }, auth);
    expect(again.body.data).toEqual({ segments: res.body.data?.segments });
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('refuses a bad setting naming the variable', async () => {
    const run = spawnScript('scripts/start.ts', [], { ...EPHEMERAL, DATA_DIR: join(dir, 'bad'), DATABASE_URL: 'mysql://nope' });
    expect(await run.exit()).toBe(1);
    expect(run.output()).toContain('allygraph failed to start: DATABASE_URL must be a postgres:// or postgresql:// URL');
  });
});

describe('npm run subgraph', () => {
  it('runs one department alone on its own data directory and serves its SDL', async () => {
    const run = spawnScript('scripts/subgraph.ts', ['hr', '--port', '0'], { DATA_DIR: join(dir, 'alone'), DATABASE_URL: undefined, SEED_SCALE: '0' });
    const [, url] = await run.waitFor(/subgraph hr ready at (\S+) \(data: (\S+)\)/, 60_000);
    expect(run.output()).toContain(`(data: ${join(dir, 'alone', 'hr')})`);
    const sdl = await readFile('subgraphs/hr/src/schema.graphql', 'utf8');
    // Only the gateway may call it: unsigned requests are refused, signed ones answered.
    const unsigned = await postJson(url, { query: '{ _service { sdl } }' });
    expect(unsigned).toEqual({ status: 401, body: { errors: [{ message: 'missing x-allygraph-identity: subgraphs answer only the gateway', extensions: { code: 'UNAUTHENTICATED' } }] } });
    const secret = await readFile(join(dir, 'alone', 'internal-secret'), 'utf8');
    const signed = { [IDENTITY_HEADER]: signIdentity(Buffer.from(secret.trim()), DEVELOPMENT_IDENTITY) };
    expect((await postJson(url, { query: '{ _service { sdl } }' }, signed)).body).toEqual({ data: { _service: { sdl } } });
    const health = await fetch(url.replace(/\/graphql$/, '/health'));
    expect(await health.json()).toEqual({ status: 'ok', service: 'hr' });
    expect(await run.stop()).toBe(0);
  });

  it('refuses an unknown department with usage', async () => {
    const run = spawnScript('scripts/subgraph.ts', ['payroll'], {});
    expect(await run.exit()).toBe(2);
    expect(run.output()).toContain('usage: npm run subgraph -- <crm|campaigns|sales|hr> [--port N] [--host H]');
  });
});

describe('npm run compose -- --check', () => {
  it('fails on a stale supergraph file and passes on a fresh one', async () => {
    const stale = join(dir, 'stale.graphql');
    await writeFile(stale, (await readFile('supergraph.graphql', 'utf8')).replace('type Customer', 'type Customer @deprecated'));
    const failing = spawnScript('scripts/compose.ts', ['--check', '--out', stale], {});
    expect(await failing.exit()).toBe(1);
    expect(failing.output()).toContain(`${stale} is stale: run \`npm run compose\` and commit the result`);
    const passing = spawnScript('scripts/compose.ts', ['--check'], {});
    expect(await passing.exit()).toBe(0);
    expect(passing.output()).toContain('supergraph.graphql is up to date');
  });
});

describe('npm run codegen:check (the drift check CI runs)', () => {
  /** The codegen inputs and outputs, copied so a file can be made stale without touching the repo. */
  async function codegenCopy(): Promise<string> {
    const copy = await mkdtemp(join(dir, 'codegen-'));
    const paths = ['codegen.yml', 'schema/api.graphql', 'client/operations', 'client/src/__generated__'];
    for (const d of ['crm', 'campaigns', 'sales', 'hr']) paths.push(`subgraphs/${d}/src/schema.graphql`, `subgraphs/${d}/src/__generated__`);
    for (const path of paths) await cp(path, join(copy, path), { recursive: true });
    await symlink(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'));
    return copy;
  }
  const codegenCheck = (cwd: string) => spawnCommand(join(process.cwd(), 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.yml', '--check'], { cwd });

  it('passes on the committed files and fails naming a stale one', async () => {
    const copy = await codegenCopy();
    const fresh = codegenCheck(copy);
    expect(await fresh.exit()).toBe(0);
    const stale = 'subgraphs/hr/src/__generated__/resolvers.ts';
    const text = await readFile(join(copy, stale), 'utf8');
    await writeFile(join(copy, stale), text.replace('rating', 'ratingScore'));
    const failing = codegenCheck(copy);
    expect(await failing.exit()).toBe(1);
    expect(failing.output()).toMatch(new RegExp(`stale files were detected:\\s+- ${stale}`));
  });

  it('fails when an operation changed but its typed document was not regenerated', async () => {
    const copy = await codegenCopy();
    const op = join(copy, 'client/operations/Customer360.graphql');
    await writeFile(op, (await readFile(op, 'utf8')).replace('  country\n', '  country\n  phone\n'));
    const failing = codegenCheck(copy);
    expect(await failing.exit()).toBe(1);
    expect(failing.output()).toContain('- client/src/__generated__/graphql.ts');
  });

  it("generates a typed document for the README's first-typed-query walkthrough", async () => {
    const readme = await readFile('README.md', 'utf8');
    const [, name, operation] = /`client\/operations\/(\w+)\.graphql`:\n\s*```graphql\n([\s\S]*?)```/.exec(readme) ?? [];
    expect(name).toBe('NewestCustomers');
    const copy = await codegenCopy();
    await writeFile(join(copy, `client/operations/${name}.graphql`), operation.replace(/^ {3}/gm, ''));
    const run = spawnCommand(join(process.cwd(), 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.yml'], { cwd: copy });
    expect(await run.exit()).toBe(0);
    const generated = await readFile(join(copy, 'client/src/__generated__/graphql.ts'), 'utf8');
    expect(generated).toContain('export type NewestCustomersQueryVariables = Exact<{\n  first?: number | null | undefined;\n}>;');
    expect(generated).toContain('export const NewestCustomersDocument = new TypedDocumentString(');
  });

  it('fails on a stale trusted-documents manifest', async () => {
    const stale = join(dir, 'persisted-operations.json');
    const manifest = JSON.parse(await readFile('client/src/__generated__/persisted-operations.json', 'utf8')) as Record<string, string>;
    const [hash] = Object.keys(manifest);
    delete manifest[hash];
    await writeFile(stale, `${JSON.stringify(manifest, null, 2)}\n`);
    const failing = spawnScript('scripts/persisted-manifest.ts', ['--check', '--out', stale], {});
    expect(await failing.exit()).toBe(1);
    expect(failing.output()).toContain(`${stale} is stale: run \`npm run codegen\` and commit the result`);
    const passing = spawnScript('scripts/persisted-manifest.ts', ['--check'], {});
    expect(await passing.exit()).toBe(0);
  });
});

describe('npm run gateway', () => {
  let foreign: ForeignGraph;
  beforeAll(async () => {
    foreign = await startForeignGraph();
  });
  afterAll(async () => {
    await foreign?.close();
  });

  it('routes any supergraph file', async () => {
    const file = join(dir, 'foreign.graphql');
    await writeFile(file, foreign.supergraphSdl);
    const run = spawnScript('gateway/src/index.ts', ['--supergraph', file, '--port', '0'], {});
    const [, url] = await run.waitFor(/gateway ready at (\S+)/);
    // Exactly as stock @apollo/gateway answers (limits apply; no cost report without demand-control directives).
    expect((await postJson(url, { query: '{ product(upc: "1") { name inStock } }' })).body).toEqual({
      data: { product: { name: 'Table', inStock: true } },
    });
    expect(await run.stop()).toBe(0);
  });

  it('serves a trusted-documents manifest by hash (--persisted)', async () => {
    const file = join(dir, 'foreign2.graphql');
    await writeFile(file, foreign.supergraphSdl);
    const document = '{ product(upc: "2") { name } }';
    const hash = createHash('sha256').update(document).digest('hex');
    const manifest = join(dir, 'manifest.json');
    await writeFile(manifest, JSON.stringify({ [hash]: document }));
    const run = spawnScript('gateway/src/index.ts', ['--supergraph', file, '--port', '0', '--persisted', manifest], {});
    const [, url] = await run.waitFor(/gateway ready at (\S+)/);
    const byHash = await postJson(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.body).toMatchObject({ data: { product: { name: 'Couch' } } });
    expect(await run.stop()).toBe(0);
  });

  it('exits non-zero with the reason when the supergraph file is missing', async () => {
    const run = spawnScript('gateway/src/index.ts', ['--supergraph', join(dir, 'missing.graphql'), '--port', '0'], {});
    expect(await run.exit()).toBe(1);
    expect(run.output()).toContain(`gateway failed to start: cannot read supergraph file "${join(dir, 'missing.graphql')}"`);
  });
});
