import type { CampaignPlan, CampaignSet } from './campaigns.ts';
import type { Customer } from './customers.ts';
import { rngFor, type Rng } from './prng.ts';
import type { EventRow, EventType } from './tables.ts';
import { DAY, iso, SECOND } from './time.ts';

export interface Conversion {
  campaignId: string;
  /** occurred_at of the CONVERTED event, epoch ms. */
  at: number;
}

export interface Engagement {
  events: EventRow[];
  conversions: Conversion[];
}

const DELIVERY_RATE = 0.95;
const OPEN_RATE = 0.4;
const CLICK_RATE = 0.3;
const CONVERSION_RATE = 0.2;
const UNSUBSCRIBE_RATE = 0.03;
/** Sends happen at least this long before a campaign ends, so the whole funnel fits inside it. */
const FUNNEL_ROOM = 2 * DAY;

/**
 * The campaigns customer `customer` received and what they did with each: SENT, then
 * DELIVERED or BOUNCED, then maybe OPENED, CLICKED, CONVERTED, with strictly increasing
 * times inside the campaign's window. A pure function of the customer and the campaigns,
 * so the sales generator can recompute conversions without the events being stored.
 */
export function engagementFor(customer: Customer, campaigns: CampaignSet): Engagement {
  const rng = rngFor('events', customer.no);
  const chosen = chooseCampaigns(rng, customer, campaigns, rng.int(1, 7));
  const events: EventRow[] = [];
  const conversions: Conversion[] = [];
  for (const campaign of chosen) {
    const variant = campaign.variants.length > 0 ? rng.pick(campaign.variants) : undefined;
    const lift = variant?.lift ?? 1;
    const push = (type: EventType, at: number) =>
      events.push({
        client_key: `seed:${customer.row.id}:${campaign.row.id}:${type}`,
        campaign_id: campaign.row.id,
        variant_id: variant?.row.id ?? null,
        customer_id: customer.row.id,
        type,
        occurred_at: iso(at),
      });

    let at = rng.instant(Math.max(campaign.start, customer.activeFrom), campaign.end - FUNNEL_ROOM);
    push('SENT', at);
    at += rng.int(5, 300) * SECOND;
    if (!rng.chance(DELIVERY_RATE)) {
      push('BOUNCED', at);
      continue;
    }
    push('DELIVERED', at);
    let converted = false;
    if (rng.chance(Math.min(0.95, OPEN_RATE * lift))) {
      at += rng.int(300, 86_400) * SECOND;
      push('OPENED', at);
      if (rng.chance(Math.min(0.95, CLICK_RATE * lift))) {
        at += rng.int(10, 1_800) * SECOND;
        push('CLICKED', at);
        if (rng.chance(Math.min(0.95, CONVERSION_RATE * lift))) {
          at += rng.int(60, 6 * 3_600) * SECOND;
          push('CONVERTED', at);
          conversions.push({ campaignId: campaign.row.id, at });
          converted = true;
        }
      }
    }
    if (!converted && rng.chance(UNSUBSCRIBE_RATE)) {
      at += rng.int(60, 7_200) * SECOND;
      push('UNSUBSCRIBED', at);
    }
  }
  return { events, conversions };
}

/** Mostly campaigns aimed at the customer's segment; only ones that ran while they existed. */
function chooseCampaigns(rng: Rng, customer: Customer, campaigns: CampaignSet, count: number): CampaignPlan[] {
  const chosen: CampaignPlan[] = [];
  const own = campaigns.sentBySegment.get(customer.row.segment_id) ?? [];
  for (let attempt = 0; attempt < count * 6 && chosen.length < count; attempt++) {
    const pool = own.length > 0 && rng.chance(0.7) ? own : campaigns.sent;
    if (pool.length === 0) break;
    const campaign = rng.pick(pool);
    const fits = campaign.end - Math.max(campaign.start, customer.activeFrom) > FUNNEL_ROOM + DAY;
    if (fits && !chosen.includes(campaign)) chosen.push(campaign);
  }
  return chosen;
}
