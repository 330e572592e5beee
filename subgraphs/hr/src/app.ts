import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '../../kit/src/server.ts';
import { DateTime } from '../../kit/src/scalars.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { quotaKey } from '../../kit/src/periods.ts';
import { Query } from './resolvers/query.ts';
import { Mutation } from './resolvers/mutation.ts';
import { Employee, PerformanceReview, Quota } from './resolvers/entities.ts';
import type { Resolvers } from './__generated__/resolvers.ts';

const resolvers: Resolvers = { DateTime, Query, Mutation, Employee, Quota, PerformanceReview };

/** HR: employees, reporting lines, sales quotas and performance reviews. */
export const hr: SubgraphDefinition<Loaders> = {
  name: 'hr',
  sdl: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  references: {
    Employee: (ref, ctx) => ctx.loaders.employee.load(String(ref.id)),
    Quota: (ref, ctx) => ctx.loaders.quota.load(quotaKey(String(ref.employeeId), String(ref.period))),
  },
  createLoaders,
  migrationsDir: new URL('../migrations', import.meta.url).pathname,
};
