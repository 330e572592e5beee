import { badInput } from '../../../kit/src/errors.ts';
import { assertCurrency } from '../../../kit/src/money.ts';
import * as v from '../../../kit/src/validate.ts';
import type { Queryable } from '../../../kit/src/db.ts';
import { insertOrder, orderByClientKey, ordersByIds, type OrderWrite } from '../data/orders.ts';
import { productsBySkus } from '../data/products.ts';
import type { OrderRow } from '../data/rows.ts';
import { salesErrors } from '../errors.ts';
import type { MutationResolvers, PlaceOrderInput } from '../__generated__/resolvers.ts';

const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;

export const Mutation: MutationResolvers = {
  placeOrder: (_root, { input }, ctx) =>
    ctx.db.transaction(async (tx) => {
      const clientKey = v.clientKey('input.clientKey', input.clientKey);
      // A retry of an order already placed gets that order back, whatever else it says.
      const existing = await orderByClientKey(tx, clientKey);
      if (existing) return existing;
      const order = await priceOrder(tx, clientKey, input);
      const id = await insertOrder(tx, order);
      // null: a concurrent call with the same key won the unique index; return its order.
      if (id === null) return existingOrder(tx, clientKey);
      return (await ordersByIds(tx, [id]))[0];
    }),
};

/** Validates the input and prices it from the catalogue; reads only, so a refusal writes nothing. */
async function priceOrder(tx: Queryable, clientKey: string, input: PlaceOrderInput): Promise<OrderWrite> {
  const customerId = v.nonEmpty('input.customerId', input.customerId);
  const salesRepId = input.salesRepId == null ? null : v.nonEmpty('input.salesRepId', input.salesRepId);
  const campaignId = input.campaignId == null ? null : v.nonEmpty('input.campaignId', input.campaignId);
  const currency = assertCurrency('input.currency', input.currency);
  if (input.lines.length < 1 || input.lines.length > MAX_LINES) {
    throw badInput('input.lines', `must have 1 to ${MAX_LINES} lines, got ${input.lines.length}`);
  }
  input.lines.forEach((l, i) => v.intRange(`input.lines[${i}].quantity`, l.quantity, 1, MAX_QUANTITY));
  const placedAt = input.placedAt == null ? null : v.dateTime('input.placedAt', input.placedAt);
  const catalogue = new Map((await productsBySkus(tx, input.lines.map((l) => l.sku))).map((p) => [p.sku, p]));
  const lines = input.lines.map((l, i) => {
    const product = catalogue.get(l.sku);
    const field = `input.lines[${i}].sku`;
    if (!product) throw salesErrors.SALES_PRODUCT_NOT_FOUND({ message: `${field}: product "${l.sku}" not found`, field });
    if (product.currency !== currency) {
      throw badInput(field, `product "${l.sku}" is priced in ${product.currency}, not in the order currency ${currency}`);
    }
    return { sku: l.sku, quantity: l.quantity, unitPriceMinor: BigInt(product.priceMinor) };
  });
  const totalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
  return { clientKey, customerId, salesRepId, campaignId, currency, totalMinor, placedAt, lines };
}

async function existingOrder(tx: Queryable, clientKey: string): Promise<OrderRow> {
  const order = await orderByClientKey(tx, clientKey);
  if (!order) throw new Error(`order with client key "${clientKey}" vanished after a conflicting insert`);
  return order;
}
