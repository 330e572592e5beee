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
async function call<T>(client: GraphClient, query: string, variables: JsonObject = {}): Promise<T> {
  return (await client.read(query, variables)) as unknown as T;
}

interface FeedPage<I> {
  position: string | null;
  hasMore: boolean;
  items: I[];
}

/**
 * Follows one feed from where its projection stopped: reads a page, applies it (which also
 * records the position), and goes on until the feed has no more. Returns rows changed.
 */
async function follow<I>(
  readPosition: () => Promise<string | null>,
  readPage: (after: string | null) => Promise<FeedPage<I>>,
  apply: (page: FeedPage<I>) => Promise<number>,
): Promise<number> {
  let after = await readPosition();
  let changed = 0;
  for (;;) {
    const page = await readPage(after);
    if (page.position !== null && page.position !== after) changed += await apply(page);
    if (!page.hasMore) return changed;
    after = page.position;
  }
}

/** Applies every order written since the last sync; returns how many conversions changed. */
export function syncConversions(client: GraphClient, pageSize = 1000): Promise<number> {
  return follow<FeedOrder>(
    async () => (await call<{ conversionFeedPosition: string | null }>(client, POSITION)).conversionFeedPosition,
    async (after) => {
      const { orderFeed } = await call<{ orderFeed: { position: string | null; hasMore: boolean; orders: FeedOrder[] } }>(
        client,
        FEED,
        { after, first: pageSize },
      );
      return { position: orderFeed.position, hasMore: orderFeed.hasMore, items: orderFeed.orders };
    },
    async (page) => {
      const conversions = page.items.map((o) => ({
        orderId: o.id,
        customerId: o.customer.id,
        placedAt: o.placedAt,
        total: o.total,
        cancelled: o.status === 'CANCELLED',
        sourceCampaignId: o.campaign?.id ?? null,
        feedPosition: o.feedPosition,
      }));
      const { recordConversions } = await call<{ recordConversions: { stored: number } }>(client, RECORD, { conversions });
      return recordConversions.stored;
    },
  );
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
export function syncSuppressions(client: GraphClient, pageSize = 1000): Promise<number> {
  return follow<FeedEvent>(
    async () => (await call<{ suppressionFeedPosition: string | null }>(client, SUPPRESSION_POSITION)).suppressionFeedPosition,
    async (after) => {
      const { engagementFeed } = await call<{ engagementFeed: { position: string | null; hasMore: boolean; events: FeedEvent[] } }>(
        client,
        ENGAGEMENT_FEED,
        { after, first: pageSize },
      );
      return { position: engagementFeed.position, hasMore: engagementFeed.hasMore, items: engagementFeed.events };
    },
    async (page) => {
      const suppressions = page.items.map((e) => ({
        customerId: e.customer.id,
        channel: e.campaign.channel,
        reason: e.type,
        occurredAt: e.occurredAt,
        source: e.campaign.id,
      }));
      const { recordSuppressions } = await call<{ recordSuppressions: { stored: number } }>(client, RECORD_SUPPRESSIONS, {
        suppressions,
        position: page.position,
      });
      return recordSuppressions.stored;
    },
  );
}

/** Runs every feed sync once; returns how many projected rows changed in all. */
export async function syncFeeds(client: GraphClient): Promise<number> {
  return (await syncConversions(client)) + (await syncSuppressions(client));
}
