/**
 * npm run seed -- --scale N [--department crm|campaigns|sales|hr] [--reset]
 *
 * Migrates and fills the departments' schemas with deterministic demo data. Without
 * --department it seeds all four where the graph keeps them (shared mode); with it, that
 * department's own store (alone mode). Refuses to touch seeded data unless --reset.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DEPARTMENTS, loadDataConfig, type DataConfig, type Department } from '../subgraphs/kit/src/config.ts';
import { migrateAll, openDepartmentDbs } from './databases.ts';
import { isSeeded, seedDepartment } from './seed/index.ts';

const USAGE = `usage: npm run seed -- [--scale N] [--department ${DEPARTMENTS.join('|')}] [--reset]
  --scale N        data volume: 1000*N customers, ~10 events and ~3 orders each (default: SEED_SCALE, 1)
  --department D   seed only D, in its own store (default: all four, in the shared store)
  --reset          empty the department's tables first instead of refusing when data exists`;

class UsageError extends Error {}

interface Args {
  scale: number;
  departments: readonly Department[];
  mode: 'shared' | 'alone';
  reset: boolean;
}

function readFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        scale: { type: 'string' },
        department: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function parse(argv: string[], defaultScale: number): Args | 'help' {
  const values = readFlags(argv);
  if (values.help) return 'help';
  const scale = values.scale === undefined ? defaultScale : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new UsageError(`--scale must be a number greater than 0 and at most 1000, got "${values.scale ?? scale}"`);
  }
  const department = values.department;
  if (department !== undefined && !isDepartment(department)) {
    throw new UsageError(`--department must be one of ${DEPARTMENTS.join(', ')}, got "${department}"`);
  }
  return {
    scale,
    departments: department === undefined ? DEPARTMENTS : [department],
    mode: department === undefined ? 'shared' : 'alone',
    reset: values.reset,
  };
}

function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

async function main(): Promise<number> {
  let args: Args | 'help';
  let config: DataConfig;
  try {
    config = loadDataConfig();
    args = parse(process.argv.slice(2), config.seedScale || 1);
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof ConfigError)) throw err;
    console.error(`seed: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const { dbs, close } = await openDepartmentDbs(config, args.departments, args.mode);
  try {
    await migrateAll(dbs);

    if (!args.reset) {
      const seeded: string[] = [];
      for (const department of args.departments) {
        if (await isSeeded(dbs[department], department)) seeded.push(`${department} (${dbs[department].location})`);
      }
      if (seeded.length > 0) {
        console.error(`seed: already seeded: ${seeded.join(', ')}; no data was changed. Pass --reset to replace it.`);
        return 1;
      }
    }

    const started = performance.now();
    let total = 0;
    console.log(`seeding scale ${args.scale}${args.reset ? ' (reset)' : ''}`);
    for (const department of args.departments) {
      const db = dbs[department];
      const t0 = performance.now();
      const rows = await seedDepartment(db, department, args.scale, { reset: args.reset });
      total += rows;
      console.log(`  ${department.padEnd(10)} ${String(rows).padStart(10)} rows  ${seconds(t0)}  ${db.location}`);
    }
    console.log(`  ${'total'.padEnd(10)} ${String(total).padStart(10)} rows  ${seconds(started)}`);
    return 0;
  } finally {
    await close();
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`seed: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
