/**
 * The seeded tables: one row type per table, keyed by column name, and the Postgres type
 * of each column (the loader casts its unnest arrays to these). Timestamps are ISO 8601
 * UTC strings and money is integer minor units, so generated rows are exact and printable.
 */

export type PgType = 'text' | 'integer' | 'bigint' | 'boolean' | 'timestamptz';

export interface TableSpec<Row> {
  /** Schema-qualified name, e.g. `crm.customers`. */
  name: string;
  /** Column name -> Postgres type, in insert order. */
  columns: { readonly [K in keyof Row & string]: PgType };
}

export interface SegmentRow { id: string; name: string; description: string }
export interface CustomerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  address: string | null;
  country: string;
  segment_id: string;
  lifecycle_stage: 'LEAD' | 'PROSPECT' | 'CUSTOMER' | 'CHURNED';
  account_manager_id: string | null;
  created_at: string;
  updated_at: string;
}
export type Channel = 'EMAIL' | 'SMS' | 'PUSH' | 'PHONE';
export interface ConsentRow { customer_id: string; channel: Channel; granted: boolean; source: string; recorded_at: string }
export interface SatisfactionRow {
  client_key: string;
  customer_id: string;
  kind: 'NPS' | 'CSAT';
  score: number;
  comment: string | null;
  responded_at: string;
}

export interface CampaignRow {
  id: string;
  name: string;
  channel: Channel;
  status: 'DRAFT' | 'ACTIVE' | 'COMPLETED';
  currency: string;
  budget_minor: number;
  spend_minor: number;
  starts_at: string;
  ends_at: string;
  segment_id: string;
  owner_id: string;
  created_at: string;
}
export interface VariantRow { id: string; campaign_id: string; name: string; is_control: boolean }
export type EventType = 'SENT' | 'DELIVERED' | 'OPENED' | 'CLICKED' | 'CONVERTED' | 'UNSUBSCRIBED' | 'BOUNCED';
export interface EventRow {
  client_key: string;
  campaign_id: string;
  variant_id: string | null;
  customer_id: string;
  type: EventType;
  occurred_at: string;
}

export interface ProductRow { sku: string; name: string; category: string; currency: string; price_minor: number }
export interface OrderRow {
  id: string;
  client_key: string;
  customer_id: string;
  sales_rep_id: string | null;
  campaign_id: string | null;
  status: 'PLACED' | 'PAID' | 'SHIPPED' | 'CANCELLED';
  currency: string;
  total_minor: number;
  placed_at: string;
}
export interface OrderLineRow { order_id: string; line_no: number; sku: string; quantity: number; unit_price_minor: number }

export type HrDepartment = 'SALES' | 'MARKETING' | 'IT' | 'HR' | 'SUPPORT';
export interface EmployeeRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  title: string;
  department: HrDepartment;
  manager_id: string | null;
  hired_at: string;
}
export interface QuotaRow { employee_id: string; period: string; currency: string; target_minor: number }
export interface ReviewRow {
  client_key: string;
  employee_id: string;
  reviewer_id: string | null;
  period: string;
  rating: number;
  summary: string;
  reviewed_at: string;
}

export const SEGMENTS: TableSpec<SegmentRow> = {
  name: 'crm.segments',
  columns: { id: 'text', name: 'text', description: 'text' },
};
export const CUSTOMERS: TableSpec<CustomerRow> = {
  name: 'crm.customers',
  columns: {
    id: 'text', first_name: 'text', last_name: 'text', email: 'text', phone: 'text', address: 'text',
    country: 'text', segment_id: 'text', lifecycle_stage: 'text', account_manager_id: 'text',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  },
};
export const CONSENTS: TableSpec<ConsentRow> = {
  name: 'crm.consents',
  columns: { customer_id: 'text', channel: 'text', granted: 'boolean', source: 'text', recorded_at: 'timestamptz' },
};
export const SATISFACTION: TableSpec<SatisfactionRow> = {
  name: 'crm.satisfaction_responses',
  columns: {
    client_key: 'text', customer_id: 'text', kind: 'text', score: 'integer', comment: 'text', responded_at: 'timestamptz',
  },
};
export const CAMPAIGNS: TableSpec<CampaignRow> = {
  name: 'campaigns.campaigns',
  columns: {
    id: 'text', name: 'text', channel: 'text', status: 'text', currency: 'text', budget_minor: 'bigint',
    spend_minor: 'bigint', starts_at: 'timestamptz', ends_at: 'timestamptz', segment_id: 'text', owner_id: 'text',
    created_at: 'timestamptz',
  },
};
export const VARIANTS: TableSpec<VariantRow> = {
  name: 'campaigns.variants',
  columns: { id: 'text', campaign_id: 'text', name: 'text', is_control: 'boolean' },
};
export const EVENTS: TableSpec<EventRow> = {
  name: 'campaigns.events',
  columns: {
    client_key: 'text', campaign_id: 'text', variant_id: 'text', customer_id: 'text', type: 'text',
    occurred_at: 'timestamptz',
  },
};
export const PRODUCTS: TableSpec<ProductRow> = {
  name: 'sales.products',
  columns: { sku: 'text', name: 'text', category: 'text', currency: 'text', price_minor: 'bigint' },
};
export const ORDERS: TableSpec<OrderRow> = {
  name: 'sales.orders',
  columns: {
    id: 'text', client_key: 'text', customer_id: 'text', sales_rep_id: 'text', campaign_id: 'text', status: 'text',
    currency: 'text', total_minor: 'bigint', placed_at: 'timestamptz',
  },
};
export const ORDER_LINES: TableSpec<OrderLineRow> = {
  name: 'sales.order_lines',
  columns: { order_id: 'text', line_no: 'integer', sku: 'text', quantity: 'integer', unit_price_minor: 'bigint' },
};
export const EMPLOYEES: TableSpec<EmployeeRow> = {
  name: 'hr.employees',
  columns: {
    id: 'text', first_name: 'text', last_name: 'text', email: 'text', title: 'text', department: 'text',
    manager_id: 'text', hired_at: 'timestamptz',
  },
};
export const QUOTAS: TableSpec<QuotaRow> = {
  name: 'hr.quotas',
  columns: { employee_id: 'text', period: 'text', currency: 'text', target_minor: 'bigint' },
};
export const REVIEWS: TableSpec<ReviewRow> = {
  name: 'hr.reviews',
  columns: {
    client_key: 'text', employee_id: 'text', reviewer_id: 'text', period: 'text', rating: 'integer', summary: 'text',
    reviewed_at: 'timestamptz',
  },
};
