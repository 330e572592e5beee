/** Rows as the data layer returns them (camelCase aliases of crm.* columns). */
export interface CustomerRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  address: string | null;
  country: string;
  segmentId: string | null;
  lifecycleStage: 'LEAD' | 'PROSPECT' | 'CUSTOMER' | 'CHURNED';
  accountManagerId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SegmentRow {
  id: string;
  name: string;
  description: string;
}

export interface ConsentRow {
  customerId: string;
  channel: 'EMAIL' | 'SMS' | 'PUSH' | 'PHONE';
  granted: boolean;
  source: string;
  recordedAt: Date;
}

export interface SatisfactionRow {
  id: string;
  customerId: string;
  kind: 'NPS' | 'CSAT';
  score: number;
  comment: string | null;
  respondedAt: Date;
}

/** An HR employee known to CRM by id only. */
export interface EmployeeRef {
  id: string;
}
