import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRow, OrderLineRow, ProductRow, EntityRef, CampaignRef, QuotaRef } from '../data/rows.ts';
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

/**
 * How widely a response holding this data may be cached (@cacheControl): PUBLIC, by any caller with
 * the same scopes; PRIVATE, only for the caller who got it. Gateway-internal, not part of the API.
 * Shared enum, defined by every subgraph.
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type Campaign = {
  __typename?: 'Campaign';
  /** (sales) Non-cancelled orders whose direct source is this campaign. */
  attributedOrders: Scalars['Int']['output'];
  /** (sales) Revenue of the non-cancelled orders whose direct source is this campaign, one entry per currency. */
  attributedRevenue: Array<Money>;
  id: Scalars['ID']['output'];
  /** (sales) (revenue - spend) / spend over revenue in the spend's currency; null when spend is 0. */
  roi?: Maybe<Scalars['Float']['output']>;
  spend: Money;
};

export type Customer = {
  __typename?: 'Customer';
  /** (sales) When the customer's first non-cancelled order was placed; null without one. */
  firstOrderAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** (sales) When the customer's latest non-cancelled order was placed; null without one. */
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** (sales) Sum of non-cancelled order totals, one entry per currency. */
  lifetimeValue: Array<Money>;
  /** (sales) Non-cancelled orders. */
  orderCount: Scalars['Int']['output'];
  /** (sales) Most recent orders, newest first. */
  orders: Array<Order>;
};


export type CustomerOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Employee = {
  __typename?: 'Employee';
  id: Scalars['ID']['output'];
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

export type Mutation = {
  __typename?: 'Mutation';
  /** (sales) Places an order priced from the product catalogue; idempotent by clientKey. */
  placeOrder: Order;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};

/** A sales order. Owned by sales. Cancelled orders count toward nothing (revenue, deals, lifetime value). */
export type Order = {
  __typename?: 'Order';
  /** Direct source recorded by sales (promo/UTM campaign on the order), if any. */
  campaign?: Maybe<Campaign>;
  /** The customer who placed the order (profile resolved by CRM). */
  customer: Customer;
  /** Position of the order's latest write in the order feed. */
  feedPosition: Scalars['String']['output'];
  /** The order's id (entity key). */
  id: Scalars['ID']['output'];
  /** The order's lines, in line order. */
  lines: Array<OrderLine>;
  /** When the order was placed. */
  placedAt: Scalars['DateTime']['output'];
  /** The HR employee credited with the sale. */
  salesRep?: Maybe<Employee>;
  /** Current status. */
  status: OrderStatus;
  /** Order total: the sum of its line totals. */
  total: Money;
};

/** A page of orders (Relay connection). Owned by sales. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page, each with its cursor. */
  edges: Array<OrderEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
};

/** One order of a page, with its cursor. Owned by sales. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Opaque cursor of this order; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** One page of the order feed: orders in the order they were written. Owned by sales. */
export type OrderFeedPage = {
  __typename?: 'OrderFeedPage';
  /** Whether more orders follow this page. */
  hasMore: Scalars['Boolean']['output'];
  /** Orders written after `after`, in write order. */
  orders: Array<Order>;
  /** Position of the last order of the page; pass it as `after` for the next page (`after` again when the page is empty). */
  position?: Maybe<Scalars['String']['output']>;
};

/** Filters for the orders query; every filter given must match. Owned by sales. */
export type OrderFilter = {
  /** Only orders whose direct source is this campaign. */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Only orders of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Orders placed at or after this instant. */
  placedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Orders placed before this instant. */
  placedTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only orders credited to this HR employee. */
  salesRepId?: InputMaybe<Scalars['ID']['input']>;
  /** Only orders with this status. */
  status?: InputMaybe<OrderStatus>;
};

/** One line of an order: a product, a quantity and its price. Owned by sales. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** Line number within the order. */
  lineNo: Scalars['Int']['output'];
  /** unitPrice times quantity. */
  lineTotal: Money;
  /** The product ordered. */
  product: Product;
  /** Units ordered. */
  quantity: Scalars['Int']['output'];
  /** Catalogue price of one unit when the order was placed. */
  unitPrice: Money;
};

/** One line of a new order. Owned by sales. */
export type OrderLineInput = {
  /** Units ordered. */
  quantity: Scalars['Int']['input'];
  /** The product's SKU. */
  sku: Scalars['ID']['input'];
};

/** Sort order of the orders query (ties broken by id). Owned by sales. */
export type OrderOrder = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort by. */
  field: OrderSortField;
};

/** Field orders can be sorted by. Owned by sales. */
export type OrderSortField =
  | 'PLACED_AT'
  | 'TOTAL';

/** Lifecycle of an order; CANCELLED orders count toward nothing. Owned by sales. */
export type OrderStatus =
  | 'CANCELLED'
  | 'PAID'
  | 'PLACED'
  | 'SHIPPED';

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

/** A new order, priced from the product catalogue. Owned by sales. */
export type PlaceOrderInput = {
  /** Direct source campaign (promo/UTM), if any. */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Client-chosen idempotency key: placing the same key twice returns the first order. */
  clientKey: Scalars['String']['input'];
  /** ISO 4217 currency of the order; every product must be priced in it. */
  currency: Scalars['String']['input'];
  /** The ordering customer. */
  customerId: Scalars['ID']['input'];
  /** The products and quantities ordered. */
  lines: Array<OrderLineInput>;
  /** Defaults to now. */
  placedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The HR employee credited with the sale. */
  salesRepId?: InputMaybe<Scalars['ID']['input']>;
};

/** A product sold. Owned by sales. */
export type Product = {
  __typename?: 'Product';
  /** Product category. */
  category: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Current catalogue unit price. */
  price: Money;
  /** Stock-keeping unit (entity key). */
  sku: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** (sales) An order by id; null when unknown. */
  order?: Maybe<Order>;
  /**
   * (sales) Orders in write order after `after` (a position from a previous page), at most 1000 per page
   * (default 500). Departments that keep a projection of orders follow sales with it.
   */
  orderFeed: OrderFeedPage;
  /** (sales) Orders, filtered and sorted; at most 100 per page (default 20). */
  orders: OrderConnection;
  /** (sales) A product by SKU; null when unknown. */
  product?: Maybe<Product>;
  /** (sales) The product catalogue. */
  products: Array<Product>;
  /** (sales) Monthly retention cohorts (months of `timeZone`) for first orders in [from, to). */
  retentionCohorts: Array<RetentionCohort>;
  /** (IT) This department's audit trail, newest first: every read of PII or HR review data and every write since `since`, optionally of one actor or kind; at most `first` (1-1000) entries. */
  salesAuditLog: Array<AuditEntry>;
  /**
   * (sales) Revenue, orders and new customers per bucket in [from, to); buckets start at local midnight
   * (Mondays for weeks, the 1st for months) in `timeZone`, an IANA name.
   */
  salesKpis: Array<SalesKpiPoint>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderOrder>;
};


export type QueryProductArgs = {
  sku: Scalars['ID']['input'];
};


export type QueryRetentionCohortsArgs = {
  from: Scalars['DateTime']['input'];
  months?: Scalars['Int']['input'];
  timeZone?: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


export type QuerySalesAuditLogArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AuditKind>;
  since: Scalars['DateTime']['input'];
};


export type QuerySalesKpisArgs = {
  from: Scalars['DateTime']['input'];
  interval?: Interval;
  timeZone?: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};

export type Quota = {
  __typename?: 'Quota';
  /** (sales) revenue / target; null when the target is 0. */
  attainment?: Maybe<Scalars['Float']['output']>;
  /** (sales) Non-cancelled orders of the employee placed in the period. */
  dealsWon: Scalars['Int']['output'];
  employeeId: Scalars['ID']['output'];
  period: Scalars['String']['output'];
  /** (sales) Revenue of the employee's non-cancelled orders placed in the period, in the target's currency. */
  revenue: Money;
  target: Money;
};

/** Customers whose first order fell in one month, and how many ordered again N months later. Owned by sales. */
export type RetentionCohort = {
  __typename?: 'RetentionCohort';
  /** First-order month, YYYY-MM. */
  cohort: Scalars['String']['output'];
  /** Customers whose first order fell in the cohort month. */
  customers: Scalars['Int']['output'];
  /** retention[n] = share of the cohort with an order in month cohort+n (retention[0] is 1). */
  retention: Array<Scalars['Float']['output']>;
};

/** Sales figures of one time bucket (non-cancelled orders). Owned by sales. */
export type SalesKpiPoint = {
  __typename?: 'SalesKpiPoint';
  /** Customers whose first ever order falls in this bucket. */
  newCustomers: Scalars['Int']['output'];
  /** Non-cancelled orders placed in the bucket. */
  orders: Scalars['Int']['output'];
  /** Start of the bucket (local midnight in the requested time zone). */
  periodStart: Scalars['DateTime']['output'];
  /** Their revenue, one entry per currency. */
  revenue: Array<Money>;
};

/** Sort order of a list: ascending or descending. Shared enum, defined by every subgraph. */
export type SortDirection =
  | 'ASC'
  | 'DESC';



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
  Order: Order;
  Product: Product;
  Quota: Quota;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Campaign:
    ( { __typename: 'Campaign' }
    & GraphQLRecursivePick<FederationTypes['Campaign'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Campaign'], {"spend":{"amount":true,"currency":true}}> ) );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
  Quota:
    ( { __typename: 'Quota' }
    & GraphQLRecursivePick<FederationTypes['Quota'], {"employeeId":true,"period":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Quota'], {"target":{"amount":true,"currency":true}}>
        | GraphQLRecursivePick<FederationTypes['Quota'], {"target":{"currency":true}}>
        | GraphQLRecursivePick<FederationTypes['Quota'], {"target":{"currency":true}}> ) );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditKind: AuditKind;
  CacheControlScope: CacheControlScope;
  Campaign: ResolverTypeWrapper<CampaignRef>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Customer: ResolverTypeWrapper<EntityRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Employee: ResolverTypeWrapper<EntityRef>;
  Interval: Interval;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderFeedPage: ResolverTypeWrapper<Omit<OrderFeedPage, 'orders'> & { orders: Array<ResolversTypes['Order']> }>;
  OrderFilter: OrderFilter;
  OrderLine: ResolverTypeWrapper<OrderLineRow>;
  OrderLineInput: OrderLineInput;
  OrderOrder: OrderOrder;
  OrderSortField: OrderSortField;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlaceOrderInput: PlaceOrderInput;
  Product: ResolverTypeWrapper<ProductRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quota: ResolverTypeWrapper<QuotaRef>;
  RetentionCohort: ResolverTypeWrapper<RetentionCohort>;
  SalesKpiPoint: ResolverTypeWrapper<SalesKpiPoint>;
  SortDirection: SortDirection;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Campaign: CampaignRef;
  Float: Scalars['Float']['output'];
  Customer: EntityRef;
  DateTime: Scalars['DateTime']['output'];
  Employee: EntityRef;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFeedPage: Omit<OrderFeedPage, 'orders'> & { orders: Array<ResolversParentTypes['Order']> };
  OrderFilter: OrderFilter;
  OrderLine: OrderLineRow;
  OrderLineInput: OrderLineInput;
  OrderOrder: OrderOrder;
  PageInfo: PageInfo;
  PlaceOrderInput: PlaceOrderInput;
  Product: ProductRow;
  Query: Record<PropertyKey, never>;
  Quota: QuotaRef;
  RetentionCohort: RetentionCohort;
  SalesKpiPoint: SalesKpiPoint;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

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

export type CampaignResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Campaign'] = ResolversParentTypes['Campaign'], FederationReferenceType extends FederationReferenceTypes['Campaign'] = FederationReferenceTypes['Campaign']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Campaign']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attributedOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attributedRevenue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  firstOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lifetimeValue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmployeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Employee'] = ResolversParentTypes['Employee']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  placeOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
};

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  campaign?: Resolver<Maybe<ResolversTypes['Campaign']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  feedPosition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  salesRep?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderFeedPageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderFeedPage'] = ResolversParentTypes['OrderFeedPage']> = {
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  lineNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orderFeed?: Resolver<ResolversTypes['OrderFeedPage'], ParentType, ContextType, RequireFields<QueryOrderFeedArgs, 'first'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersArgs>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'sku'>>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  retentionCohorts?: Resolver<Array<ResolversTypes['RetentionCohort']>, ParentType, ContextType, RequireFields<QueryRetentionCohortsArgs, 'from' | 'months' | 'timeZone' | 'to'>>;
  salesAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QuerySalesAuditLogArgs, 'first' | 'since'>>;
  salesKpis?: Resolver<Array<ResolversTypes['SalesKpiPoint']>, ParentType, ContextType, RequireFields<QuerySalesKpisArgs, 'from' | 'interval' | 'timeZone' | 'to'>>;
};

export type QuotaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quota'] = ResolversParentTypes['Quota'], FederationReferenceType extends FederationReferenceTypes['Quota'] = FederationReferenceTypes['Quota']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quota']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attainment?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dealsWon?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  employeeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type RetentionCohortResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetentionCohort'] = ResolversParentTypes['RetentionCohort']> = {
  cohort?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SalesKpiPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesKpiPoint'] = ResolversParentTypes['SalesKpiPoint']> = {
  newCustomers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revenue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Campaign?: CampaignResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Employee?: EmployeeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderFeedPage?: OrderFeedPageResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quota?: QuotaResolvers<ContextType>;
  RetentionCohort?: RetentionCohortResolvers<ContextType>;
  SalesKpiPoint?: SalesKpiPointResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
