import { pageEmployees } from '../data/employees.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  employee: (_root, { id }, ctx) => ctx.loaders.employee.load(id),
  employees: (_root, args, ctx) =>
    pageEmployees(ctx.db, {
      filter: args.filter,
      sort: args.orderBy?.field ?? 'LAST_NAME',
      direction: args.orderBy?.direction ?? 'ASC',
      first: args.first,
      after: args.after,
    }),
};
