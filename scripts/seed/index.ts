/** The seed data generator and loader: what the CLI, `npm start` and the tests use. */
export { INSERT_BATCH, isSeeded, resetDepartment, SEEDED_TABLES, seedAll, seedDepartment, type SeedOptions } from './load.ts';
export {
  buildWorld,
  crmChunks,
  departmentBatches,
  eventChunks,
  salesChunks,
  type ColumnBatch,
  type Sizes,
  type World,
} from './generate.ts';
