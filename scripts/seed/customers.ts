import { rngFor, type Rng } from './prng.ts';
import type { Staff } from './staff.ts';
import type { Channel, ConsentRow, CustomerRow, SatisfactionRow } from './tables.ts';
import { iso, pad, WINDOW_END, WINDOW_START } from './time.ts';
import { CONSENT_SOURCES, COUNTRY_WEIGHTS, EMAIL_DOMAINS, LOCALES, NPS_COMMENTS, SEGMENT_LIST } from './vocabulary.ts';

/** A customer row plus what the other departments' generators need to stay consistent with it. */
export interface Customer {
  /** 1-based; the id is `cus-` + this, zero-padded to 6 digits. */
  no: number;
  row: CustomerRow;
  /** created_at in epoch ms. */
  created: number;
  /** The customer's activity (events, orders, responses) starts here. */
  activeFrom: number;
}

const LOCALE_WEIGHTS = LOCALES.map((l, i) => [l, COUNTRY_WEIGHTS[i]] as const);
const SEGMENT_WEIGHTS = SEGMENT_LIST.map(([id, , , weight]) => [id, weight] as const);
const CHANNELS: readonly Channel[] = ['EMAIL', 'SMS', 'PUSH', 'PHONE'];
const STAGES = [['LEAD', 12], ['PROSPECT', 13], ['CUSTOMER', 65], ['CHURNED', 10]] as const;

export function customerId(no: number): string {
  return `cus-${pad(no, 6)}`;
}

/** Customer number `no` (1-based); a pure function of `no` and the staff roster. */
export function customerAt(no: number, staff: Staff): Customer {
  const rng = rngFor('customer', no);
  const locale = rng.weighted(LOCALE_WEIGHTS);
  const first = rng.pick(locale.firstNames);
  const last = rng.pick(locale.lastNames);
  const created = rng.instant(Date.UTC(2023, 0, 1), Date.UTC(2026, 3, 1));
  const id = customerId(no);
  const phone = rng.chance(0.85) ? `${locale.phonePrefix} ${rng.int(100, 999)} ${rng.int(1_000_000, 9_999_999)}` : null;
  const address = rng.chance(0.9) ? `${rng.pick(locale.streets)} ${rng.int(1, 250)}, ${rng.pick(locale.cities)}` : null;
  const row: CustomerRow = {
    id,
    first_name: first,
    last_name: last,
    // The number makes emails unique however often a name repeats.
    email: `${slug(first)}.${slug(last)}.${no}@${rng.pick(EMAIL_DOMAINS)}`,
    phone,
    address,
    country: locale.country,
    segment_id: rng.weighted(SEGMENT_WEIGHTS),
    lifecycle_stage: rng.weighted(STAGES),
    account_manager_id: rng.chance(0.03) ? null : rng.weighted(staff.accountManagers),
    created_at: iso(created),
    updated_at: iso(rng.instant(created, WINDOW_END)),
  };
  return { no, row, created, activeFrom: Math.max(created, WINDOW_START) };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/** 0-4 channels, mostly granted. */
export function consentRows(customer: Customer): ConsentRow[] {
  const rng = rngFor('consents', customer.no);
  const chosen = new Set(rng.sample(CHANNELS, rng.int(0, 4)));
  return CHANNELS.filter((c) => chosen.has(c)).map((channel) => ({
    customer_id: customer.row.id,
    channel,
    granted: rng.chance(channel === 'EMAIL' ? 0.8 : 0.65),
    source: rng.pick(CONSENT_SOURCES),
    recorded_at: iso(rng.instant(customer.activeFrom, WINDOW_END)),
  }));
}

/** ~40% of customers answer NPS 1-3 times, ~20% CSAT; churned customers lean detractor. */
export function satisfactionRows(customer: Customer): SatisfactionRow[] {
  const rng = rngFor('satisfaction', customer.no);
  const rows: SatisfactionRow[] = [];
  const id = customer.row.id;
  if (rng.chance(0.4)) {
    const churned = customer.row.lifecycle_stage === 'CHURNED';
    for (let n = 1, count = rng.int(1, 3); n <= count; n++) {
      const group = rng.weighted([
        ['promoter', churned ? 10 : 45],
        ['passive', 30],
        ['detractor', churned ? 60 : 25],
      ] as const);
      const score = group === 'promoter' ? rng.int(9, 10) : group === 'passive' ? rng.int(7, 8) : rng.int(0, 6);
      rows.push(response(rng, customer, `seed:${id}:NPS:${n}`, 'NPS', score, rng.chance(0.5) ? rng.pick(NPS_COMMENTS[group]) : null));
    }
  }
  if (rng.chance(0.2)) {
    for (let n = 1, count = rng.int(1, 3); n <= count; n++) {
      const score = rng.weighted([[1, 5], [2, 10], [3, 20], [4, 35], [5, 30]]);
      rows.push(response(rng, customer, `seed:${id}:CSAT:${n}`, 'CSAT', score, null));
    }
  }
  return rows;
}

function response(
  rng: Rng,
  customer: Customer,
  clientKey: string,
  kind: 'NPS' | 'CSAT',
  score: number,
  comment: string | null,
): SatisfactionRow {
  return {
    client_key: clientKey,
    customer_id: customer.row.id,
    kind,
    score,
    comment,
    responded_at: iso(rng.instant(customer.activeFrom, WINDOW_END)),
  };
}
