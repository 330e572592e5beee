import { badInput } from '../../../kit/src/errors.ts';
import { assertCurrency, parseAmount } from '../../../kit/src/money.ts';
import * as v from '../../../kit/src/validate.ts';
import { campaignsByIds, existingCampaignIds, insertCampaign, type CampaignWrite } from '../data/campaigns.ts';
import { insertEvents, type EventWrite } from '../data/events.ts';
import { applyConversions, type ConversionWrite } from '../data/conversions.ts';
import { insertVariants, variantCampaigns } from '../data/variants.ts';
import { campaignsErrors } from '../errors.ts';
import type { Queryable } from '../../../kit/src/db.ts';
import type { ConversionInput, CreateCampaignInput, MutationResolvers } from '../__generated__/resolvers.ts';

/** Upper bounds of one bulk call, as the schema documents. */
const MAX_EVENTS = 10_000;
const MAX_CONVERSIONS = 5_000;

export const Mutation: MutationResolvers = {
  createCampaign: async (_root, { input }, ctx) => {
    const campaign = campaignWrite(input);
    const variants = variantWrites(input.variants);
    return ctx.db.transaction(async (tx) => {
      const id = await insertCampaign(tx, campaign);
      await insertVariants(tx, id, variants);
      return (await campaignsByIds(tx, [id]))[0];
    });
  },

  recordEngagementEvents: async (_root, { events }, ctx) => {
    if (events.length === 0) throw badInput('events', 'must contain at least one event');
    if (events.length > MAX_EVENTS) {
      throw campaignsErrors.CAMPAIGNS_BATCH_TOO_LARGE({ message: `at most ${MAX_EVENTS} events per call`, field: 'events' });
    }
    v.clientKeys('events', events.map((e) => e.clientKey));
    const items: EventWrite[] = events.map((e, i) => ({
      clientKey: e.clientKey,
      campaignId: e.campaignId,
      variantId: e.variantId ?? null,
      customerId: v.nonEmpty(`events[${i}].customerId`, e.customerId),
      type: e.type,
      occurredAt: v.dateTime(`events[${i}].occurredAt`, e.occurredAt),
    }));
    return ctx.db.transaction(async (tx) => {
      await checkEventReferences(tx, items);
      const stored = await insertEvents(tx, items);
      return { received: items.length, stored, duplicates: items.length - stored };
    });
  },

  recordConversions: async (_root, { conversions }, ctx) => {
    if (conversions.length === 0) throw badInput('conversions', 'must contain at least one conversion');
    if (conversions.length > MAX_CONVERSIONS) {
      throw campaignsErrors.CAMPAIGNS_BATCH_TOO_LARGE({ message: `at most ${MAX_CONVERSIONS} conversions per call`, field: 'conversions' });
    }
    // An order written twice in one page: only its newest write matters.
    const newest = new Map<string, ConversionWrite>();
    conversions.forEach((c, i) => {
      const item = conversionWrite(c, `conversions[${i}]`);
      const seen = newest.get(item.orderId);
      if (!seen || seen.feedPosition < item.feedPosition) newest.set(item.orderId, item);
    });
    const stored = await ctx.db.transaction((tx) => applyConversions(tx, [...newest.values()]));
    return { received: conversions.length, stored, duplicates: conversions.length - stored };
  },
};

function conversionWrite(c: ConversionInput, at: string): ConversionWrite {
  const currency = assertCurrency(`${at}.total.currency`, c.total.currency);
  const totalMinor = parseAmount(`${at}.total.amount`, c.total.amount, currency);
  if (totalMinor < 0n) throw badInput(`${at}.total.amount`, 'must not be negative');
  if (!/^\d{1,18}$/.test(c.feedPosition)) throw badInput(`${at}.feedPosition`, `"${c.feedPosition}" is not an orderFeed position`);
  return {
    orderId: v.nonEmpty(`${at}.orderId`, c.orderId),
    customerId: v.nonEmpty(`${at}.customerId`, c.customerId),
    placedAt: v.dateTime(`${at}.placedAt`, c.placedAt),
    currency,
    totalMinor,
    cancelled: c.cancelled,
    sourceCampaignId: c.sourceCampaignId ?? null,
    feedPosition: BigInt(c.feedPosition),
  };
}

function campaignWrite(input: CreateCampaignInput): CampaignWrite {
  const name = v.nonEmpty('input.name', input.name);
  const currency = assertCurrency('input.budget.currency', input.budget.currency.trim().toUpperCase());
  const budgetMinor = parseAmount('input.budget.amount', input.budget.amount, currency);
  if (budgetMinor < 0n) throw badInput('input.budget.amount', 'must not be negative');
  const startsAt = v.dateTime('input.startsAt', input.startsAt);
  const endsAt = v.dateTime('input.endsAt', input.endsAt);
  if (endsAt <= startsAt) throw badInput('input.endsAt', 'must be after input.startsAt');
  return {
    name,
    channel: input.channel,
    currency,
    budgetMinor,
    startsAt,
    endsAt,
    // Segments (CRM) and employees (HR) live in other departments: stored by value, not checked here.
    segmentId: input.segmentId == null ? null : v.nonEmpty('input.segmentId', input.segmentId),
    ownerId: input.ownerId == null ? null : v.nonEmpty('input.ownerId', input.ownerId),
  };
}

/** Zero variants (no A/B test) or at least two with unique names and exactly one control. */
function variantWrites(variants: CreateCampaignInput['variants']): { name: string; isControl: boolean }[] {
  const list = variants ?? [];
  if (list.length === 1) throw badInput('input.variants', 'must be empty or have at least two variants');
  const seen = new Set<string>();
  const out = list.map((variant, i) => {
    const name = v.nonEmpty(`input.variants[${i}].name`, variant.name, 100);
    if (seen.has(name)) throw badInput(`input.variants[${i}].name`, `"${name}" is used by another variant`);
    seen.add(name);
    return { name, isControl: variant.isControl };
  });
  const controls = out.filter((x) => x.isControl).length;
  if (list.length > 0 && controls !== 1) {
    throw badInput('input.variants', `must have exactly one control variant, got ${controls}`);
  }
  return out;
}

/**
 * Every event's campaign must exist and its variant, if any, must belong to that campaign.
 * Two statements for the whole batch; the first offending event is reported.
 */
async function checkEventReferences(tx: Queryable, items: readonly EventWrite[]): Promise<void> {
  const campaigns = await existingCampaignIds(tx, [...new Set(items.map((i) => i.campaignId))]);
  const variantIds = [...new Set(items.flatMap((i) => (i.variantId === null ? [] : [i.variantId])))];
  const variants = variantIds.length === 0 ? new Map<string, string>() : await variantCampaigns(tx, variantIds);
  items.forEach((item, i) => {
    if (!campaigns.has(item.campaignId)) {
      throw campaignsErrors.CAMPAIGNS_CAMPAIGN_NOT_FOUND({
        message: `campaign "${item.campaignId}" not found`,
        field: `events[${i}].campaignId`,
      });
    }
    if (item.variantId !== null && variants.get(item.variantId) !== item.campaignId) {
      throw campaignsErrors.CAMPAIGNS_VARIANT_NOT_FOUND({
        message: `variant "${item.variantId}" not found in campaign "${item.campaignId}"`,
        field: `events[${i}].variantId`,
      });
    }
  });
}
