import { openDb, type Db } from '../subgraphs/kit/src/db.ts';
import { migrate } from '../subgraphs/kit/src/migrate.ts';
import { DEPARTMENTS, dbTargetFor, type DataConfig, type Department } from '../subgraphs/kit/src/config.ts';
import { SUBGRAPHS } from './subgraphs.ts';

export interface DepartmentDbs {
  dbs: Record<Department, Db>;
  close(): Promise<void>;
}

/**
 * Opens one Db per distinct target: departments on the same server or PGlite directory
 * share it (a PGlite directory must never be opened twice).
 */
export async function openDepartmentDbs(
  config: DataConfig,
  departments: readonly Department[] = DEPARTMENTS,
  mode: 'shared' | 'alone' = 'shared',
): Promise<DepartmentDbs> {
  const byTarget = new Map<string, Promise<Db>>();
  const dbs = {} as Record<Department, Db>;
  for (const d of departments) {
    const target = dbTargetFor(config, d, mode);
    const key = JSON.stringify(target);
    if (!byTarget.has(key)) byTarget.set(key, openDb(target));
    dbs[d] = await byTarget.get(key)!;
  }
  return {
    dbs,
    close: async () => {
      await Promise.all([...byTarget.values()].map(async (db) => (await db).close()));
    },
  };
}

/** Applies every department's migrations to its database, in department order. */
export async function migrateAll(dbs: Partial<Record<Department, Db>>): Promise<void> {
  for (const d of DEPARTMENTS) {
    const db = dbs[d];
    if (db) await migrate(db, d, SUBGRAPHS[d].migrationsDir);
  }
}
