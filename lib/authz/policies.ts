import type { Policy } from './authorize.ts';

/**
 * The `@policy` rules of our schema: checks that need code, evaluated by the gateway before
 * planning (and again by the subgraph that owns the field). Row-level detail stays with the
 * owner: the HR subgraph filters reviews to the reader's own and their reports'.
 */
export const POLICIES: Record<string, Policy> = {
  /** Performance reviews: HR (`hr:reviews`), or any employee (their own and their reports', filtered by HR). */
  'review-reader': (p) => p.scopes.includes('hr:reviews') || p.employeeId !== null,
};
