import type { Department } from '../../subgraphs/kit/src/config.ts';
import type { Column, Values } from './columns.ts';
import { asArray, asObject, asString } from './graph.ts';
import { UsageError, type JsonObject } from './types.ts';

interface EntityBase {
  department: Department;
  name: string;
  columns: readonly Column[];
  /** The mutation field, e.g. recordEngagementEvents. */
  field: string;
  /** GraphQL input type of one item. */
  inputType: string;
  /** Rows per request when --batch is not given, and the most allowed. */
  defaultBatch: number;
  maxBatch: number;
  /** The mutation input of a row that passed the column checks. */
  input(values: Values): JsonObject;
  /** Input paths the server may name that are not column names. */
  paths?: Readonly<Record<string, string>>;
}

/** One bulk mutation per batch, all or nothing, idempotent by client key. */
export interface BulkEntity extends EntityBase {
  mode: 'bulk';
  /** The mutation's list argument, e.g. events. */
  argument: string;
  /** The idempotency key of an input: a batch may not repeat one. */
  key(input: JsonObject): string;
}

/** The current state of a batch's parents (customers, employees), read through the graph before writing. */
interface ProbeBase {
  parentField: 'customer' | 'employee';
  parentId(input: JsonObject): string;
  selection: string;
}

/** An upsert: a row that would leave the stored value as it is is a duplicate and is not sent. */
export interface UpsertProbe extends ProbeBase {
  kind: 'upsert';
  /** (key, value) pairs a probed parent holds now. */
  stored(parent: JsonObject): [string, string][];
  key(input: JsonObject): string;
  value(input: JsonObject): string;
}

/** A write idempotent by client key: a result that existed before the batch is a duplicate. */
export interface KeyedProbe extends ProbeBase {
  kind: 'keyed';
  /** Ids of the records a probed parent holds now. */
  ids(parent: JsonObject): string[];
  resultId(result: JsonObject): string;
}

/** One single-item mutation per row, many rows per request as aliased fields. */
export interface SingleEntity extends EntityBase {
  mode: 'single';
  /** Selection of each mutation result. */
  selection: string;
  probe: UpsertProbe | KeyedProbe;
}

export type Entity = BulkEntity | SingleEntity;

const text = (name: string, required = true): Column => ({ name, kind: 'text', required });
const int = (name: string): Column => ({ name, kind: 'int', required: true });
const bool = (name: string): Column => ({ name, kind: 'bool', required: true });
const str = (input: JsonObject, name: string) => asString(input[name], name);
const SINGLE_BATCHES = { defaultBatch: 200, maxBatch: 1000 };

export const ENTITIES: readonly Entity[] = [
  {
    department: 'campaigns',
    name: 'events',
    mode: 'bulk',
    columns: [text('clientKey'), text('campaignId'), text('variantId', false), text('customerId'), text('type'), text('occurredAt')],
    field: 'recordEngagementEvents',
    argument: 'events',
    inputType: 'EngagementEventInput',
    defaultBatch: 5000,
    maxBatch: 10_000,
    input: (v) => ({ ...v }),
    key: (input) => str(input, 'clientKey'),
  },
  {
    department: 'crm',
    name: 'satisfaction',
    mode: 'bulk',
    columns: [text('clientKey'), text('customerId'), text('kind'), int('score'), text('comment', false), text('respondedAt')],
    field: 'recordSatisfactionResponses',
    argument: 'responses',
    inputType: 'SatisfactionResponseInput',
    defaultBatch: 1000,
    maxBatch: 1000,
    input: (v) => ({ ...v }),
    key: (input) => str(input, 'clientKey'),
  },
  {
    department: 'crm',
    name: 'consents',
    mode: 'single',
    columns: [text('customerId'), text('channel'), bool('granted'), text('source')],
    field: 'recordConsent',
    inputType: 'RecordConsentInput',
    ...SINGLE_BATCHES,
    input: (v) => ({ ...v }),
    selection: 'channel',
    probe: {
      kind: 'upsert',
      parentField: 'customer',
      parentId: (input) => str(input, 'customerId'),
      selection: 'consents { channel granted source }',
      stored: (customer) =>
        asArray(customer.consents, 'consents').map((c) => {
          const consent = asObject(c, 'consent');
          return [asString(consent.channel, 'channel'), `${consent.granted} ${asString(consent.source, 'source')}`];
        }),
      key: (input) => str(input, 'channel'),
      // The subgraph stores the source trimmed.
      value: (input) => `${input.granted} ${str(input, 'source').trim()}`,
    },
  },
  {
    department: 'hr',
    name: 'quotas',
    mode: 'single',
    columns: [text('employeeId'), text('period'), text('amount'), text('currency')],
    field: 'setQuota',
    inputType: 'SetQuotaInput',
    ...SINGLE_BATCHES,
    input: (v) => ({ employeeId: v.employeeId, period: v.period, target: { amount: v.amount, currency: v.currency } }),
    paths: { 'target.amount': 'amount', 'target.currency': 'currency' },
    selection: 'period',
    probe: {
      kind: 'upsert',
      parentField: 'employee',
      parentId: (input) => str(input, 'employeeId'),
      selection: 'quotas { period target { amount currency } }',
      stored: (employee) =>
        asArray(employee.quotas, 'quotas').map((q) => {
          const quota = asObject(q, 'quota');
          return [asString(quota.period, 'period'), money(asObject(quota.target, 'target'))];
        }),
      key: (input) => str(input, 'period'),
      value: (input) => money(asObject(input.target, 'target')),
    },
  },
  {
    department: 'hr',
    name: 'reviews',
    mode: 'single',
    columns: [
      text('clientKey'),
      text('employeeId'),
      text('reviewerId', false),
      text('period'),
      int('rating'),
      text('summary'),
      text('reviewedAt'),
    ],
    field: 'recordPerformanceReview',
    inputType: 'PerformanceReviewInput',
    ...SINGLE_BATCHES,
    input: (v) => ({ ...v }),
    selection: 'id',
    probe: {
      kind: 'keyed',
      parentField: 'employee',
      parentId: (input) => str(input, 'employeeId'),
      selection: 'reviews { id }',
      ids: (employee) => asArray(employee.reviews, 'reviews').map((r) => asString(asObject(r, 'review').id, 'id')),
      resultId: (review) => asString(review.id, 'id'),
    },
  },
];

export function findEntity(department: string, name: string): Entity {
  const entity = ENTITIES.find((e) => e.department === department && e.name === name);
  if (!entity) {
    const known = ENTITIES.map((e) => `${e.department} ${e.name}`).join(', ');
    throw new UsageError(`no entity "${department} ${name}"; importable: ${known}`);
  }
  return entity;
}

/** The column a server-side input path is about ("target.amount" -> "amount"). */
export function columnOf(entity: Entity, path: string | null): string | null {
  if (path === null || path === '') return null;
  return entity.paths?.[path] ?? path;
}

/** "1500" and "1500.00" are the same amount: compare decimals without trailing zeros. */
function money(target: JsonObject): string {
  const amount = asString(target.amount, 'amount').trim();
  const m = /^(-?)0*(\d+?)(?:\.(\d*?)0*)?$/.exec(amount);
  const normal = m ? `${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}` : amount;
  return `${normal} ${asString(target.currency, 'currency')}`;
}
