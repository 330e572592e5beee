import { dateTime, intRange, timeZone } from '../../../kit/src/validate.ts';
import { allProducts } from '../data/products.ts';
import { orderFeed, pageOrders } from '../data/orders.ts';
import { badInput } from '../../../kit/src/errors.ts';
import { retentionCohorts, salesKpis } from '../data/kpis.ts';
import { moneyList } from '../figures.ts';
import { bucketRange, timeRange } from '../../../kit/src/periods.ts';
import type { QueryResolvers } from '../__generated__/resolvers.ts';

export const Query: QueryResolvers = {
  order: (_root, { id }, ctx) => ctx.loaders.order.load(id),
  orders: (_root, args, ctx) => {
    const f = args.filter ?? {};
    return pageOrders(ctx.db, {
      filter: {
        ...f,
        placedFrom: f.placedFrom == null ? null : dateTime('filter.placedFrom', f.placedFrom),
        placedTo: f.placedTo == null ? null : dateTime('filter.placedTo', f.placedTo),
      },
      sort: args.orderBy?.field ?? 'PLACED_AT',
      direction: args.orderBy?.direction ?? 'ASC',
      first: args.first,
      after: args.after,
    });
  },
  orderFeed: async (_root, { after, first }, ctx) => {
    const size = intRange('first', first ?? 500, 1, 1000);
    if (after != null && !/^\d{1,18}$/.test(after)) throw badInput('after', 'is not a position returned by orderFeed');
    const rows = await orderFeed(ctx.db, after ?? null, size + 1);
    const orders = rows.slice(0, size);
    return { orders, position: orders.at(-1)?.feedPosition ?? after ?? null, hasMore: rows.length > size };
  },
  product: (_root, { sku }, ctx) => ctx.loaders.product.load(sku),
  products: (_root, _args, ctx) => allProducts(ctx.db),
  salesKpis: async (_root, args, ctx) => {
    const rows = await salesKpis(ctx.db, bucketRange(args.from, args.to, args.interval, args.timeZone));
    return rows.map((r) => ({ ...r, revenue: moneyList(r.revenue) }));
  },
  retentionCohorts: async (_root, args, ctx) => {
    const months = intRange('months', args.months, 1, 24);
    const { from, to } = timeRange(args.from, args.to);
    const rows = await retentionCohorts(ctx.db, { from, to, months, timeZone: timeZone('timeZone', args.timeZone) });
    return rows.map((r) => ({ cohort: r.cohort, customers: r.customers, retention: r.active.map((n) => n / r.customers) }));
  },
};

