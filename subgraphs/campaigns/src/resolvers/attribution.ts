import { badInput } from '../../../kit/src/errors.ts';
import { formatMinor } from '../../../kit/src/money.ts';
import { dateTime, intRange } from '../../../kit/src/validate.ts';
import { attribute } from '../attribution.ts';
import type { AttributionParams } from '../attribution-totals.ts';
import type {
  CampaignAttributionResolvers,
  OrderAttributionResolvers,
  OrderResolvers,
  TouchCreditResolvers,
} from '../__generated__/resolvers.ts';

function halfLife(value: number): number {
  if (!(value > 0 && value <= 365)) throw badInput('halfLifeDays', `must be more than 0 and at most 365, got ${value}`);
  return value;
}

/** The arguments of Campaign.attribution, validated. */
export function attributionParams(args: {
  model: AttributionParams['model'];
  lookbackDays: number;
  halfLifeDays: number;
  from?: string | null;
  to?: string | null;
}): AttributionParams {
  const from = args.from == null ? null : dateTime('from', args.from);
  const to = args.to == null ? null : dateTime('to', args.to);
  if (from && to && to <= from) throw badInput('to', 'must be after from');
  return {
    model: args.model,
    lookbackDays: intRange('lookbackDays', args.lookbackDays, 1, 365),
    halfLifeDays: halfLife(args.halfLifeDays),
    from,
    to,
  };
}

export const Order: OrderResolvers = {
  attribution: async (o, args, ctx) => {
    const { lookbackDays, halfLifeDays } = attributionParams(args);
    const conversion = await ctx.loaders.conversion.load(o.id);
    if (!conversion) return null;
    // A cancelled order credits no campaign.
    const touches = conversion.cancelled ? [] : await ctx.loaders.orderTouches.load({ key: o.id, limit: lookbackDays });
    const credits = attribute(BigInt(conversion.totalMinor), conversion.placedAt, touches, args.model, halfLifeDays);
    return {
      model: args.model,
      currency: conversion.currency,
      totalMinor: conversion.totalMinor,
      credits: credits.map((c) => ({ touch: c.touch, currency: conversion.currency, creditMinor: c.creditMinor, share: c.share })),
    };
  },
};

export const OrderAttribution: OrderAttributionResolvers = {
  total: (a) => formatMinor(a.totalMinor, a.currency),
};

export const TouchCredit: TouchCreditResolvers = {
  campaign: async (c, _args, ctx) => {
    const campaign = await ctx.loaders.campaign.load(c.touch.campaignId);
    if (!campaign) throw new Error(`touch ${c.touch.id} references missing campaign ${c.touch.campaignId}`);
    return campaign;
  },
  credit: (c) => formatMinor(c.creditMinor, c.currency),
};

export const CampaignAttribution: CampaignAttributionResolvers = {
  revenue: (a) => [...a.revenue].sort(([x], [y]) => (x < y ? -1 : 1)).map(([currency, minor]) => formatMinor(minor, currency)),
  roi: (a) => {
    const spend = BigInt(a.campaign.spendMinor);
    if (spend === 0n) return null;
    const revenue = a.revenue.get(a.campaign.currency) ?? 0n;
    return Number(revenue - spend) / Number(spend);
  },
};
