/** Rows as the data layer returns them (camelCase aliases of sales.* columns). */

export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'CANCELLED';

export interface OrderRow {
  id: string;
  clientKey: string;
  customerId: string;
  salesRepId: string | null;
  campaignId: string | null;
  status: OrderStatus;
  currency: string;
  /** bigint minor units; pg returns int8 as a string to keep it exact. */
  totalMinor: string;
  placedAt: Date;
  /** Position of the order's latest write in the order feed (bigint as text). */
  feedPosition: string;
}

export interface OrderLineRow {
  orderId: string;
  lineNo: number;
  sku: string;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPriceMinor: string;
  currency: string;
}

export interface ProductRow {
  sku: string;
  name: string;
  category: string;
  currency: string;
  priceMinor: string;
}

/** An entity owned by another department, known to sales by id only. */
export interface EntityRef {
  id: string;
}

/** A campaign as the gateway hands it over; `spend` arrives only when `roi` is asked (@requires). */
export interface CampaignRef {
  id: string;
  spend?: { amount: string; currency: string } | null;
}

/** An HR quota as the gateway hands it over; `target` arrives only for revenue/attainment (@requires). */
export interface QuotaRef {
  employeeId: string;
  period: string;
  target?: { amount?: string | null; currency: string } | null;
}

/** Non-cancelled orders of one key (customer, campaign, quota) in one currency. */
export interface CurrencyTotalRow {
  key: string;
  currency: string;
  orders: number;
  /** Exact sum of order totals in minor units. */
  minor: string;
}

export interface CustomerTotalRow extends CurrencyTotalRow {
  firstAt: Date;
  lastAt: Date;
}
