import { defineErrors } from '../../kit/src/errors.ts';

/** HR's error catalogue: `extensions.code` values clients may rely on. */
export const hrErrors = defineErrors({
  HR_EMPLOYEE_NOT_FOUND: { message: 'employee not found' },
});
