import { defineErrors } from '../../kit/src/errors.ts';

/** Sales' error catalogue: `extensions.code` values clients may rely on. */
export const salesErrors = defineErrors({
  SALES_PRODUCT_NOT_FOUND: { message: 'product not found' },
  SALES_MISSING_REQUIRED_FIELD: { message: 'a field this value depends on was not provided by the gateway' },
});
