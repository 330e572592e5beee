// Keeps campaigns' conversions projection in step with sales' orders by following the order
// feed through the gateway: sales publishes, campaigns records, neither reads the other's tables.

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

async function call<T>(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`conversion sync: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`}`);
  }
  return body.data;
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
