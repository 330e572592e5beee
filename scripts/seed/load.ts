/**
 * Loads generated rows with multi-row inserts (`INSERT ... SELECT * FROM unnest($1::text[], ...)`),
 * ~5000 rows per statement, one transaction per department. Runs on a real PostgreSQL pool
 * and on PGlite's single connection alike: inside the transaction only `tx` is used.
 */
import { DEPARTMENTS, type Department } from '../../subgraphs/kit/src/config.ts';
import type { Db, Queryable } from '../../subgraphs/kit/src/db.ts';
import { buildWorld, departmentBatches, type ColumnBatch } from './generate.ts';

export const INSERT_BATCH = 5000;

/** Every seeded table per department, parents first. */
export const SEEDED_TABLES: Readonly<Record<Department, readonly string[]>> = {
  crm: ['crm.segments', 'crm.customers', 'crm.consents', 'crm.satisfaction_responses'],
  campaigns: ['campaigns.campaigns', 'campaigns.variants', 'campaigns.events'],
  sales: ['sales.products', 'sales.orders', 'sales.order_lines'],
  hr: ['hr.employees', 'hr.quotas', 'hr.reviews'],
};

/** The table whose rows mean "this department has data". */
const MAIN_TABLE: Readonly<Record<Department, string>> = {
  crm: 'crm.customers',
  campaigns: 'campaigns.campaigns',
  sales: 'sales.orders',
  hr: 'hr.employees',
};

export interface SeedOptions {
  /** Empty the department's tables first, in the same transaction as the seed. @default false */
  reset?: boolean;
}

/**
 * Inserts `department`'s rows for `scale` in one transaction and returns how many rows it
 * inserted. Fails (and rolls back) if the rows already exist, unless `reset` is set.
 */
export async function seedDepartment(
  db: Db,
  department: Department,
  scale: number,
  options: SeedOptions = {},
): Promise<number> {
  const world = buildWorld(scale);
  return db.transaction(async (tx) => {
    if (options.reset) await resetDepartment(tx, department);
    let rows = 0;
    for (const batch of departmentBatches(world, department)) rows += await insertBatch(tx, batch);
    return rows;
  });
}

/** True if the department's main table has any row. */
export async function isSeeded(db: Queryable, department: Department): Promise<boolean> {
  const [row] = await db.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${MAIN_TABLE[department]}) AS seeded`);
  return row?.seeded === true;
}

/**
 * Seeds every department present in `dbs` that has no data yet (tables must be migrated);
 * scale 0 seeds nothing. Returns the departments it seeded, in department order.
 */
export async function seedAll(dbs: Partial<Record<Department, Db>>, scale: number): Promise<Department[]> {
  const seeded: Department[] = [];
  if (scale === 0) return seeded; // SEED_SCALE=0 means "start empty"
  // Sequential: departments may share one Db, and PGlite has a single connection.
  for (const department of DEPARTMENTS) {
    const db = dbs[department];
    if (!db || (await isSeeded(db, department))) continue;
    await seedDepartment(db, department, scale);
    seeded.push(department);
  }
  return seeded;
}

/** Empties the department's tables; CASCADE stays inside its schema (no cross-schema keys). */
export async function resetDepartment(db: Queryable, department: Department): Promise<void> {
  await db.query(`TRUNCATE ${SEEDED_TABLES[department].join(', ')} RESTART IDENTITY CASCADE`);
}

async function insertBatch(tx: Queryable, batch: ColumnBatch): Promise<number> {
  const names = batch.columns.map((c) => c.name).join(', ');
  const arrays = batch.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${batch.table} (${names}) SELECT * FROM unnest(${arrays})`;
  for (let from = 0; from < batch.rowCount; from += INSERT_BATCH) {
    const to = Math.min(batch.rowCount, from + INSERT_BATCH);
    await tx.query(sql, batch.columns.map((c) => c.values.slice(from, to)));
  }
  return batch.rowCount;
}
