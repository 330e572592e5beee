import { formatMinor } from '../../../kit/src/money.ts';
import { salesErrors } from '../errors.ts';
import type { OrderLineResolvers, OrderResolvers, ProductResolvers } from '../__generated__/resolvers.ts';

export const Order: OrderResolvers = {
  customer: (o) => ({ id: o.customerId }),
  salesRep: (o) => (o.salesRepId ? { id: o.salesRepId } : null),
  campaign: (o) => (o.campaignId ? { id: o.campaignId } : null),
  total: (o) => formatMinor(o.totalMinor, o.currency),
  lines: (o, _args, ctx) => ctx.loaders.lines.load(o.id),
};

export const OrderLine: OrderLineResolvers = {
  product: async (l, _args, ctx) => {
    const product = await ctx.loaders.product.load(l.sku);
    // order_lines.sku references sales.products, so this only fires if that constraint is dropped.
    if (!product) throw salesErrors.SALES_PRODUCT_NOT_FOUND({ message: `product "${l.sku}" not found` });
    return product;
  },
  unitPrice: (l) => formatMinor(l.unitPriceMinor, l.currency),
  lineTotal: (l) => formatMinor(BigInt(l.unitPriceMinor) * BigInt(l.quantity), l.currency),
};

export const Product: ProductResolvers = {
  price: (p) => formatMinor(p.priceMinor, p.currency),
};
