import { rngFor, type Rng } from './prng.ts';
import type { EmployeeRow, HrDepartment, QuotaRow, ReviewRow } from './tables.ts';
import { iso, pad, QUOTA_PERIODS, REVIEW_PERIODS } from './time.ts';
import { LOCALES, REVIEW_SUMMARIES } from './vocabulary.ts';

/** The HR roster plus the pools other departments draw employee ids from. */
export interface Staff {
  /** In insert order: every manager comes before the people who report to them. */
  employees: EmployeeRow[];
  /** Who may be a customer's account manager (and so an order's sales rep), with weights. */
  accountManagers: readonly (readonly [id: string, weight: number])[];
  /** MARKETING employees who may own campaigns. */
  marketers: readonly string[];
}

const REP_WEIGHT = 2;
const MANAGER_WEIGHT = 1;

/** ~30 + 2*scale employees: a CEO, five department heads, and teams under them. */
export function buildStaff(scale: number): Staff {
  const total = 30 + Math.round(2 * scale);
  const employees: EmployeeRow[] = [];
  const emails = new Set<string>();
  const add = (department: HrDepartment, title: string, managerId: string | null, hiredFrom: number, hiredTo: number) => {
    const no = employees.length + 1;
    const rng = rngFor('employee', no);
    const locale = rng.weighted(LOCALES.map((l, i) => [l, i === 0 ? 4 : 1] as const));
    const first = rng.pick(locale.firstNames);
    const last = rng.pick(locale.lastNames);
    const id = `emp-${pad(no, 4)}`;
    employees.push({
      id,
      first_name: first,
      last_name: last,
      email: uniqueEmail(emails, first, last),
      title,
      department,
      manager_id: managerId,
      hired_at: iso(rng.instant(hiredFrom, hiredTo)),
    });
    return id;
  };

  const founded = Date.UTC(2012, 0, 1);
  const early = Date.UTC(2018, 0, 1);
  const latest = Date.UTC(2025, 9, 1);
  // The CEO has no department of their own in the schema's list; HR (people) is the closest
  // fit and keeps the SALES roster (quotas, attainment) to actual sellers.
  const ceo = add('HR', 'Chief Executive Officer', null, founded, founded + 1);
  const vpSales = add('SALES', 'VP Sales', ceo, founded, early);
  const cmo = add('MARKETING', 'Chief Marketing Officer', ceo, founded, early);
  const cto = add('IT', 'Chief Technology Officer', ceo, founded, early);
  const people = add('HR', 'Head of People', ceo, founded, early);
  const support = add('SUPPORT', 'Head of Support', ceo, founded, early);

  const rest = total - employees.length;
  const salesCount = Math.round(rest * 0.45);
  const marketingCount = Math.round(rest * 0.2);
  const itCount = Math.round(rest * 0.15);
  const supportCount = Math.round(rest * 0.12);
  const hrCount = rest - salesCount - marketingCount - itCount - supportCount;

  const managerCount = Math.max(1, Math.round(salesCount / 7));
  const salesManagers: string[] = [];
  for (let i = 0; i < managerCount; i++) salesManagers.push(add('SALES', 'Sales Manager', vpSales, early, latest));
  const reps: string[] = [];
  for (let i = 0; i < salesCount - managerCount; i++) {
    const manager = salesManagers[i % salesManagers.length];
    const title = i % 3 === 0 ? 'Senior Account Executive' : 'Account Executive';
    reps.push(add('SALES', title, manager, early, latest));
  }
  const marketers: string[] = [];
  const marketingTitles = ['Campaign Manager', 'Marketing Specialist', 'Growth Marketer', 'Content Strategist'];
  for (let i = 0; i < marketingCount; i++) {
    marketers.push(add('MARKETING', marketingTitles[i % marketingTitles.length], cmo, early, latest));
  }
  for (let i = 0; i < itCount; i++) add('IT', i % 2 === 0 ? 'Software Engineer' : 'Data Engineer', cto, early, latest);
  for (let i = 0; i < supportCount; i++) add('SUPPORT', 'Support Specialist', support, early, latest);
  for (let i = 0; i < hrCount; i++) add('HR', 'HR Business Partner', people, early, latest);

  return {
    employees,
    accountManagers: [
      ...reps.map((id) => [id, REP_WEIGHT] as const),
      ...salesManagers.map((id) => [id, MANAGER_WEIGHT] as const),
    ],
    marketers: marketers.length > 0 ? marketers : [cmo],
  };
}

function uniqueEmail(taken: Set<string>, first: string, last: string): string {
  const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let email = `${base}@allygraph.example`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@allygraph.example`;
  taken.add(email);
  return email;
}

/**
 * A quota per quarter for every SALES employee: account managers get their expected book
 * (expected customers times expected revenue per customer) times a personal stretch, so
 * attainment spreads around 100%; sales leaders carry the sum of everyone below them.
 */
export function quotaRows(staff: Staff, accountedCustomers: number, quarterRevenuePerCustomer: number): QuotaRow[] {
  const totalWeight = staff.accountManagers.reduce((sum, [, w]) => sum + w, 0);
  const weights = new Map(staff.accountManagers);
  const rows: QuotaRow[] = [];
  const teamTotals = new Map<string, number>();
  for (const e of staff.employees) {
    if (e.department !== 'SALES' || !weights.has(e.id)) continue;
    const book = (accountedCustomers * (weights.get(e.id) ?? 0)) / totalWeight;
    const rng = rngFor('quota', e.id);
    for (const period of QUOTA_PERIODS) {
      const target = roundTo(book * quarterRevenuePerCustomer * (0.85 + rng.next() * 0.4), 10_000);
      rows.push({ employee_id: e.id, period, currency: 'EUR', target_minor: target });
      teamTotals.set(period, (teamTotals.get(period) ?? 0) + target);
    }
  }
  const leaders = staff.employees.filter((e) => e.department === 'SALES' && !weights.has(e.id));
  const leaderRows = leaders.flatMap((e) =>
    QUOTA_PERIODS.map((period) => ({ employee_id: e.id, period, currency: 'EUR', target_minor: teamTotals.get(period) ?? 0 })),
  );
  return [...leaderRows, ...rows];
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** 1-3 half-year reviews for everyone with a manager, written by that manager. */
export function reviewRows(staff: Staff): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const e of staff.employees) {
    if (e.manager_id === null) continue;
    const rng = rngFor('reviews', e.id);
    const hired = Date.parse(e.hired_at);
    const eligible = REVIEW_PERIODS.filter((p) => p.ends > hired);
    const count = Math.min(rng.int(1, 3), eligible.length);
    for (const p of eligible.slice(eligible.length - count)) {
      const rating = pickRating(rng);
      rows.push({
        client_key: `seed:${e.id}:${p.period}`,
        employee_id: e.id,
        reviewer_id: e.manager_id,
        period: p.period,
        rating,
        summary: rng.pick(REVIEW_SUMMARIES[rating - 1]),
        reviewed_at: iso(rng.instant(p.reviewFrom, p.reviewTo)),
      });
    }
  }
  return rows;
}

function pickRating(rng: Rng): number {
  return rng.weighted([[1, 5], [2, 12], [3, 40], [4, 30], [5, 13]]);
}
