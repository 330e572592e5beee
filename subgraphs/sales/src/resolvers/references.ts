import type { ReferenceResolver } from '../../../kit/src/server.ts';
import { parsePeriod } from '../../../kit/src/periods.ts';
import type { Loaders } from '../loaders.ts';
import type { CampaignRef, QuotaRef } from '../data/rows.ts';

/**
 * `__resolveReference` per entity. Orders and products are sales rows, loaded in batches;
 * customers, campaigns and quotas belong to other departments, so their representation
 * (with the @requires fields the gateway adds) is all sales needs, and the figures are
 * loaded in batches by the field resolvers.
 */
export const references: Record<string, ReferenceResolver<Loaders>> = {
  Order: (ref, ctx) => ctx.loaders.order.load(String(ref.id)),
  Product: (ref, ctx) => ctx.loaders.product.load(String(ref.sku)),
  Customer: async (ref) => ({ id: String(ref.id) }),
  Campaign: async (ref): Promise<CampaignRef> => {
    const spend = money(ref.spend);
    return { id: String(ref.id), spend: spend?.amount == null ? null : { amount: spend.amount, currency: spend.currency } };
  },
  Quota: async (ref): Promise<QuotaRef> => {
    const period = String(ref.period);
    // Refuse a malformed period here, before any field asks for figures of it.
    parsePeriod('period', period);
    return { employeeId: String(ref.employeeId), period, target: money(ref.target) };
  },
};

/** A Money (or the part of it the gateway sent) from a representation; null when absent. */
function money(value: unknown): { amount: string | null; currency: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { amount, currency } = value as Record<string, unknown>;
  if (typeof currency !== 'string') return null;
  return { amount: typeof amount === 'string' ? amount : null, currency };
}
