import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CampaignRow, VariantRow, EventRow, FunnelCounts, AbTestResult, VariantResultRow, EngagementRef, EntityRef, OrderAttributionRow, TouchCreditRow, CampaignAttributionRow } from '../data/rows.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time in UTC, e.g. 2026-03-01T12:00:00.000Z. Shared scalar, defined by every subgraph. */
  DateTime: { input: string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A/B result: each variant against the control, conversions over delivered customers,
 * two-sided two-proportion z-test at 95%. Owned by campaigns.
 */
export type AbTest = {
  __typename?: 'AbTest';
  /** The control variant. */
  control: Variant;
  /** Smallest delivered count each arm needs before a winner can be declared. */
  minimumSamplePerArm: Scalars['Int']['output'];
  /** One result per variant, the control first. */
  results: Array<VariantResult>;
  /** Whether a winner is declared (p < 0.05, positive lift, enough delivered per arm). */
  significant: Scalars['Boolean']['output'];
  /** Why there is or is not a winner yet. */
  verdict: Scalars['String']['output'];
  /** The significantly best variant; null while no variant is significantly better than the control. */
  winner?: Maybe<Variant>;
};

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

/** One audit record: who read sensitive data or wrote, when, through which operation. Shared value type, defined by every subgraph; each department keeps its own append-only trail. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The caller's token subject; null when anonymous. */
  actor?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The department whose data was read or written. */
  department: Scalars['String']['output'];
  /** Field coordinates read (e.g. Customer.email) or the mutation that wrote (e.g. Mutation.createCustomer). */
  fields: Array<Scalars['String']['output']>;
  /** The entry's id within its department's trail. */
  id: Scalars['ID']['output'];
  /** Read or write. */
  kind: AuditKind;
  /** The client's operation name. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** Ids of the records read or written. */
  recordIds: Array<Scalars['String']['output']>;
  /** The gateway's request id (x-request-id). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The caller's roles. */
  roles: Array<Scalars['String']['output']>;
};

/** What an audit entry records: a read of sensitive data, or a write. Shared enum, defined by every subgraph. */
export type AuditKind =
  /** A read of PII or HR review data. */
  | 'READ'
  /** A mutation. */
  | 'WRITE';

/** Outcome of an idempotent bulk write. Shared value type (crm, campaigns). */
export type BulkWriteResult = {
  __typename?: 'BulkWriteResult';
  /** Items whose client key was already stored (nothing written for them). */
  duplicates: Scalars['Int']['output'];
  /** Items sent in the call. */
  received: Scalars['Int']['output'];
  /** Items stored by this call. */
  stored: Scalars['Int']['output'];
};

/**
 * How widely a response holding this data may be cached (@cacheControl): PUBLIC, by any caller with
 * the same scopes; PRIVATE, only for the caller who got it. Gateway-internal, not part of the API.
 * Shared enum, defined by every subgraph.
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A marketing campaign. Owned by campaigns: channel, budget, spend, window, A/B variants, funnel. */
export type Campaign = {
  __typename?: 'Campaign';
  /** A/B test result; null when the campaign has fewer than two variants. */
  abTest?: Maybe<AbTest>;
  /**
   * Revenue marketing's touches claim for this campaign under an attribution model, over
   * orders placed in [from, to) (all time when omitted). See Order.attribution for the models.
   */
  attribution: CampaignAttribution;
  /** Planned budget. */
  budget: Money;
  /** The channel the campaign uses. */
  channel: Channel;
  /** End of the campaign window. */
  endsAt: Scalars['DateTime']['output'];
  /** Unique customers per funnel stage over all variants. */
  funnel: Funnel;
  /** The campaign's id (entity key). */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The HR employee who owns the campaign. */
  owner?: Maybe<Employee>;
  /** The CRM segment the campaign targets. */
  segment?: Maybe<Segment>;
  /** Amount spent so far. */
  spend: Money;
  /** Start of the campaign window. */
  startsAt: Scalars['DateTime']['output'];
  /** Current status. */
  status: CampaignStatus;
  /** A/B variants; empty when the campaign is not an A/B test. */
  variants: Array<Variant>;
};


/** A marketing campaign. Owned by campaigns: channel, budget, spend, window, A/B variants, funnel. */
export type CampaignAttributionArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  halfLifeDays?: Scalars['Float']['input'];
  lookbackDays?: Scalars['Int']['input'];
  model?: AttributionModel;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A campaign's attributed results under one model (owned by campaigns). */
export type CampaignAttribution = {
  __typename?: 'CampaignAttribution';
  /** Half-life of TIME_DECAY weights, in days. */
  halfLifeDays: Scalars['Float']['output'];
  /** Days before an order in which touches count. */
  lookbackDays: Scalars['Int']['output'];
  /** The attribution model used. */
  model: AttributionModel;
  /** Non-cancelled orders that gave this campaign a share of their revenue. */
  orders: Scalars['Int']['output'];
  /** Credited revenue, one entry per currency. */
  revenue: Array<Money>;
  /** (credited revenue in the spend's currency - spend) / spend; null when spend is 0. */
  roi?: Maybe<Scalars['Float']['output']>;
};

/** A page of campaigns (Relay connection). Owned by campaigns. */
export type CampaignConnection = {
  __typename?: 'CampaignConnection';
  /** The campaigns of this page, each with its cursor. */
  edges: Array<CampaignEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
};

/** One campaign of a page, with its cursor. Owned by campaigns. */
export type CampaignEdge = {
  __typename?: 'CampaignEdge';
  /** Opaque cursor of this campaign; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The campaign. */
  node: Campaign;
};

/** Filters for the campaigns query; every filter given must match. Owned by campaigns. */
export type CampaignFilter = {
  /** Only campaigns on this channel. */
  channel?: InputMaybe<Channel>;
  /** Only campaigns owned by this HR employee. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only campaigns targeting this CRM segment. */
  segmentId?: InputMaybe<Scalars['ID']['input']>;
  /** Only campaigns with this status. */
  status?: InputMaybe<CampaignStatus>;
};

/** Sort order of the campaigns query (ties broken by id). Owned by campaigns. */
export type CampaignOrder = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort by. */
  field: CampaignSortField;
};

/** Field campaigns can be sorted by. Owned by campaigns. */
export type CampaignSortField =
  | 'NAME'
  | 'STARTS_AT';

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

/** An order as sales' order feed describes it. Owned by campaigns. */
export type ConversionInput = {
  /** Whether the order is cancelled (a cancelled order credits nobody). */
  cancelled: Scalars['Boolean']['input'];
  /** The ordering customer. */
  customerId: Scalars['ID']['input'];
  /** The order's position in sales' order feed; a write older than the stored one is ignored. */
  feedPosition: Scalars['String']['input'];
  /** The sales order's id. */
  orderId: Scalars['ID']['input'];
  /** When the order was placed. */
  placedAt: Scalars['DateTime']['input'];
  /** Sales' direct source (promo/UTM campaign on the order). */
  sourceCampaignId?: InputMaybe<Scalars['ID']['input']>;
  /** The order total. */
  total: MoneyInput;
};

/** A new campaign. Owned by campaigns. */
export type CreateCampaignInput = {
  /** Planned budget. */
  budget: MoneyInput;
  /** The channel the campaign uses. */
  channel: Channel;
  /** End of the campaign window. */
  endsAt: Scalars['DateTime']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** The HR employee who owns the campaign. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** The CRM segment to target. */
  segmentId?: InputMaybe<Scalars['ID']['input']>;
  /** Start of the campaign window. */
  startsAt: Scalars['DateTime']['input'];
  /** Zero or at least two variants, exactly one of them the control. */
  variants?: Array<VariantInput>;
};

export type Customer = {
  __typename?: 'Customer';
  /** (campaigns) The customer's engagement with campaigns: score, last touch, touches. */
  engagement: Engagement;
  id: Scalars['ID']['output'];
};

export type Employee = {
  __typename?: 'Employee';
  id: Scalars['ID']['output'];
  /** (campaigns) Campaigns the employee owns, newest first. */
  ownedCampaigns: Array<Campaign>;
};

/** A customer's engagement with campaigns (owned by campaigns). */
export type Engagement = {
  __typename?: 'Engagement';
  /** When the customer's latest touch happened; null without touches. */
  lastTouchAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Weighted count of the customer's touches in the 90 days up to the latest one:
   * opened 1, clicked 3, converted 10, unsubscribed -10, bounced -2, others 0; floored at 0.
   */
  score: Scalars['Int']['output'];
  /** Most recent touches, newest first. */
  touches: Array<EngagementEvent>;
};


/** A customer's engagement with campaigns (owned by campaigns). */
export type EngagementTouchesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One touch of a campaign on a customer (owned by campaigns). */
export type EngagementEvent = {
  __typename?: 'EngagementEvent';
  /** The campaign of the touch. */
  campaign: Campaign;
  /** The customer touched (profile resolved by CRM). */
  customer: Customer;
  /** The event's id. */
  id: Scalars['ID']['output'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** What happened. */
  type: EngagementType;
  /** The A/B variant the customer got, if any. */
  variant?: Maybe<Variant>;
};

/** A campaign touch to record. Owned by campaigns. */
export type EngagementEventInput = {
  /** The campaign of the touch. */
  campaignId: Scalars['ID']['input'];
  /** Client-chosen idempotency key: a retried batch stores each event once. */
  clientKey: Scalars['String']['input'];
  /** The customer touched. */
  customerId: Scalars['ID']['input'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['input'];
  /** What happened. */
  type: EngagementType;
  /** The A/B variant the customer got, if any. */
  variantId?: InputMaybe<Scalars['ID']['input']>;
};

/** One page of the engagement feed. Owned by campaigns. */
export type EngagementFeedPage = {
  __typename?: 'EngagementFeedPage';
  /** Events of the requested types among those scanned, in write order. */
  events: Array<EngagementEvent>;
  /** Whether the scan was full, so more events may follow `position`. */
  hasMore: Scalars['Boolean']['output'];
  /** Where this page's scan stopped; pass it as `after` for the next page (`after` again when nothing new was scanned). */
  position?: Maybe<Scalars['String']['output']>;
};

/** Engagement of one time bucket: unique customers per event type within the bucket. Owned by campaigns. */
export type EngagementKpiPoint = {
  __typename?: 'EngagementKpiPoint';
  /** Unique customers who clicked within the bucket. */
  clicked: Scalars['Int']['output'];
  /** converted / delivered within the bucket; null when nobody was delivered. */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Unique customers who converted within the bucket. */
  converted: Scalars['Int']['output'];
  /** Unique customers delivered within the bucket. */
  delivered: Scalars['Int']['output'];
  /** Start of the bucket (local midnight in the requested time zone). */
  periodStart: Scalars['DateTime']['output'];
};

/** Kind of campaign touch on a customer. Owned by campaigns. */
export type EngagementType =
  | 'BOUNCED'
  | 'CLICKED'
  | 'CONVERTED'
  | 'DELIVERED'
  | 'OPENED'
  | 'SENT'
  | 'UNSUBSCRIBED';

/**
 * Unique customers reaching each stage. Rates are null when their denominator is 0:
 * deliveryRate = delivered/sent, openRate = opened/delivered, clickThroughRate = clicked/delivered,
 * clickToOpenRate = clicked/opened, conversionRate = converted/clicked,
 * unsubscribeRate = unsubscribed/delivered, bounceRate = bounced/sent. Owned by campaigns.
 */
export type Funnel = {
  __typename?: 'Funnel';
  /** bounced / sent; null when sent is 0. */
  bounceRate?: Maybe<Scalars['Float']['output']>;
  /** Customers whose delivery bounced. */
  bounced: Scalars['Int']['output'];
  /** clicked / delivered; null when delivered is 0. */
  clickThroughRate?: Maybe<Scalars['Float']['output']>;
  /** clicked / opened; null when opened is 0. */
  clickToOpenRate?: Maybe<Scalars['Float']['output']>;
  /** Customers who clicked. */
  clicked: Scalars['Int']['output'];
  /** converted / clicked; null when clicked is 0. */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Customers who converted. */
  converted: Scalars['Int']['output'];
  /** Customers it was delivered to. */
  delivered: Scalars['Int']['output'];
  /** delivered / sent; null when sent is 0. */
  deliveryRate?: Maybe<Scalars['Float']['output']>;
  /** opened / delivered; null when delivered is 0. */
  openRate?: Maybe<Scalars['Float']['output']>;
  /** Customers who opened it. */
  opened: Scalars['Int']['output'];
  /** Customers the campaign was sent to. */
  sent: Scalars['Int']['output'];
  /** unsubscribed / delivered; null when delivered is 0. */
  unsubscribeRate?: Maybe<Scalars['Float']['output']>;
  /** Customers who unsubscribed. */
  unsubscribed: Scalars['Int']['output'];
};

/** Width of a time-series bucket: a day, a week (from Monday) or a month (from the 1st). Shared enum (crm, campaigns, sales). */
export type Interval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** An exact amount of money: decimal string in the currency's minor-unit precision, plus ISO 4217 currency. Shared value type (campaigns, sales, hr). */
export type Money = {
  __typename?: 'Money';
  /** Exact decimal amount as a string in the currency's minor-unit precision, e.g. 1500.00. */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, e.g. EUR. */
  currency: Scalars['String']['output'];
};

/** An exact amount of money given as input. Shared input type (campaigns, hr). */
export type MoneyInput = {
  /** Decimal string, e.g. "1500.00". */
  amount: Scalars['String']['input'];
  /** ISO 4217 code, e.g. EUR. */
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** (campaigns) Creates a DRAFT campaign with its variants, nothing spent yet. */
  createCampaign: Campaign;
  /**
   * (campaigns) Applies a page of sales' order feed to the conversions projection (at most 5,000); idempotent:
   * a resent or older write stores nothing and counts as a duplicate.
   */
  recordConversions: BulkWriteResult;
  /** (campaigns) Records engagement events in one transaction (at most 10,000); all or nothing. */
  recordEngagementEvents: BulkWriteResult;
};


export type MutationCreateCampaignArgs = {
  input: CreateCampaignInput;
};


export type MutationRecordConversionsArgs = {
  conversions: Array<ConversionInput>;
};


export type MutationRecordEngagementEventsArgs = {
  events: Array<EngagementEventInput>;
};

export type Order = {
  __typename?: 'Order';
  /** (campaigns) Credits of the order's revenue to touches; null until the order reached campaigns through the order feed. */
  attribution?: Maybe<OrderAttribution>;
  id: Scalars['ID']['output'];
};


export type OrderAttributionArgs = {
  halfLifeDays?: Scalars['Float']['input'];
  lookbackDays?: Scalars['Int']['input'];
  model?: AttributionModel;
};

/** How one order's revenue is credited to campaign touches under one model. Owned by campaigns. */
export type OrderAttribution = {
  __typename?: 'OrderAttribution';
  /** One entry per touch in the window, oldest first; empty when no touch preceded the order or it was cancelled. */
  credits: Array<TouchCredit>;
  /** The attribution model used. */
  model: AttributionModel;
  /** The order total being credited. */
  total: Money;
};

/** Relay page information; shared by every list of the graph. Shared value type, defined by every subgraph. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page (pass it as `after` for the next page); null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether the page was requested with an `after` cursor (items precede it). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** (campaigns) A campaign by id; null when unknown. */
  campaign?: Maybe<Campaign>;
  /** (campaigns) Campaigns, filtered and sorted; at most 100 per page (default 20). */
  campaigns: CampaignConnection;
  /** (IT) This department's audit trail, newest first: every read of PII or HR review data and every write since `since`, optionally of one actor or kind; at most `first` (1-1000) entries. */
  campaignsAuditLog: Array<AuditEntry>;
  /** (campaigns) How far the conversions projection has followed sales' order feed (an orderFeed position). */
  conversionFeedPosition?: Maybe<Scalars['String']['output']>;
  /**
   * (campaigns) Engagement events in write order after `after`, scanning at most `first` (1..10000, default
   * 1000) events and returning those of `types`. Departments that keep a projection of
   * engagement (CRM's suppressions) follow campaigns with it.
   */
  engagementFeed: EngagementFeedPage;
  /**
   * (campaigns) Engagement per bucket in [from, to) (of one campaign, or all): buckets start at local
   * midnight (Mondays for weeks, the 1st for months) in `timeZone`, an IANA name.
   */
  engagementKpis: Array<EngagementKpiPoint>;
};


export type QueryCampaignArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCampaignsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CampaignFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CampaignOrder>;
};


export type QueryCampaignsAuditLogArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AuditKind>;
  since: Scalars['DateTime']['input'];
};


export type QueryEngagementFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types: Array<EngagementType>;
};


export type QueryEngagementKpisArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  interval?: Interval;
  timeZone?: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};

export type Segment = {
  __typename?: 'Segment';
  /** (campaigns) Campaigns targeting the segment, newest first. */
  campaigns: Array<Campaign>;
  id: Scalars['ID']['output'];
};

/** Sort order of a list: ascending or descending. Shared enum, defined by every subgraph. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** The share of an order's revenue credited to one touch. Owned by campaigns. */
export type TouchCredit = {
  __typename?: 'TouchCredit';
  /** The campaign of the touch. */
  campaign: Campaign;
  /** The amount credited, in exact cents of the order's currency. */
  credit: Money;
  /** The exact share of the order the model gives this touch, 0..1. */
  share: Scalars['Float']['output'];
  /** The engagement event credited. */
  touch: EngagementEvent;
};

/** One arm of a campaign's A/B test (owned by campaigns). */
export type Variant = {
  __typename?: 'Variant';
  /** Unique customers per funnel stage for this variant. */
  funnel: Funnel;
  /** The variant's id. */
  id: Scalars['ID']['output'];
  /** Whether this variant is the A/B test's control. */
  isControl: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** An A/B variant of a new campaign. Owned by campaigns. */
export type VariantInput = {
  /** Whether this variant is the control. */
  isControl: Scalars['Boolean']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
};

/** One variant's A/B figures against the control. Owned by campaigns. */
export type VariantResult = {
  __typename?: 'VariantResult';
  /** conversionRate - control's conversionRate; null for the control. */
  absoluteLift?: Maybe<Scalars['Float']['output']>;
  /** Upper bound of the 95% confidence interval of absoluteLift. */
  confidenceHigh?: Maybe<Scalars['Float']['output']>;
  /** Lower bound of the 95% confidence interval of absoluteLift. */
  confidenceLow?: Maybe<Scalars['Float']['output']>;
  /** converted / delivered; null when delivered is 0. */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Delivered customers who converted. */
  converted: Scalars['Int']['output'];
  /** Customers the variant was delivered to. */
  delivered: Scalars['Int']['output'];
  /** Two-sided p-value of the two-proportion z-test against the control; null for the control or when the test cannot be computed. */
  pValue?: Maybe<Scalars['Float']['output']>;
  /** absoluteLift / control's conversionRate; null for the control or when the control converts nobody. */
  relativeLift?: Maybe<Scalars['Float']['output']>;
  /** The variant. */
  variant: Variant;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Campaign: Campaign;
  Customer: Customer;
  Employee: Employee;
  Order: Order;
  Segment: Segment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Campaign:
    ( { __typename: 'Campaign' }
    & GraphQLRecursivePick<FederationTypes['Campaign'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Employee:
    ( { __typename: 'Employee' }
    & GraphQLRecursivePick<FederationTypes['Employee'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Segment:
    ( { __typename: 'Segment' }
    & GraphQLRecursivePick<FederationTypes['Segment'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AbTest: ResolverTypeWrapper<AbTestResult>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AttributionModel: AttributionModel;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditKind: AuditKind;
  BulkWriteResult: ResolverTypeWrapper<BulkWriteResult>;
  CacheControlScope: CacheControlScope;
  Campaign: ResolverTypeWrapper<CampaignRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CampaignAttribution: ResolverTypeWrapper<CampaignAttributionRow>;
  CampaignConnection: ResolverTypeWrapper<Omit<CampaignConnection, 'edges'> & { edges: Array<ResolversTypes['CampaignEdge']> }>;
  CampaignEdge: ResolverTypeWrapper<Omit<CampaignEdge, 'node'> & { node: ResolversTypes['Campaign'] }>;
  CampaignFilter: CampaignFilter;
  CampaignOrder: CampaignOrder;
  CampaignSortField: CampaignSortField;
  CampaignStatus: CampaignStatus;
  Channel: Channel;
  ConversionInput: ConversionInput;
  CreateCampaignInput: CreateCampaignInput;
  Customer: ResolverTypeWrapper<EntityRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Employee: ResolverTypeWrapper<EntityRef>;
  Engagement: ResolverTypeWrapper<EngagementRef>;
  EngagementEvent: ResolverTypeWrapper<EventRow>;
  EngagementEventInput: EngagementEventInput;
  EngagementFeedPage: ResolverTypeWrapper<Omit<EngagementFeedPage, 'events'> & { events: Array<ResolversTypes['EngagementEvent']> }>;
  EngagementKpiPoint: ResolverTypeWrapper<EngagementKpiPoint>;
  EngagementType: EngagementType;
  Funnel: ResolverTypeWrapper<FunnelCounts>;
  Interval: Interval;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<EntityRef>;
  OrderAttribution: ResolverTypeWrapper<OrderAttributionRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Segment: ResolverTypeWrapper<EntityRef>;
  SortDirection: SortDirection;
  TouchCredit: ResolverTypeWrapper<TouchCreditRow>;
  Variant: ResolverTypeWrapper<VariantRow>;
  VariantInput: VariantInput;
  VariantResult: ResolverTypeWrapper<VariantResultRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AbTest: AbTestResult;
  String: Scalars['String']['output'];
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  BulkWriteResult: BulkWriteResult;
  Campaign: CampaignRow;
  Float: Scalars['Float']['output'];
  CampaignAttribution: CampaignAttributionRow;
  CampaignConnection: Omit<CampaignConnection, 'edges'> & { edges: Array<ResolversParentTypes['CampaignEdge']> };
  CampaignEdge: Omit<CampaignEdge, 'node'> & { node: ResolversParentTypes['Campaign'] };
  CampaignFilter: CampaignFilter;
  CampaignOrder: CampaignOrder;
  ConversionInput: ConversionInput;
  CreateCampaignInput: CreateCampaignInput;
  Customer: EntityRef;
  DateTime: Scalars['DateTime']['output'];
  Employee: EntityRef;
  Engagement: EngagementRef;
  EngagementEvent: EventRow;
  EngagementEventInput: EngagementEventInput;
  EngagementFeedPage: Omit<EngagementFeedPage, 'events'> & { events: Array<ResolversParentTypes['EngagementEvent']> };
  EngagementKpiPoint: EngagementKpiPoint;
  Funnel: FunnelCounts;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Order: EntityRef;
  OrderAttribution: OrderAttributionRow;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Segment: EntityRef;
  TouchCredit: TouchCreditRow;
  Variant: VariantRow;
  VariantInput: VariantInput;
  VariantResult: VariantResultRow;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AbTestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AbTest'] = ResolversParentTypes['AbTest']> = {
  control?: Resolver<ResolversTypes['Variant'], ParentType, ContextType>;
  minimumSamplePerArm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['VariantResult']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['Variant']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AuditKind'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BulkWriteResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BulkWriteResult'] = ResolversParentTypes['BulkWriteResult']> = {
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CampaignResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Campaign'] = ResolversParentTypes['Campaign'], FederationReferenceType extends FederationReferenceTypes['Campaign'] = FederationReferenceTypes['Campaign']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Campaign']> | FederationReferenceType, FederationReferenceType, ContextType>;
  abTest?: Resolver<Maybe<ResolversTypes['AbTest']>, ParentType, ContextType>;
  attribution?: Resolver<ResolversTypes['CampaignAttribution'], ParentType, ContextType, RequireFields<CampaignAttributionArgs, 'halfLifeDays' | 'lookbackDays' | 'model'>>;
  budget?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  segment?: Resolver<Maybe<ResolversTypes['Segment']>, ParentType, ContextType>;
  spend?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CampaignStatus'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['Variant']>, ParentType, ContextType>;
};

export type CampaignAttributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CampaignAttribution'] = ResolversParentTypes['CampaignAttribution']> = {
  halfLifeDays?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lookbackDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['AttributionModel'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revenue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  roi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CampaignConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CampaignConnection'] = ResolversParentTypes['CampaignConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CampaignEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CampaignEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CampaignEdge'] = ResolversParentTypes['CampaignEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  engagement?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmployeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Employee'] = ResolversParentTypes['Employee'], FederationReferenceType extends FederationReferenceTypes['Employee'] = FederationReferenceTypes['Employee']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Employee']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownedCampaigns?: Resolver<Array<ResolversTypes['Campaign']>, ParentType, ContextType>;
};

export type EngagementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Engagement'] = ResolversParentTypes['Engagement']> = {
  lastTouchAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  touches?: Resolver<Array<ResolversTypes['EngagementEvent']>, ParentType, ContextType, RequireFields<EngagementTouchesArgs, 'first'>>;
};

export type EngagementEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EngagementEvent'] = ResolversParentTypes['EngagementEvent']> = {
  campaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EngagementType'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['Variant']>, ParentType, ContextType>;
};

export type EngagementFeedPageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EngagementFeedPage'] = ResolversParentTypes['EngagementFeedPage']> = {
  events?: Resolver<Array<ResolversTypes['EngagementEvent']>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EngagementKpiPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EngagementKpiPoint'] = ResolversParentTypes['EngagementKpiPoint']> = {
  clicked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  converted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type FunnelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Funnel'] = ResolversParentTypes['Funnel']> = {
  bounceRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bounced?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clickThroughRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clickToOpenRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  clicked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  converted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveryRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  openRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unsubscribeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unsubscribed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCampaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType, RequireFields<MutationCreateCampaignArgs, 'input'>>;
  recordConversions?: Resolver<ResolversTypes['BulkWriteResult'], ParentType, ContextType, RequireFields<MutationRecordConversionsArgs, 'conversions'>>;
  recordEngagementEvents?: Resolver<ResolversTypes['BulkWriteResult'], ParentType, ContextType, RequireFields<MutationRecordEngagementEventsArgs, 'events'>>;
};

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attribution?: Resolver<Maybe<ResolversTypes['OrderAttribution']>, ParentType, ContextType, RequireFields<OrderAttributionArgs, 'halfLifeDays' | 'lookbackDays' | 'model'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OrderAttributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderAttribution'] = ResolversParentTypes['OrderAttribution']> = {
  credits?: Resolver<Array<ResolversTypes['TouchCredit']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['AttributionModel'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  campaign?: Resolver<Maybe<ResolversTypes['Campaign']>, ParentType, ContextType, RequireFields<QueryCampaignArgs, 'id'>>;
  campaigns?: Resolver<ResolversTypes['CampaignConnection'], ParentType, ContextType, Partial<QueryCampaignsArgs>>;
  campaignsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryCampaignsAuditLogArgs, 'first' | 'since'>>;
  conversionFeedPosition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  engagementFeed?: Resolver<ResolversTypes['EngagementFeedPage'], ParentType, ContextType, RequireFields<QueryEngagementFeedArgs, 'first' | 'types'>>;
  engagementKpis?: Resolver<Array<ResolversTypes['EngagementKpiPoint']>, ParentType, ContextType, RequireFields<QueryEngagementKpisArgs, 'from' | 'interval' | 'timeZone' | 'to'>>;
};

export type SegmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Segment'] = ResolversParentTypes['Segment'], FederationReferenceType extends FederationReferenceTypes['Segment'] = FederationReferenceTypes['Segment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Segment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  campaigns?: Resolver<Array<ResolversTypes['Campaign']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TouchCreditResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TouchCredit'] = ResolversParentTypes['TouchCredit']> = {
  campaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  touch?: Resolver<ResolversTypes['EngagementEvent'], ParentType, ContextType>;
};

export type VariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Variant'] = ResolversParentTypes['Variant']> = {
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VariantResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantResult'] = ResolversParentTypes['VariantResult']> = {
  absoluteLift?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confidenceHigh?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confidenceLow?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  conversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  converted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  relativeLift?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['Variant'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AbTest?: AbTestResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BulkWriteResult?: BulkWriteResultResolvers<ContextType>;
  Campaign?: CampaignResolvers<ContextType>;
  CampaignAttribution?: CampaignAttributionResolvers<ContextType>;
  CampaignConnection?: CampaignConnectionResolvers<ContextType>;
  CampaignEdge?: CampaignEdgeResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Employee?: EmployeeResolvers<ContextType>;
  Engagement?: EngagementResolvers<ContextType>;
  EngagementEvent?: EngagementEventResolvers<ContextType>;
  EngagementFeedPage?: EngagementFeedPageResolvers<ContextType>;
  EngagementKpiPoint?: EngagementKpiPointResolvers<ContextType>;
  Funnel?: FunnelResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAttribution?: OrderAttributionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Segment?: SegmentResolvers<ContextType>;
  TouchCredit?: TouchCreditResolvers<ContextType>;
  Variant?: VariantResolvers<ContextType>;
  VariantResult?: VariantResultResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
