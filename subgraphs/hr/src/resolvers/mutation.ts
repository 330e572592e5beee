import { badInput } from '../../../kit/src/errors.ts';
import { assertCurrency, parseAmount } from '../../../kit/src/money.ts';
import * as v from '../../../kit/src/validate.ts';
import type { Queryable } from '../../../kit/src/db.ts';
import { existingEmployeeIds } from '../data/employees.ts';
import { upsertQuota } from '../data/quotas.ts';
import { insertReview, reviewByClientKey, type ReviewWrite } from '../data/reviews.ts';
import { hrErrors } from '../errors.ts';
import { quotaPeriod } from '../../../kit/src/periods.ts';
import type { MutationResolvers, PerformanceReviewInput } from '../__generated__/resolvers.ts';

export const Mutation: MutationResolvers = {
  setQuota: async (_root, { input }, ctx) => {
    const period = quotaPeriod('input.period', input.period);
    const currency = assertCurrency('input.target.currency', input.target.currency);
    const targetMinor = parseAmount('input.target.amount', input.target.amount, currency);
    if (targetMinor < 0n) throw badInput('input.target.amount', 'must not be negative');
    return ctx.db.transaction(async (tx) => {
      await requireEmployees(tx, [{ id: input.employeeId, field: 'input.employeeId' }]);
      return upsertQuota(tx, { employeeId: input.employeeId, period, currency, targetMinor });
    });
  },

  recordPerformanceReview: async (_root, { input }, ctx) => {
    const review = reviewWrite(input);
    return ctx.db.transaction(async (tx) => {
      const refs = [{ id: review.employeeId, field: 'input.employeeId' }];
      if (review.reviewerId !== null) refs.push({ id: review.reviewerId, field: 'input.reviewerId' });
      await requireEmployees(tx, refs);
      // A retry finds its key taken and gets the stored review back, not a second row.
      const stored = (await insertReview(tx, review)) ?? (await reviewByClientKey(tx, review.clientKey));
      if (!stored) throw new Error(`review "${review.clientKey}" neither inserted nor found`);
      return stored;
    });
  },
};

/** Everything that can be checked without the database, before a transaction starts. */
function reviewWrite(input: PerformanceReviewInput): ReviewWrite {
  v.clientKey('input.clientKey', input.clientKey);
  const reviewerId = input.reviewerId ?? null;
  if (reviewerId === input.employeeId) throw badInput('input.reviewerId', 'an employee cannot review themselves');
  return {
    clientKey: input.clientKey,
    employeeId: input.employeeId,
    reviewerId,
    period: v.nonEmpty('input.period', input.period, 20),
    rating: v.intRange('input.rating', input.rating, 1, 5),
    summary: v.nonEmpty('input.summary', input.summary, 5000),
    reviewedAt: v.dateTime('input.reviewedAt', input.reviewedAt),
  };
}

/** One statement for all referenced employees; the first missing one is reported by its field. */
async function requireEmployees(tx: Queryable, refs: { id: string; field: string }[]): Promise<void> {
  const known = await existingEmployeeIds(tx, refs.map((r) => r.id));
  const missing = refs.find((r) => !known.has(r.id));
  if (missing) {
    throw hrErrors.HR_EMPLOYEE_NOT_FOUND({ message: `employee "${missing.id}" not found`, field: missing.field });
  }
}
