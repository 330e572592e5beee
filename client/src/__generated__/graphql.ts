/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * How an order's revenue is credited to the campaign touches (OPENED, CLICKED or CONVERTED
 * events of the ordering customer) in the lookback window before it:
 * LAST_TOUCH all to the latest touch, FIRST_TOUCH all to the earliest, LINEAR equally,
 * TIME_DECAY by weight 2^(-age/halfLife). Credits are exact cents summing to the order total. Owned by campaigns.
 */
export type AttributionModel =
  | 'FIRST_TOUCH'
  | 'LAST_TOUCH'
  | 'LINEAR'
  | 'TIME_DECAY';

/** Lifecycle of a campaign: draft, active or completed. Owned by campaigns. */
export type CampaignStatus =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'DRAFT';

/** Marketing channels a customer can consent to and a campaign can use. Shared enum (crm, campaigns). */
export type Channel =
  | 'EMAIL'
  | 'PHONE'
  | 'PUSH'
  | 'SMS';

/** Kind of campaign touch on a customer. Owned by campaigns. */
export type EngagementType =
  | 'BOUNCED'
  | 'CLICKED'
  | 'CONVERTED'
  | 'DELIVERED'
  | 'OPENED'
  | 'SENT'
  | 'UNSUBSCRIBED';

/** Where a customer stands in the sales lifecycle: lead, prospect, customer or churned. Owned by CRM. */
export type LifecycleStage =
  | 'CHURNED'
  | 'CUSTOMER'
  | 'LEAD'
  | 'PROSPECT';

/** Lifecycle of an order; CANCELLED orders count toward nothing. Owned by sales. */
export type OrderStatus =
  | 'CANCELLED'
  | 'PAID'
  | 'PLACED'
  | 'SHIPPED';

export type AudiencePageQueryVariables = Exact<{
  channel: Channel;
  lifecycleStage?: LifecycleStage | null | undefined;
  segmentId?: string | number | null | undefined;
  minNps?: number | null | undefined;
  maxNps?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AudiencePageQuery = { audience: { edges: Array<{ cursor: string, node: { id: string, email: string, firstName: string, lastName: string, country: string, lifecycleStage: LifecycleStage, segment: { id: string, name: string } | null, engagement: { score: number }, lifetimeValue: Array<{ amount: string, currency: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CampaignListQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CampaignListQuery = { campaigns: { edges: Array<{ node: { id: string, name: string, channel: Channel, status: CampaignStatus } }> } };

export type FunnelCountsFragment = { sent: number, delivered: number, opened: number, clicked: number, converted: number, deliveryRate: number | null, openRate: number | null, clickThroughRate: number | null, conversionRate: number | null };

export type CampaignFunnelQueryVariables = Exact<{
  id: string | number;
}>;


export type CampaignFunnelQuery = { campaign: { id: string, name: string, channel: Channel, status: CampaignStatus, spend: { amount: string, currency: string }, funnel: { sent: number, delivered: number, opened: number, clicked: number, converted: number, deliveryRate: number | null, openRate: number | null, clickThroughRate: number | null, conversionRate: number | null }, variants: Array<{ id: string, name: string, isControl: boolean, funnel: { sent: number, delivered: number, opened: number, clicked: number, converted: number, deliveryRate: number | null, openRate: number | null, clickThroughRate: number | null, conversionRate: number | null } }>, abTest: { verdict: string, significant: boolean, winner: { id: string, name: string } | null } | null } | null };

export type CampaignPerformanceQueryVariables = Exact<{
  model: AttributionModel;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CampaignPerformanceQuery = { campaigns: { edges: Array<{ node: { id: string, name: string, channel: Channel, status: CampaignStatus, attributedOrders: number, roi: number | null, spend: { amount: string, currency: string }, funnel: { sent: number, delivered: number, opened: number, clicked: number, converted: number, openRate: number | null, clickThroughRate: number | null, conversionRate: number | null }, attribution: { model: AttributionModel, orders: number, roi: number | null, revenue: Array<{ amount: string, currency: string }> }, attributedRevenue: Array<{ amount: string, currency: string }>, abTest: { verdict: string, significant: boolean, winner: { id: string, name: string } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type Customer360Fragment = { id: string, firstName: string, lastName: string, email: string, country: string, lifecycleStage: LifecycleStage, orderCount: number, segment: { id: string, name: string } | null, consents: Array<{ channel: Channel, granted: boolean }>, latestNps: { score: number, respondedAt: string } | null, accountManager: { id: string, name: string, title: string } | null, lifetimeValue: Array<{ amount: string, currency: string }>, orders: Array<{ id: string, status: OrderStatus, placedAt: string, total: { amount: string, currency: string }, campaign: { id: string, name: string } | null }>, engagement: { score: number, lastTouchAt: string | null, touches: Array<{ type: EngagementType, occurredAt: string, campaign: { id: string, name: string } }> } };

export type Customer360ByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type Customer360ByIdQuery = { customer: { id: string, firstName: string, lastName: string, email: string, country: string, lifecycleStage: LifecycleStage, orderCount: number, segment: { id: string, name: string } | null, consents: Array<{ channel: Channel, granted: boolean }>, latestNps: { score: number, respondedAt: string } | null, accountManager: { id: string, name: string, title: string } | null, lifetimeValue: Array<{ amount: string, currency: string }>, orders: Array<{ id: string, status: OrderStatus, placedAt: string, total: { amount: string, currency: string }, campaign: { id: string, name: string } | null }>, engagement: { score: number, lastTouchAt: string | null, touches: Array<{ type: EngagementType, occurredAt: string, campaign: { id: string, name: string } }> } } | null };

export type Customer360ByEmailQueryVariables = Exact<{
  email: string;
}>;


export type Customer360ByEmailQuery = { customerByEmail: { id: string, firstName: string, lastName: string, email: string, country: string, lifecycleStage: LifecycleStage, orderCount: number, segment: { id: string, name: string } | null, consents: Array<{ channel: Channel, granted: boolean }>, latestNps: { score: number, respondedAt: string } | null, accountManager: { id: string, name: string, title: string } | null, lifetimeValue: Array<{ amount: string, currency: string }>, orders: Array<{ id: string, status: OrderStatus, placedAt: string, total: { amount: string, currency: string }, campaign: { id: string, name: string } | null }>, engagement: { score: number, lastTouchAt: string | null, touches: Array<{ type: EngagementType, occurredAt: string, campaign: { id: string, name: string } }> } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FunnelCountsFragmentDoc = new TypedDocumentString(`
    fragment FunnelCounts on Funnel {
  sent
  delivered
  opened
  clicked
  converted
  deliveryRate
  openRate
  clickThroughRate
  conversionRate
}
    `, {"fragmentName":"FunnelCounts"}) as unknown as TypedDocumentString<FunnelCountsFragment, unknown>;
export const Customer360FragmentDoc = new TypedDocumentString(`
    fragment Customer360 on Customer {
  id
  firstName
  lastName
  email
  country
  lifecycleStage
  segment {
    id
    name
  }
  consents {
    channel
    granted
  }
  latestNps {
    score
    respondedAt
  }
  accountManager {
    id
    name
    title
  }
  orderCount
  lifetimeValue {
    amount
    currency
  }
  orders(first: 5) {
    id
    status
    total {
      amount
      currency
    }
    placedAt
    campaign {
      id
      name
    }
  }
  engagement {
    score
    lastTouchAt
    touches(first: 5) {
      type
      occurredAt
      campaign {
        id
        name
      }
    }
  }
}
    `, {"fragmentName":"Customer360"}) as unknown as TypedDocumentString<Customer360Fragment, unknown>;
export const AudiencePageDocument = new TypedDocumentString(`
    query AudiencePage($channel: Channel!, $lifecycleStage: LifecycleStage, $segmentId: ID, $minNps: Int, $maxNps: Int, $first: Int, $after: String) {
  audience(
    channel: $channel
    lifecycleStage: $lifecycleStage
    segmentId: $segmentId
    minNps: $minNps
    maxNps: $maxNps
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        id
        email
        firstName
        lastName
        country
        lifecycleStage
        segment {
          id
          name
        }
        engagement {
          score
        }
        lifetimeValue {
          amount
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AudiencePageQuery, AudiencePageQueryVariables>;
export const CampaignListDocument = new TypedDocumentString(`
    query CampaignList($first: Int = 100) {
  campaigns(first: $first, orderBy: {field: STARTS_AT, direction: DESC}) {
    edges {
      node {
        id
        name
        channel
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignListQuery, CampaignListQueryVariables>;
export const CampaignFunnelDocument = new TypedDocumentString(`
    query CampaignFunnel($id: ID!) {
  campaign(id: $id) {
    id
    name
    channel
    status
    spend {
      amount
      currency
    }
    funnel {
      ...FunnelCounts
    }
    variants {
      id
      name
      isControl
      funnel {
        ...FunnelCounts
      }
    }
    abTest {
      verdict
      significant
      winner {
        id
        name
      }
    }
  }
}
    fragment FunnelCounts on Funnel {
  sent
  delivered
  opened
  clicked
  converted
  deliveryRate
  openRate
  clickThroughRate
  conversionRate
}`) as unknown as TypedDocumentString<CampaignFunnelQuery, CampaignFunnelQueryVariables>;
export const CampaignPerformanceDocument = new TypedDocumentString(`
    query CampaignPerformance($model: AttributionModel!, $from: DateTime, $to: DateTime, $first: Int = 50, $after: String) {
  campaigns(first: $first, after: $after) {
    edges {
      node {
        id
        name
        channel
        status
        spend {
          amount
          currency
        }
        funnel {
          sent
          delivered
          opened
          clicked
          converted
          openRate
          clickThroughRate
          conversionRate
        }
        attribution(model: $model, from: $from, to: $to) {
          model
          orders
          revenue {
            amount
            currency
          }
          roi
        }
        attributedOrders
        attributedRevenue {
          amount
          currency
        }
        roi
        abTest {
          verdict
          significant
          winner {
            id
            name
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignPerformanceQuery, CampaignPerformanceQueryVariables>;
export const Customer360ByIdDocument = new TypedDocumentString(`
    query Customer360ById($id: ID!) {
  customer(id: $id) {
    ...Customer360
  }
}
    fragment Customer360 on Customer {
  id
  firstName
  lastName
  email
  country
  lifecycleStage
  segment {
    id
    name
  }
  consents {
    channel
    granted
  }
  latestNps {
    score
    respondedAt
  }
  accountManager {
    id
    name
    title
  }
  orderCount
  lifetimeValue {
    amount
    currency
  }
  orders(first: 5) {
    id
    status
    total {
      amount
      currency
    }
    placedAt
    campaign {
      id
      name
    }
  }
  engagement {
    score
    lastTouchAt
    touches(first: 5) {
      type
      occurredAt
      campaign {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<Customer360ByIdQuery, Customer360ByIdQueryVariables>;
export const Customer360ByEmailDocument = new TypedDocumentString(`
    query Customer360ByEmail($email: String!) {
  customerByEmail(email: $email) {
    ...Customer360
  }
}
    fragment Customer360 on Customer {
  id
  firstName
  lastName
  email
  country
  lifecycleStage
  segment {
    id
    name
  }
  consents {
    channel
    granted
  }
  latestNps {
    score
    respondedAt
  }
  accountManager {
    id
    name
    title
  }
  orderCount
  lifetimeValue {
    amount
    currency
  }
  orders(first: 5) {
    id
    status
    total {
      amount
      currency
    }
    placedAt
    campaign {
      id
      name
    }
  }
  engagement {
    score
    lastTouchAt
    touches(first: 5) {
      type
      occurredAt
      campaign {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<Customer360ByEmailQuery, Customer360ByEmailQueryVariables>;