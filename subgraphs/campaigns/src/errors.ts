import { defineErrors } from '../../kit/src/errors.ts';

/** Campaigns' error catalogue: `extensions.code` values clients may rely on. */
export const campaignsErrors = defineErrors({
  CAMPAIGNS_CAMPAIGN_NOT_FOUND: { message: 'campaign not found' },
  CAMPAIGNS_VARIANT_NOT_FOUND: { message: 'variant not found in this campaign' },
  CAMPAIGNS_BATCH_TOO_LARGE: { message: 'too many items in one batch' },
});
