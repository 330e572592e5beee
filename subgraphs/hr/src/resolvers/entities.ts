import { formatMinor } from '../../../kit/src/money.ts';
import { hrErrors } from '../errors.ts';
import type { Loaders } from '../loaders.ts';
import { quotaKey, quotaPeriod } from '../../../kit/src/periods.ts';
import type { EmployeeRow } from '../data/rows.ts';
import type { Context } from '../context.ts';
import type { EmployeeResolvers, PerformanceReviewResolvers, QuotaResolvers } from '../__generated__/resolvers.ts';

export const Employee: EmployeeResolvers = {
  name: (e) => `${e.firstName} ${e.lastName}`,
  manager: (e, _args, ctx) => (e.managerId ? ctx.loaders.employee.load(e.managerId) : null),
  reports: (e, _args, ctx) => ctx.loaders.reports.load(e.id),
  // A malformed period can never match a quota; saying so beats a silent null.
  quota: (e, { period }, ctx) => ctx.loaders.quota.load(quotaKey(e.id, quotaPeriod('period', period))),
  quotas: (e, _args, ctx) => ctx.loaders.quotas.load(e.id),
  latestReview: (e, _args, ctx) => (mayReadReviewsOf(e, ctx) ? ctx.loaders.latestReview.load(e.id) : null),
  reviews: (e, _args, ctx) => (mayReadReviewsOf(e, ctx) ? ctx.loaders.reviews.load(e.id) : []),
};

/**
 * Row-level rule for performance reviews: HR (`hr:reviews`) reads all; any other employee
 * reads their own and their direct reports'. Others' reviews read as none (null, []).
 */
export function mayReadReviewsOf(e: EmployeeRow, ctx: Context): boolean {
  const { scopes, employeeId } = ctx.identity;
  if (scopes.includes('hr:reviews')) return true;
  return employeeId !== null && (e.id === employeeId || e.managerId === employeeId);
}

export const Quota: QuotaResolvers = {
  employee: (q, _args, ctx) => existingEmployee(ctx.loaders, q.employeeId),
  target: (q) => formatMinor(q.targetMinor, q.currency),
};

export const PerformanceReview: PerformanceReviewResolvers = {
  employee: (r, _args, ctx) => existingEmployee(ctx.loaders, r.employeeId),
  reviewer: (r, _args, ctx) => (r.reviewerId ? ctx.loaders.employee.load(r.reviewerId) : null),
};

/** Foreign keys guarantee the row; a miss means data changed mid-request, which is worth a clear code. */
async function existingEmployee(loaders: Loaders, id: string): Promise<EmployeeRow> {
  const row = await loaders.employee.load(id);
  if (!row) throw hrErrors.HR_EMPLOYEE_NOT_FOUND({ message: `employee "${id}" not found` });
  return row;
}
