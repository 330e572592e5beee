import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { migrate } from '../subgraphs/kit/src/migrate.ts';
import { emptyDatabase, type DbCopy } from './helpers/template.ts';

let store: DbCopy;
let dir: string;

beforeAll(async () => {
  store = await emptyDatabase(inject('template'));
  dir = await mkdtemp(join(tmpdir(), 'allygraph-migrations-'));
});
afterAll(async () => {
  await store?.dispose();
  await rm(dir, { recursive: true, force: true });
});

const applied = (schema: string) =>
  store.db.query<{ version: number; name: string }>(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);

describe('migrate', () => {
  it('applies numbered files in order, once, into the department schema', async () => {
    await writeFile(join(dir, '001_things.sql'), 'CREATE TABLE things (id int PRIMARY KEY);');
    await writeFile(join(dir, '002_more.sql'), 'INSERT INTO things VALUES (1), (2);');
    expect(await migrate(store.db, 'm1', dir)).toEqual([{ version: 1, name: 'things' }, { version: 2, name: 'more' }]);
    expect(await migrate(store.db, 'm1', dir)).toEqual([]);
    expect(await applied('m1')).toEqual([{ version: 1, name: 'things' }, { version: 2, name: 'more' }]);
    expect(await store.db.query('SELECT count(*)::int AS n FROM m1.things')).toEqual([{ n: 2 }]);
  });

  it('refuses an applied migration whose file changed', async () => {
    const d = await mkdtemp(join(tmpdir(), 'allygraph-migrations-'));
    await writeFile(join(d, '001_t.sql'), 'CREATE TABLE t (id int);');
    await migrate(store.db, 'm2', d);
    await writeFile(join(d, '001_t.sql'), 'CREATE TABLE t (id bigint);');
    await expect(migrate(store.db, 'm2', d)).rejects.toThrow(
      'migration m2/1_t.sql changed after it was applied (checksum mismatch); add a new migration instead',
    );
    await rm(d, { recursive: true, force: true });
  });

  it('rolls back everything when a migration fails, recording nothing', async () => {
    const d = await mkdtemp(join(tmpdir(), 'allygraph-migrations-'));
    await writeFile(join(d, '001_ok.sql'), 'CREATE TABLE ok (id int);');
    await writeFile(join(d, '002_bad.sql'), 'CREATE TABLE broken (id nosuchtype);');
    await expect(migrate(store.db, 'm3', d)).rejects.toThrow(/nosuchtype/);
    expect(await store.db.query(`SELECT to_regclass('m3.ok') IS NULL AS gone`)).toEqual([{ gone: true }]);
    await rm(d, { recursive: true, force: true });
  });

  it('refuses a file that is not named NNN_name.sql', async () => {
    const d = await mkdtemp(join(tmpdir(), 'allygraph-migrations-'));
    await writeFile(join(d, '1-init.sql'), 'SELECT 1;');
    await expect(migrate(store.db, 'm4', d)).rejects.toThrow(`migration file ${join(d, '1-init.sql')} must be named NNN_name.sql`);
    await rm(d, { recursive: true, force: true });
  });
});
