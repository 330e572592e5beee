import { rngFor } from './prng.ts';
import type { Staff } from './staff.ts';
import type { CampaignRow, Channel, VariantRow } from './tables.ts';
import { DAY, iso, pad, SECOND, WINDOW_END, WINDOW_START } from './time.ts';
import { EVERGREEN_THEMES, SEASONAL_THEMES, SEGMENT_LIST } from './vocabulary.ts';

export interface VariantPlan {
  row: VariantRow;
  /** Multiplies open, click and conversion propensity, so A/B tests have a real winner to find. */
  lift: number;
}

export interface CampaignPlan {
  row: CampaignRow;
  start: number;
  end: number;
  variants: VariantPlan[];
}

export interface CampaignSet {
  all: CampaignPlan[];
  /** Campaigns that ran (not DRAFT): the only ones customers received. */
  sent: CampaignPlan[];
  /** Sent campaigns per target segment id. */
  sentBySegment: ReadonlyMap<string, CampaignPlan[]>;
}

/** The demo world's "now": COMPLETED campaigns end before it, ACTIVE ones after, DRAFTs start after it. */
const ACTIVE_AFTER = Date.UTC(2026, 5, 1);
const LAST_END = WINDOW_END - DAY;
/** Applied to open, click and conversion rates alike: x0.34 to x3.4 conversions per send. */
const LIFTS = [0.7, 0.85, 1, 1.15, 1.3, 1.5] as const;
const STATUS_CYCLE: readonly CampaignRow['status'][] = [
  'DRAFT', 'COMPLETED', 'COMPLETED', 'ACTIVE', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'ACTIVE', 'COMPLETED',
  'DRAFT', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'ACTIVE', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED',
];
const VARIANT_CYCLE: readonly number[] = [0, 2, 3, 0, 2];
const CHANNELS: readonly (readonly [Channel, number])[] = [['EMAIL', 50], ['SMS', 20], ['PUSH', 20], ['PHONE', 10]];

export function buildCampaigns(count: number, staff: Staff): CampaignSet {
  const all: CampaignPlan[] = [];
  for (let no = 1; no <= count; no++) all.push(campaignAt(no, staff));
  const sent = all.filter((c) => c.row.status !== 'DRAFT');
  const sentBySegment = new Map<string, CampaignPlan[]>();
  for (const c of sent) {
    const list = sentBySegment.get(c.row.segment_id) ?? [];
    list.push(c);
    sentBySegment.set(c.row.segment_id, list);
  }
  return { all, sent, sentBySegment };
}

function campaignAt(no: number, staff: Staff): CampaignPlan {
  const rng = rngFor('campaign', no);
  const id = `cmp-${pad(no, 4)}`;
  // Status and variant count cycle with the number, so even scale 1 (20 campaigns) has
  // every status and 0, 2 and 3 variants: 10% DRAFT, 15% ACTIVE; 40% none, 40% A/B, 20% A/B/C.
  const status = STATUS_CYCLE[no % STATUS_CYCLE.length];
  const variantCount = VARIANT_CYCLE[no % VARIANT_CYCLE.length];
  const channel = rng.weighted(CHANNELS);
  // Every campaign lasts at least 7 days, so a funnel (at most ~33 h) fits after any send.
  let start: number;
  let end: number;
  if (status === 'COMPLETED') {
    start = rng.instant(WINDOW_START, ACTIVE_AFTER - 7 * DAY);
    end = Math.min(start + rng.int(7, 90) * DAY, ACTIVE_AFTER - SECOND);
  } else if (status === 'ACTIVE') {
    end = rng.instant(ACTIVE_AFTER + DAY, LAST_END);
    start = end - rng.int(14, 90) * DAY;
  } else {
    start = rng.instant(ACTIVE_AFTER, ACTIVE_AFTER + 10 * DAY);
    end = start + rng.int(7, 19) * DAY;
  }
  const budget = rng.int(10, 500) * 10_000;
  const spendShare = status === 'DRAFT' ? 0 : status === 'COMPLETED' ? 0.55 + rng.next() * 0.45 : 0.1 + rng.next() * 0.6;
  const month = new Date(start).getUTCMonth();
  const theme = rng.chance(0.5) ? SEASONAL_THEMES[month] : rng.pick(EVERGREEN_THEMES);
  const row: CampaignRow = {
    id,
    name: `${theme} ${new Date(start).getUTCFullYear()} - ${channel.toLowerCase()} #${no}`,
    channel,
    status,
    currency: 'EUR',
    budget_minor: budget,
    spend_minor: Math.floor(budget * spendShare),
    starts_at: iso(start),
    ends_at: iso(end),
    segment_id: rng.weighted(SEGMENT_LIST.map(([segmentId, , , weight]) => [segmentId, weight] as const)),
    owner_id: rng.pick(staff.marketers),
    created_at: iso(start - rng.int(3, 30) * DAY),
  };
  const variants: VariantPlan[] = [];
  for (let v = 0; v < variantCount; v++) {
    const name = 'ABC'[v];
    variants.push({
      row: { id: `${id}-${name}`, campaign_id: id, name, is_control: v === 0 },
      lift: v === 0 ? 1 : rng.pick(LIFTS),
    });
  }
  return { row, start, end, variants };
}
