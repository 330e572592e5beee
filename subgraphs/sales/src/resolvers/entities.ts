import { formatMinor, parseAmount } from '../../../kit/src/money.ts';
import { pageSize } from '../../../kit/src/pagination.ts';
import { minorIn, moneyList, ratio } from '../figures.ts';
import { quotaKey } from '../../../kit/src/periods.ts';
import { salesErrors } from '../errors.ts';
import type { CampaignResolvers, CustomerResolvers, QuotaResolvers } from '../__generated__/resolvers.ts';

// Sales extends these entities with figures from its own orders; their other fields belong
// to the department that owns the entity.

export const Customer: CustomerResolvers = {
  orders: (c, { first }, ctx) => ctx.loaders.customerOrders.load({ key: c.id, limit: pageSize(first ?? 10) }),
  orderCount: async (c, _args, ctx) => (await ctx.loaders.customerTotals.load(c.id)).reduce((n, r) => n + r.orders, 0),
  lifetimeValue: async (c, _args, ctx) => moneyList(await ctx.loaders.customerTotals.load(c.id)),
  firstOrderAt: async (c, _args, ctx) => {
    const times = (await ctx.loaders.customerTotals.load(c.id)).map((r) => r.firstAt.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  },
  lastOrderAt: async (c, _args, ctx) => {
    const times = (await ctx.loaders.customerTotals.load(c.id)).map((r) => r.lastAt.getTime());
    return times.length ? new Date(Math.max(...times)) : null;
  },
};

export const Campaign: CampaignResolvers = {
  attributedOrders: async (c, _args, ctx) => (await ctx.loaders.campaignTotals.load(c.id)).reduce((n, r) => n + r.orders, 0),
  attributedRevenue: async (c, _args, ctx) => moneyList(await ctx.loaders.campaignTotals.load(c.id)),
  roi: async (c, _args, ctx) => {
    if (!c.spend) throw salesErrors.SALES_MISSING_REQUIRED_FIELD({ message: 'roi needs the campaign spend', field: 'spend' });
    const spend = parseAmount('spend.amount', c.spend.amount, c.spend.currency);
    const revenue = minorIn(await ctx.loaders.campaignTotals.load(c.id), c.spend.currency);
    return ratio(revenue - spend, spend);
  },
};

export const Quota: QuotaResolvers = {
  revenue: async (q, _args, ctx) => {
    const currency = q.target?.currency;
    if (!currency) throw salesErrors.SALES_MISSING_REQUIRED_FIELD({ message: 'revenue needs the target currency', field: 'target.currency' });
    return formatMinor(minorIn(await ctx.loaders.quotaTotals.load(quotaKey(q.employeeId, q.period)), currency), currency);
  },
  dealsWon: async (q, _args, ctx) =>
    (await ctx.loaders.quotaTotals.load(quotaKey(q.employeeId, q.period))).reduce((n, r) => n + r.orders, 0),
  attainment: async (q, _args, ctx) => {
    const amount = q.target?.amount;
    const currency = q.target?.currency;
    if (amount == null || !currency) {
      throw salesErrors.SALES_MISSING_REQUIRED_FIELD({ message: 'attainment needs the target', field: 'target' });
    }
    const target = parseAmount('target.amount', amount, currency);
    return ratio(minorIn(await ctx.loaders.quotaTotals.load(quotaKey(q.employeeId, q.period)), currency), target);
  },
};
