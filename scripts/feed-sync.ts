import { GraphClient } from './import/graph.ts';
import type { JsonObject } from './import/types.ts';

// Keeps departments' projections of each other's facts in step by following feeds through the
// gateway: sales' order feed -> campaigns' conversions (attribution), campaigns' engagement
// feed -> CRM's suppressions (audiences). No subgraph reads another's tables.

const POSITION = /* GraphQL */ `query ConversionFeedPosition { conversionFeedPosition }`;

const FEED = /* GraphQL */ `
  query OrderFeed($after: String, $first: Int) {
    orderFeed(after: $after, first: $first) {
      position hasMore
      orders { id feedPosition status placedAt total { amount currency } customer { id } campaign { id } }
    }
  }`;

const RECORD = /* GraphQL */ `
  mutation RecordConversions($conversions: [ConversionInput!]!) {
    recordConversions(conversions: $conversions) { received stored duplicates }
  }`;

interface FeedOrder {
  id: string;
  feedPosition: string;
  status: string;
  placedAt: string;
  total: { amount: string; currency: string };
  customer: { id: string };
  campaign: { id: string } | null;
}

/** One read or write through the gateway; any GraphQL error fails the pass (the next one retries). */
async function call<T>(gatewayUrl: string, query: string, variables: JsonObject = {}): Promise<T> {
  return (await new GraphClient(gatewayUrl).read(query, variables)) as unknown as T;
}

/** Applies every order written since the last sync; returns how many conversions changed. */
export async function syncConversions(gatewayUrl: string, pageSize = 1000): Promise<number> {
  let { conversionFeedPosition: after } = await call<{ conversionFeedPosition: string | null }>(gatewayUrl, POSITION);
  let changed = 0;
  for (;;) {
    const { orderFeed } = await call<{ orderFeed: { position: string | null; hasMore: boolean; orders: FeedOrder[] } }>(
      gatewayUrl,
      FEED,
      { after, first: pageSize },
    );
    if (orderFeed.orders.length > 0) {
      const conversions = orderFeed.orders.map((o) => ({
        orderId: o.id,
        customerId: o.customer.id,
        placedAt: o.placedAt,
        total: o.total,
        cancelled: o.status === 'CANCELLED',
        sourceCampaignId: o.campaign?.id ?? null,
        feedPosition: o.feedPosition,
      }));
      const { recordConversions } = await call<{ recordConversions: { stored: number } }>(gatewayUrl, RECORD, { conversions });
      changed += recordConversions.stored;
    }
    if (!orderFeed.hasMore) return changed;
    after = orderFeed.position;
  }
}

const SUPPRESSION_POSITION = /* GraphQL */ `query SuppressionFeedPosition { suppressionFeedPosition }`;

const ENGAGEMENT_FEED = /* GraphQL */ `
  query EngagementFeed($after: String, $first: Int) {
    engagementFeed(after: $after, first: $first, types: [UNSUBSCRIBED, BOUNCED]) {
      position hasMore
      events { type occurredAt customer { id } campaign { id channel } }
    }
  }`;

const RECORD_SUPPRESSIONS = /* GraphQL */ `
  mutation RecordSuppressions($suppressions: [SuppressionInput!]!, $position: String!) {
    recordSuppressions(suppressions: $suppressions, position: $position) { stored }
  }`;

interface FeedEvent {
  type: 'UNSUBSCRIBED' | 'BOUNCED';
  occurredAt: string;
  customer: { id: string };
  campaign: { id: string; channel: string };
}

/** Applies every unsubscribe and bounce since the last sync to CRM; returns how many suppressions changed. */
export async function syncSuppressions(gatewayUrl: string, pageSize = 10_000): Promise<number> {
  let { suppressionFeedPosition: after } = await call<{ suppressionFeedPosition: string | null }>(gatewayUrl, SUPPRESSION_POSITION);
  let changed = 0;
  for (;;) {
    const { engagementFeed } = await call<{ engagementFeed: { position: string | null; hasMore: boolean; events: FeedEvent[] } }>(
      gatewayUrl,
      ENGAGEMENT_FEED,
      { after, first: pageSize },
    );
    if (engagementFeed.position !== null && engagementFeed.position !== after) {
      const suppressions = engagementFeed.events.map((e) => ({
        customerId: e.customer.id,
        channel: e.campaign.channel,
        reason: e.type,
        occurredAt: e.occurredAt,
        source: e.campaign.id,
      }));
      const { recordSuppressions } = await call<{ recordSuppressions: { stored: number } }>(gatewayUrl, RECORD_SUPPRESSIONS, {
        suppressions,
        position: engagementFeed.position,
      });
      changed += recordSuppressions.stored;
    }
    if (!engagementFeed.hasMore) return changed;
    after = engagementFeed.position;
  }
}

/** Runs every feed sync once; returns how many projected rows changed in all. */
export async function syncFeeds(gatewayUrl: string): Promise<number> {
  return (await syncConversions(gatewayUrl)) + (await syncSuppressions(gatewayUrl));
}
