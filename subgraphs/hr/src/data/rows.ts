/** Rows as the data layer returns them (camelCase aliases of hr.* columns). */
export interface EmployeeRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  department: 'SALES' | 'MARKETING' | 'IT' | 'HR' | 'SUPPORT';
  managerId: string | null;
  hiredAt: Date;
}

export interface QuotaRow {
  employeeId: string;
  period: string;
  currency: string;
  /** Integer minor units as a decimal string: bigint stays exact. */
  targetMinor: string;
}

export interface ReviewRow {
  id: string;
  employeeId: string;
  reviewerId: string | null;
  period: string;
  rating: number;
  summary: string;
  reviewedAt: Date;
}
