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
  it('applies numbered files in order, once, into the department schema, then the kit\'s audit log', async () => {
    await writeFile(join(dir, '001_things.sql'), 'CREATE TABLE things (id int PRIMARY KEY);');
    await writeFile(join(dir, '002_more.sql'), 'INSERT INTO things VALUES (1), (2);');
    const all = [{ version: 1, name: 'things' }, { version: 2, name: 'more' }, { version: 900, name: 'audit_log' }];
    expect(await migrate(store.db, 'm1', dir)).toEqual(all);
    expect(await migrate(store.db, 'm1', dir)).toEqual([]);
    expect(await applied('m1')).toEqual(all);
    expect(await store.db.query('SELECT count(*)::int AS n FROM m1.things')).toEqual([{ n: 2 }]);
    expect(await store.db.query(`SELECT to_regclass('m1.audit_log') IS NOT NULL AS present`)).toEqual([{ present: true }]);
  });

  it('makes the audit log append-only: rows go in, an UPDATE or DELETE is refused', async () => {
    const d = await mkdtemp(join(tmpdir(), 'allygraph-migrations-'));
    await writeFile(join(d, '001_t.sql'), 'CREATE TABLE t (id int);');
    expect(await migrate(store.db, 'm5', d)).toEqual([{ version: 1, name: 't' }, { version: 900, name: 'audit_log' }]);
    await store.db.query(`INSERT INTO m5.audit_log (actor, kind, fields, record_ids) VALUES ('tester', 'WRITE', '{Mutation.x}', '{id-1}')`);
    await expect(store.db.query(`UPDATE m5.audit_log SET actor = 'someone else'`)).rejects.toThrow('audit_log is append-only');
    await expect(store.db.query(`DELETE FROM m5.audit_log`)).rejects.toThrow('audit_log is append-only');
    expect(await store.db.query(`SELECT actor, kind, fields, record_ids FROM m5.audit_log`)).toEqual([
      { actor: 'tester', kind: 'WRITE', fields: ['Mutation.x'], record_ids: ['id-1'] },
    ]);
    await rm(d, { recursive: true, force: true });
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
