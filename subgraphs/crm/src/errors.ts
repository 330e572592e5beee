import { defineErrors } from '../../kit/src/errors.ts';

/** CRM's error catalogue: `extensions.code` values clients may rely on. */
export const crmErrors = defineErrors({
  CRM_CUSTOMER_NOT_FOUND: { message: 'customer not found' },
  CRM_SEGMENT_NOT_FOUND: { message: 'segment not found' },
  CRM_EMAIL_TAKEN: { message: 'another customer already has this email address' },
  CRM_BATCH_TOO_LARGE: { message: 'too many items in one batch' },
});
