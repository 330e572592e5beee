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
  /** An ISO 8601 date-time in UTC, e.g. 2026-03-01T12:00:00.000Z. */
  DateTime: { input: string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Campaign = {
  __typename?: 'Campaign';
  /** Non-cancelled orders whose direct source is this campaign. */
  attributedOrders: Scalars['Int']['output'];
  /** Their revenue, one entry per currency. */
  attributedRevenue: Array<Money>;
  id: Scalars['ID']['output'];
  /** (revenue - spend) / spend over revenue in the spend's currency; null when spend is 0. */
  roi?: Maybe<Scalars['Float']['output']>;
  spend: Money;
};

export type Customer = {
  __typename?: 'Customer';
  firstOrderAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sum of non-cancelled order totals, one entry per currency. */
  lifetimeValue: Array<Money>;
  /** Non-cancelled orders. */
  orderCount: Scalars['Int']['output'];
  /** Most recent orders, newest first. */
  orders: Array<Order>;
};


export type CustomerOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Employee = {
  __typename?: 'Employee';
  id: Scalars['ID']['output'];
};

export type Interval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** An exact amount of money: decimal string in the currency's minor-unit precision, plus ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Places an order priced from the product catalogue; idempotent by clientKey. */
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
  customer: Customer;
  /** Position of the order's latest write in the order feed. */
  feedPosition: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  placedAt: Scalars['DateTime']['output'];
  /** The HR employee credited with the sale. */
  salesRep?: Maybe<Employee>;
  status: OrderStatus;
  total: Money;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

/** One page of the order feed: orders in the order they were written. */
export type OrderFeedPage = {
  __typename?: 'OrderFeedPage';
  hasMore: Scalars['Boolean']['output'];
  orders: Array<Order>;
  /** Position of the last order of the page; pass it as `after` for the next page (`after` again when the page is empty). */
  position?: Maybe<Scalars['String']['output']>;
};

export type OrderFilter = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Orders placed at or after this instant. */
  placedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Orders placed before this instant. */
  placedTo?: InputMaybe<Scalars['DateTime']['input']>;
  salesRepId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<OrderStatus>;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  lineNo: Scalars['Int']['output'];
  lineTotal: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
  unitPrice: Money;
};

export type OrderLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
};

export type OrderOrder = {
  direction?: SortDirection;
  field: OrderSortField;
};

export type OrderSortField =
  | 'PLACED_AT'
  | 'TOTAL';

export type OrderStatus =
  | 'CANCELLED'
  | 'PAID'
  | 'PLACED'
  | 'SHIPPED';

/** Relay page information; shared by every list of the graph. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PlaceOrderInput = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Client-chosen idempotency key: placing the same key twice returns the first order. */
  clientKey: Scalars['String']['input'];
  currency: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  lines: Array<OrderLineInput>;
  /** Defaults to now. */
  placedAt?: InputMaybe<Scalars['DateTime']['input']>;
  salesRepId?: InputMaybe<Scalars['ID']['input']>;
};

/** A product sold. Owned by sales. */
export type Product = {
  __typename?: 'Product';
  category: Scalars['String']['output'];
  name: Scalars['String']['output'];
  price: Money;
  sku: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  order?: Maybe<Order>;
  /**
   * Orders in write order after `after` (a position from a previous page), at most 1000 per page
   * (default 500). Departments that keep a projection of orders follow sales with it.
   */
  orderFeed: OrderFeedPage;
  /** Orders, filtered and sorted; at most 100 per page (default 20). */
  orders: OrderConnection;
  product?: Maybe<Product>;
  products: Array<Product>;
  /** Monthly retention cohorts (months of `timeZone`) for first orders in [from, to). */
  retentionCohorts: Array<RetentionCohort>;
  /**
   * Revenue, orders and new customers per bucket in [from, to); buckets start at local midnight
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


export type QuerySalesKpisArgs = {
  from: Scalars['DateTime']['input'];
  interval?: Interval;
  timeZone?: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};

export type Quota = {
  __typename?: 'Quota';
  /** revenue / target; null when the target is 0. */
  attainment?: Maybe<Scalars['Float']['output']>;
  /** Non-cancelled orders of the employee placed in the period. */
  dealsWon: Scalars['Int']['output'];
  employeeId: Scalars['ID']['output'];
  period: Scalars['String']['output'];
  /** Revenue of the employee's non-cancelled orders placed in the period, in the target's currency. */
  revenue: Money;
  target: Money;
};

/** Customers whose first order fell in one month, and how many ordered again N months later. */
export type RetentionCohort = {
  __typename?: 'RetentionCohort';
  /** First-order month, YYYY-MM. */
  cohort: Scalars['String']['output'];
  customers: Scalars['Int']['output'];
  /** retention[n] = share of the cohort with an order in month cohort+n (retention[0] is 1). */
  retention: Array<Scalars['Float']['output']>;
};

/** Sales figures of one time bucket (non-cancelled orders). */
export type SalesKpiPoint = {
  __typename?: 'SalesKpiPoint';
  /** Customers whose first ever order falls in this bucket. */
  newCustomers: Scalars['Int']['output'];
  orders: Scalars['Int']['output'];
  periodStart: Scalars['DateTime']['output'];
  revenue: Array<Money>;
};

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
  Campaign: ResolverTypeWrapper<CampaignRef>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Customer: ResolverTypeWrapper<EntityRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Employee: ResolverTypeWrapper<EntityRef>;
  Interval: Interval;
  Money: ResolverTypeWrapper<Money>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderFeedPage: ResolverTypeWrapper<Omit<OrderFeedPage, 'orders'> & { orders: Array<ResolversTypes['Order']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
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
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Campaign: CampaignRef;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  Customer: EntityRef;
  DateTime: Scalars['DateTime']['output'];
  Employee: EntityRef;
  Money: Money;
  String: Scalars['String']['output'];
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFeedPage: Omit<OrderFeedPage, 'orders'> & { orders: Array<ResolversParentTypes['Order']> };
  Boolean: Scalars['Boolean']['output'];
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

