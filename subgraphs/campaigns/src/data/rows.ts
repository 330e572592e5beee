/** Rows as the data layer returns them (camelCase aliases of campaigns.* columns). */
export type ChannelValue = 'EMAIL' | 'SMS' | 'PUSH' | 'PHONE';
export type CampaignStatusValue = 'DRAFT' | 'ACTIVE' | 'COMPLETED';
export type EngagementTypeValue = 'SENT' | 'DELIVERED' | 'OPENED' | 'CLICKED' | 'CONVERTED' | 'UNSUBSCRIBED' | 'BOUNCED';

export interface CampaignRow {
  id: string;
  name: string;
  channel: ChannelValue;
  status: CampaignStatusValue;
  currency: string;
  /** bigint minor units, kept exact as pg's decimal string. */
  budgetMinor: string;
  spendMinor: string;
  startsAt: Date;
  endsAt: Date;
  /** CRM segment id, stored by value (CRM owns segments). */
  segmentId: string | null;
  /** HR employee id, stored by value (HR owns employees). */
  ownerId: string | null;
  createdAt: Date;
}

export interface VariantRow {
  id: string;
  campaignId: string;
  name: string;
  isControl: boolean;
}

export interface EventRow {
  id: string;
  campaignId: string;
  variantId: string | null;
  customerId: string;
  type: EngagementTypeValue;
  occurredAt: Date;
}

/** Unique customers per engagement type; rates are derived from these by the Funnel resolvers. */
export interface FunnelCounts {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  converted: number;
  unsubscribed: number;
  bounced: number;
}

/** One variant's result against the control (see data/abtest.ts). */
export interface VariantResultRow {
  variant: VariantRow;
  delivered: number;
  converted: number;
  conversionRate: number | null;
  absoluteLift: number | null;
  relativeLift: number | null;
  pValue: number | null;
  confidenceLow: number | null;
  confidenceHigh: number | null;
}

export interface AbTestResult {
  control: VariantRow;
  results: VariantResultRow[];
  winner: VariantRow | null;
  significant: boolean;
  verdict: string;
  minimumSamplePerArm: number;
}

/** A customer's engagement, resolved lazily from the customer id (score and touches load on demand). */
export interface EngagementRef {
  customerId: string;
}

/** An entity of another department (Customer, Segment, Employee) known here by id only. */
export interface EntityRef {
  id: string;
}

export type AttributionModelValue = 'LAST_TOUCH' | 'FIRST_TOUCH' | 'LINEAR' | 'TIME_DECAY';

/** An order as the conversions projection holds it. */
export interface ConversionRow {
  orderId: string;
  customerId: string;
  placedAt: Date;
  currency: string;
  totalMinor: string;
  cancelled: boolean;
  sourceCampaignId: string | null;
}

/** A touch (OPENED, CLICKED or CONVERTED event) inside an order's lookback window. */
export interface OrderTouchRow extends EventRow {
  orderId: string;
}

/** The same, with the order's time and total: everything attributing the order needs. */
export interface ConversionTouchRow extends OrderTouchRow {
  placedAt: Date;
  currency: string;
  totalMinor: string;
}

export interface TouchCreditRow {
  touch: EventRow;
  currency: string;
  creditMinor: bigint;
  share: number;
}

export interface OrderAttributionRow {
  model: AttributionModelValue;
  currency: string;
  totalMinor: string;
  credits: TouchCreditRow[];
}

export interface CampaignAttributionRow {
  model: AttributionModelValue;
  lookbackDays: number;
  halfLifeDays: number;
  orders: number;
  /** Credited minor units per currency. */
  revenue: Map<string, bigint>;
  campaign: CampaignRow;
}
