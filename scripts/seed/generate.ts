/**
 * Deterministic demo/benchmark data for all four departments. Everything is a pure
 * function of the scale: each entity draws from its own seeded stream (see prng.ts), so
 * the same scale gives byte-identical rows whichever departments are generated.
 * Per-customer data comes in chunks, so memory stays bounded at any scale.
 */
import type { Department } from '../../subgraphs/kit/src/config.ts';
import { buildCampaigns, type CampaignSet } from './campaigns.ts';
import { consentRows, customerAt, satisfactionRows } from './customers.ts';
import { engagementFor } from './engagement.ts';
import { ordersFor, productRows, quarterRevenuePerCustomer } from './orders.ts';
import { buildStaff, quotaRows, reviewRows, type Staff } from './staff.ts';
import * as T from './tables.ts';
import { SEGMENT_LIST } from './vocabulary.ts';

export { Rng, rngFor } from './prng.ts';

export interface Sizes {
  customers: number;
  campaigns: number;
  employees: number;
  products: number;
}

/** The small reference data every department's rows point into, built in memory. */
export interface World {
  scale: number;
  sizes: Sizes;
  segments: T.SegmentRow[];
  staff: Staff;
  campaigns: CampaignSet;
  products: T.ProductRow[];
}

/** Customers generated (and inserted) together; ~10k events per chunk. */
export const CUSTOMER_CHUNK = 1000;

/** Scale 1: 1000 customers, 20 campaigns; fractional scales (e.g. 0.05) suit tests. */
export function buildWorld(scale: number): World {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const staff = buildStaff(scale);
  const products = productRows();
  const sizes: Sizes = {
    customers: Math.max(1, Math.round(1000 * scale)),
    campaigns: Math.max(1, Math.round(20 * scale)),
    employees: staff.employees.length,
    products: products.length,
  };
  return {
    scale,
    sizes,
    segments: SEGMENT_LIST.map(([id, name, description]) => ({ id, name, description })),
    staff,
    campaigns: buildCampaigns(sizes.campaigns, staff),
    products,
  };
}

export interface CrmChunk {
  customers: T.CustomerRow[];
  consents: T.ConsentRow[];
  satisfaction: T.SatisfactionRow[];
}

export function* crmChunks(world: World): Generator<CrmChunk> {
  for (const range of chunks(world.sizes.customers)) {
    const chunk: CrmChunk = { customers: [], consents: [], satisfaction: [] };
    for (let no = range.from; no <= range.to; no++) {
      const customer = customerAt(no, world.staff);
      chunk.customers.push(customer.row);
      chunk.consents.push(...consentRows(customer));
      chunk.satisfaction.push(...satisfactionRows(customer));
    }
    yield chunk;
  }
}

export function* eventChunks(world: World): Generator<T.EventRow[]> {
  for (const range of chunks(world.sizes.customers)) {
    const events: T.EventRow[] = [];
    for (let no = range.from; no <= range.to; no++) {
      events.push(...engagementFor(customerAt(no, world.staff), world.campaigns).events);
    }
    yield events;
  }
}

export interface SalesChunk {
  orders: T.OrderRow[];
  lines: T.OrderLineRow[];
}

export function* salesChunks(world: World): Generator<SalesChunk> {
  let nextOrderNo = 1;
  for (const range of chunks(world.sizes.customers)) {
    const chunk: SalesChunk = { orders: [], lines: [] };
    for (let no = range.from; no <= range.to; no++) {
      const customer = customerAt(no, world.staff);
      const { conversions } = engagementFor(customer, world.campaigns);
      const { orders, lines } = ordersFor(customer, conversions, world.products, nextOrderNo);
      nextOrderNo += orders.length;
      chunk.orders.push(...orders);
      chunk.lines.push(...lines);
    }
    yield chunk;
  }
}

export function variantRows(world: World): T.VariantRow[] {
  return world.campaigns.all.flatMap((c) => c.variants.map((v) => v.row));
}

export function hrQuotaRows(world: World): T.QuotaRow[] {
  // 97% of customers have an account manager; 75% are buyers (CUSTOMER or CHURNED).
  return quotaRows(world.staff, world.sizes.customers * 0.97 * 0.75, quarterRevenuePerCustomer(world.products));
}

/** One table's rows in column-major form, ready for `unnest` of typed arrays. */
export interface ColumnBatch {
  table: string;
  rowCount: number;
  columns: { name: string; type: T.PgType; values: unknown[] }[];
}

export function toBatch<Row>(spec: T.TableSpec<Row>, rows: readonly Row[]): ColumnBatch {
  const names = Object.keys(spec.columns) as (keyof Row & string)[];
  return {
    table: spec.name,
    rowCount: rows.length,
    columns: names.map((name) => ({ name, type: spec.columns[name], values: rows.map((r) => r[name]) })),
  };
}

/** A department's rows, table by table in foreign-key order, chunk by chunk. */
export function* departmentBatches(world: World, department: Department): Generator<ColumnBatch> {
  switch (department) {
    case 'crm':
      yield toBatch(T.SEGMENTS, world.segments);
      for (const chunk of crmChunks(world)) {
        yield toBatch(T.CUSTOMERS, chunk.customers);
        yield toBatch(T.CONSENTS, chunk.consents);
        yield toBatch(T.SATISFACTION, chunk.satisfaction);
      }
      return;
    case 'campaigns':
      yield toBatch(T.CAMPAIGNS, world.campaigns.all.map((c) => c.row));
      yield toBatch(T.VARIANTS, variantRows(world));
      for (const events of eventChunks(world)) yield toBatch(T.EVENTS, events);
      return;
    case 'sales':
      yield toBatch(T.PRODUCTS, world.products);
      for (const chunk of salesChunks(world)) {
        yield toBatch(T.ORDERS, chunk.orders);
        yield toBatch(T.ORDER_LINES, chunk.lines);
      }
      return;
    case 'hr':
      yield toBatch(T.EMPLOYEES, world.staff.employees);
      yield toBatch(T.QUOTAS, hrQuotaRows(world));
      yield toBatch(T.REVIEWS, reviewRows(world.staff));
      return;
  }
}

function* chunks(total: number): Generator<{ from: number; to: number }> {
  for (let from = 1; from <= total; from += CUSTOMER_CHUNK) {
    yield { from, to: Math.min(total, from + CUSTOMER_CHUNK - 1) };
  }
}
