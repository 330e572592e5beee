import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localSubgraphs, type SubgraphSource } from '../gateway/src/compose.ts';
import { DEFAULT_PORTS, type Department } from '../subgraphs/kit/src/config.ts';
import { acceptChanges, type AcceptedChange } from '../scripts/schema-check/accepted.ts';
import { checkSubgraphs, type CheckResult } from '../scripts/schema-check/check.ts';
import { composeApi } from '../scripts/schema-check/compose.ts';
import { checkVersions, loadVersions } from '../scripts/schema-check/history.ts';

const run = promisify(execFile);
const urls = Object.fromEntries(
  Object.entries(DEFAULT_PORTS).map(([d, port]) => [d, `http://localhost:${port}/graphql`]),
) as Record<Department, string>;

let subgraphs: SubgraphSource[];
let baseApi: string;

beforeAll(async () => {
  subgraphs = await localSubgraphs(urls);
  const composed = composeApi(subgraphs);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  baseApi = composed.apiSdl;
});

/** A copy of the subgraphs with `from` replaced by `to` in crm's SDL (which must contain it). */
function editCrm(from: string, to: string): SubgraphSource[] {
  return subgraphs.map((s) => {
    if (s.name !== 'crm') return s;
    if (!s.sdl.includes(from)) throw new Error(`crm SDL lacks ${from}`);
    return { ...s, sdl: s.sdl.replace(from, to) };
  });
}

/** The changes of a compared result, without the API SDL, for whole-value assertions. */
function summary(result: CheckResult) {
  if (result.status !== 'compared') return result;
  const { ok, report } = result;
  return { ok, ...report };
}

const PLANTED = {
  removeField: ['  "PII: phone number in E.164 form, when known."\n  phone: String @requiresScopes(scopes: [["pii:read"]]) @cacheControl(maxAge: 0, scope: PRIVATE)\n', ''],
  argNonNull: ['managedCustomers(first: Int, after: String)', 'managedCustomers(first: Int!, after: String)'],
  removeEnumValue: ['  LAST_NAME\n  EMAIL\n}', '  LAST_NAME\n}'],
} as const;

const PLANTED_CHANGES = [
  { type: 'FIELD_REMOVED', description: 'Customer.phone was removed.' },
  { type: 'VALUE_REMOVED_FROM_ENUM', description: 'EMAIL was removed from enum type CustomerSortField.' },
  { type: 'ARG_CHANGED_KIND', description: 'Employee.managedCustomers arg first has changed type from Int to Int!.' },
];

function planted(): SubgraphSource[] {
  const once = (list: SubgraphSource[], [from, to]: readonly [string, string]) =>
    list.map((s) => (s.name === 'crm' ? { ...s, sdl: s.sdl.replace(from, to) } : s));
  return Object.values(PLANTED).reduce(once, editCrm(PLANTED.removeField[0], PLANTED.removeField[1]));
}

describe('schema check on SDL strings', () => {
  it('passes the current subgraphs against their own API schema', () => {
    expect(summary(checkSubgraphs(subgraphs, baseApi, []))).toEqual({ ok: true, breaking: [], accepted: [], dangerous: [] });
  });

  it('fails on a removed field, an argument made non-null and a removed enum value', () => {
    const result = summary(checkSubgraphs(planted(), baseApi, []));
    expect(result).toEqual({ ok: false, breaking: PLANTED_CHANGES, accepted: [], dangerous: [] });
  });

  it('passes accepted breaking changes and keeps the acceptance beside each', () => {
    const accepted = acceptChanges([], PLANTED_CHANGES, 'phone moved to contact service', '2026-03-01');
    expect(accepted[0]).toEqual({
      change: 'Customer.phone was removed.',
      reason: 'phone moved to contact service',
      acceptedOn: '2026-03-01',
    });
    const result = summary(checkSubgraphs(planted(), baseApi, accepted));
    expect(result).toEqual({
      ok: true,
      breaking: [],
      accepted: PLANTED_CHANGES.map((change, i) => ({ change, acceptance: accepted[i] })),
      dangerous: [],
    });
  });

  it('fails the changes an acceptance does not name', () => {
    const accepted: AcceptedChange[] = [{ change: 'Customer.phone was removed.', reason: 'r', acceptedOn: '2026-03-01' }];
    const result = summary(checkSubgraphs(planted(), baseApi, accepted));
    expect(result).toEqual({
      ok: false,
      breaking: PLANTED_CHANGES.slice(1),
      accepted: [{ change: PLANTED_CHANGES[0], acceptance: accepted[0] }],
      dangerous: [],
    });
  });

  it('refuses to accept with an empty reason', () => {
    expect(() => acceptChanges([], PLANTED_CHANGES, '  ', '2026-03-01')).toThrow('--accept needs a non-empty reason');
  });

  it('passes a safe addition (new optional field and new type) with nothing to report', () => {
    const added = editCrm(
      '  country: String!\n',
      '  country: String!\n  "Preferred language."\n  language: Language\n',
    ).map((s) => (s.name === 'crm' ? { ...s, sdl: `${s.sdl}\ntype Language {\n  code: String!\n}\n` } : s));
    const result = checkSubgraphs(added, baseApi, []);
    expect(summary(result)).toEqual({ ok: true, breaking: [], accepted: [], dangerous: [] });
    expect(result.status === 'compared' && result.apiSdl.includes('type Language {\n  code: String!\n}')).toBe(true);
  });

  it('warns, without failing, on a new enum value and a new optional argument', () => {
    const changed = editCrm('  LAST_NAME\n  EMAIL\n}', '  LAST_NAME\n  EMAIL\n  COUNTRY\n}').map((s) =>
      s.name === 'crm'
        ? { ...s, sdl: s.sdl.replace('managedCustomers(first: Int, after: String)', 'managedCustomers(first: Int, after: String, last: Int = 5)') }
        : s,
    );
    expect(summary(checkSubgraphs(changed, baseApi, []))).toEqual({
      ok: true,
      breaking: [],
      accepted: [],
      dangerous: [
        { type: 'VALUE_ADDED_TO_ENUM', description: 'COUNTRY was added to enum type CustomerSortField.' },
        { type: 'OPTIONAL_ARG_ADDED', description: 'An optional arg last on Employee.managedCustomers was added.' },
      ],
    });
  });

  it('reports a composition error instead of comparing', () => {
    const result = checkSubgraphs(editCrm('type PageInfo @shareable @cacheControl(inheritMaxAge: true) {', 'type PageInfo @cacheControl(inheritMaxAge: true) {'), baseApi, []);
    expect(result.status).toBe('composition-failed');
    expect(result.status === 'composition-failed' && result.errors.slice(0, 1)).toEqual([
      expect.stringMatching(/^Non-shareable field "PageInfo\.hasNextPage" is resolved from multiple subgraphs/),
    ]);
  });

  it('has nothing breaking without a base', () => {
    expect(summary(checkSubgraphs(planted(), null, []))).toEqual({ ok: true, breaking: [], accepted: [], dangerous: [] });
  });
});

describe('schema check --history on a git repository', () => {
  const V1 = 'type Query {\n  a: Int\n  b: Int\n}\n';
  const V2 = 'type Query {\n  a: Int\n}\n';
  const REMOVED = { type: 'FIELD_REMOVED', description: 'Query.b was removed.' };
  const ACCEPTANCE: AcceptedChange = { change: 'Query.b was removed.', reason: 'b was never used', acceptedOn: '2026-03-01' };
  const dirs: string[] = [];

  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function repo(commits: Record<string, string>[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'schema-check-'));
    dirs.push(dir);
    const git = (...args: string[]) =>
      run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
    await git('init', '-q');
    await mkdir(join(dir, 'schema'));
    for (const [i, files] of commits.entries()) {
      for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
      await git('add', '-A');
      await git('commit', '-q', '-m', `v${i + 1}`);
    }
    return dir;
  }

  async function walk(dir: string) {
    return checkVersions(await loadVersions(dir)).map((s) => s.report);
  }

  it('fails a breaking change committed without acceptance', async () => {
    const dir = await repo([{ 'schema/api.graphql': V1 }, { 'schema/api.graphql': V2 }]);
    expect(await walk(dir)).toEqual([{ breaking: [REMOVED], accepted: [], dangerous: [] }]);
  });

  it('passes a breaking change accepted in the same commit', async () => {
    const dir = await repo([
      { 'schema/api.graphql': V1, 'schema/accepted-changes.json': '[]' },
      { 'schema/api.graphql': V2, 'schema/accepted-changes.json': JSON.stringify([ACCEPTANCE]) },
    ]);
    expect(await walk(dir)).toEqual([{ breaking: [], accepted: [{ change: REMOVED, acceptance: ACCEPTANCE }], dangerous: [] }]);
  });

  it('still fails when the acceptance only arrives in a later commit', async () => {
    const dir = await repo([
      { 'schema/api.graphql': V1 },
      { 'schema/api.graphql': V2 },
      { 'schema/accepted-changes.json': JSON.stringify([ACCEPTANCE]) },
    ]);
    expect(await walk(dir)).toEqual([{ breaking: [REMOVED], accepted: [], dangerous: [] }]);
  });

  it('the CLI exits 1 on an unaccepted breaking change in history and 0 once accepted', async () => {
    const cli = [join(process.cwd(), 'scripts/schema-check.ts'), '--history'];
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const bad = await repo([{ 'schema/api.graphql': V1 }, { 'schema/api.graphql': V2 }]);
    const failure = await run(tsx, cli, { cwd: bad }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('  BREAKING FIELD_REMOVED: Query.b was removed.\n');
    const good = await repo([
      { 'schema/api.graphql': V1 },
      { 'schema/api.graphql': V2, 'schema/accepted-changes.json': JSON.stringify([ACCEPTANCE]) },
    ]);
    const { stdout } = await run(tsx, cli, { cwd: good });
    expect(stdout.split('\n').slice(-3)).toEqual([
      '  accepted FIELD_REMOVED: Query.b was removed. (2026-03-01: b was never used)',
      'schema history: 1 change(s) to schema/api.graphql checked, no unaccepted breaking change',
      '',
    ]);
  });
});
