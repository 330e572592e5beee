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
