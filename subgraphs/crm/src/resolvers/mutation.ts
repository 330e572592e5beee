import { badInput } from '../../../kit/src/errors.ts';
import * as v from '../../../kit/src/validate.ts';
import {
  emailOwner,
  existingCustomerIds,
  insertCustomer,
  updateCustomer,
  type CustomerWrite,
} from '../data/customers.ts';
import { segmentsByIds } from '../data/segments.ts';
import { insertResponses, upsertConsent } from '../data/satisfaction.ts';
import { customersByIds } from '../data/customers.ts';
import { crmErrors } from '../errors.ts';
import { applySuppressions } from '../data/audiences.ts';
import type { Queryable } from '../../../kit/src/db.ts';
import type { MutationResolvers, UpdateCustomerInput } from '../__generated__/resolvers.ts';

const MAX_BATCH = 1000;
const MAX_SUPPRESSIONS = 10_000;
const STAGES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED'] as const;

export const Mutation: MutationResolvers = {
  createCustomer: (_root, { input }, ctx) =>
    ctx.db.transaction(async (tx) => {
      const customer: CustomerWrite = {
        firstName: v.nonEmpty('input.firstName', input.firstName),
        lastName: v.nonEmpty('input.lastName', input.lastName),
        email: v.email('input.email', input.email),
        phone: optionalPhone('input.phone', input.phone),
        address: input.address == null ? null : v.nonEmpty('input.address', input.address, 500),
        country: country('input.country', input.country),
        segmentId: input.segmentId == null ? null : v.nonEmpty('input.segmentId', input.segmentId),
        lifecycleStage: v.oneOf('input.lifecycleStage', input.lifecycleStage ?? 'LEAD', STAGES),
        accountManagerId: input.accountManagerId == null ? null : v.nonEmpty('input.accountManagerId', input.accountManagerId),
      };
      await checkReferences(tx, customer, null);
      const id = await insertCustomer(tx, customer);
      return (await customersByIds(tx, [id]))[0];
    }),

  updateCustomer: (_root, { id, input }, ctx) =>
    ctx.db.transaction(async (tx) => {
      const changes = customerChanges(input);
      if (Object.keys(changes).length === 0) throw badInput('input', 'names no field to change');
      await checkReferences(tx, changes, id);
      if (!(await updateCustomer(tx, id, changes))) {
        throw crmErrors.CRM_CUSTOMER_NOT_FOUND({ message: `customer "${id}" not found`, field: 'id' });
      }
      return (await customersByIds(tx, [id]))[0];
    }),

  recordConsent: (_root, { input }, ctx) =>
    ctx.db.transaction(async (tx) => {
      const source = v.nonEmpty('input.source', input.source);
      if ((await existingCustomerIds(tx, [input.customerId])).size === 0) {
        throw crmErrors.CRM_CUSTOMER_NOT_FOUND({ message: `customer "${input.customerId}" not found`, field: 'input.customerId' });
      }
      return upsertConsent(tx, { ...input, source });
    }),

  recordSatisfactionResponses: async (_root, { responses }, ctx) => {
    if (responses.length === 0) throw badInput('responses', 'must contain at least one response');
    if (responses.length > MAX_BATCH) {
      throw crmErrors.CRM_BATCH_TOO_LARGE({ message: `at most ${MAX_BATCH} responses per call`, field: 'responses' });
    }
    v.clientKeys('responses', responses.map((r) => r.clientKey));
    const items = responses.map((r, i) => {
      const at = `responses[${i}]`;
      const [min, max] = r.kind === 'NPS' ? [0, 10] : [1, 5];
      return {
        clientKey: r.clientKey,
        customerId: r.customerId,
        kind: r.kind,
        score: v.intRange(`${at}.score`, r.score, min, max),
        comment: r.comment == null ? null : v.nonEmpty(`${at}.comment`, r.comment, 2000),
        respondedAt: v.dateTime(`${at}.respondedAt`, r.respondedAt),
      };
    });
    return ctx.db.transaction(async (tx) => {
      const known = await existingCustomerIds(tx, items.map((i) => i.customerId));
      const missing = items.findIndex((i) => !known.has(i.customerId));
      if (missing >= 0) {
        throw crmErrors.CRM_CUSTOMER_NOT_FOUND({
          message: `customer "${items[missing].customerId}" not found`,
          field: `responses[${missing}].customerId`,
        });
      }
      const stored = await insertResponses(tx, items);
      return { received: items.length, stored, duplicates: items.length - stored };
    });
  },

  recordSuppressions: async (_root, { suppressions, position }, ctx) => {
    if (suppressions.length > MAX_SUPPRESSIONS) {
      throw crmErrors.CRM_BATCH_TOO_LARGE({ message: `at most ${MAX_SUPPRESSIONS} suppressions per call`, field: 'suppressions' });
    }
    if (!/^\d{1,18}$/.test(position)) throw badInput('position', `"${position}" is not an engagementFeed position`);
    const items = suppressions.map((s, i) => ({
      customerId: v.nonEmpty(`suppressions[${i}].customerId`, s.customerId),
      channel: s.channel,
      reason: s.reason,
      occurredAt: v.dateTime(`suppressions[${i}].occurredAt`, s.occurredAt),
      source: v.nonEmpty(`suppressions[${i}].source`, s.source),
    }));
    const stored = await ctx.db.transaction((tx) => applySuppressions(tx, items, position));
    return { received: items.length, stored, duplicates: items.length - stored };
  },
};

function customerChanges(input: UpdateCustomerInput): Partial<CustomerWrite> {
  const changes: Partial<CustomerWrite> = {};
  const required = (field: keyof UpdateCustomerInput) => {
    if (input[field] === null) throw badInput(`input.${field}`, 'cannot be null');
    return input[field] !== undefined;
  };
  if (required('firstName')) changes.firstName = v.nonEmpty('input.firstName', input.firstName as string);
  if (required('lastName')) changes.lastName = v.nonEmpty('input.lastName', input.lastName as string);
  if (required('email')) changes.email = v.email('input.email', input.email as string);
  if (required('country')) changes.country = country('input.country', input.country as string);
  if (required('lifecycleStage')) changes.lifecycleStage = v.oneOf('input.lifecycleStage', input.lifecycleStage as string, STAGES);
  if (input.phone !== undefined) changes.phone = optionalPhone('input.phone', input.phone);
  if (input.address !== undefined) changes.address = input.address === null ? null : v.nonEmpty('input.address', input.address, 500);
  if (input.segmentId !== undefined) changes.segmentId = input.segmentId === null ? null : v.nonEmpty('input.segmentId', input.segmentId);
  if (input.accountManagerId !== undefined) {
    changes.accountManagerId = input.accountManagerId === null ? null : v.nonEmpty('input.accountManagerId', input.accountManagerId);
  }
  return changes;
}

/** References inside CRM must exist; the email must not belong to another customer. */
async function checkReferences(tx: Queryable, c: Partial<CustomerWrite>, selfId: string | null): Promise<void> {
  if (c.segmentId != null && (await segmentsByIds(tx, [c.segmentId])).length === 0) {
    throw crmErrors.CRM_SEGMENT_NOT_FOUND({ message: `segment "${c.segmentId}" not found`, field: 'input.segmentId' });
  }
  if (c.email != null) {
    const owner = await emailOwner(tx, c.email);
    if (owner !== null && owner !== selfId) throw crmErrors.CRM_EMAIL_TAKEN({ field: 'input.email' });
  }
}

function country(field: string, value: string): string {
  const c = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw badInput(field, `"${value}" is not an ISO 3166-1 alpha-2 country code`);
  return c;
}

function optionalPhone(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  const p = value.replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(p)) throw badInput(field, `"${value}" is not a phone number in E.164 form (+4930...)`);
  return p;
}
