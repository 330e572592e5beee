import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EmployeeRow, QuotaRow, ReviewRow } from '../data/rows.ts';
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

/** An employee's department. Owned by HR. */
export type Department =
  | 'HR'
  | 'IT'
  | 'MARKETING'
  | 'SALES'
  | 'SUPPORT';

/** A person employed by the company. Owned by HR: name, title, department, manager/reports, quotas, performance reviews. */
export type Employee = {
  __typename?: 'Employee';
  /** The department the employee works in. */
  department: Department;
  /** Work email address. */
  email: Scalars['String']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** When the employee was hired. */
  hiredAt: Scalars['DateTime']['output'];
  /** The employee's id (entity key). */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** The most recent performance review. */
  latestReview?: Maybe<PerformanceReview>;
  /** The employee's manager; null at the top of the hierarchy. */
  manager?: Maybe<Employee>;
  /** First and last name. */
  name: Scalars['String']['output'];
  /** The quota for a period (YYYY, YYYY-Qn or YYYY-MM), if one is set. */
  quota?: Maybe<Quota>;
  /** All quotas, latest period first. */
  quotas: Array<Quota>;
  /** Direct reports, ordered by id. */
  reports: Array<Employee>;
  /** Performance reviews, newest first. */
  reviews: Array<PerformanceReview>;
  /** Job title. */
  title: Scalars['String']['output'];
};


/** A person employed by the company. Owned by HR: name, title, department, manager/reports, quotas, performance reviews. */
export type EmployeeQuotaArgs = {
  period: Scalars['String']['input'];
};

/** A page of employees (Relay connection). Owned by HR. */
export type EmployeeConnection = {
  __typename?: 'EmployeeConnection';
  /** The employees of this page, each with its cursor. */
  edges: Array<EmployeeEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
};

/** One employee of a page, with its cursor. Owned by HR. */
export type EmployeeEdge = {
  __typename?: 'EmployeeEdge';
  /** Opaque cursor of this employee; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The employee. */
  node: Employee;
};

/** Filters for the employees query; every filter given must match. Owned by HR. */
export type EmployeeFilter = {
  /** Only employees of this department. */
  department?: InputMaybe<Department>;
  /** Only direct reports of this employee. */
  managerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort order of the employees query (ties broken by id). Owned by HR. */
export type EmployeeOrder = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort by. */
  field: EmployeeSortField;
};

/** Field employees can be sorted by. Owned by HR. */
export type EmployeeSortField =
  | 'HIRED_AT'
  | 'LAST_NAME';

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
  /** (hr) Records a performance review; idempotent by clientKey. */
  recordPerformanceReview: PerformanceReview;
  /** (hr) Creates or replaces the quota of an employee for a period. */
  setQuota: Quota;
};


export type MutationRecordPerformanceReviewArgs = {
  input: PerformanceReviewInput;
};


export type MutationSetQuotaArgs = {
  input: SetQuotaInput;
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

/** A performance review (owned by HR). */
export type PerformanceReview = {
  __typename?: 'PerformanceReview';
  /** The employee reviewed. */
  employee: Employee;
  /** The review's id. */
  id: Scalars['ID']['output'];
  /** Review period, e.g. 2026-H1. */
  period: Scalars['String']['output'];
  /** 1 (below expectations) to 5 (outstanding). */
  rating: Scalars['Int']['output'];
  /** When the review was made. */
  reviewedAt: Scalars['DateTime']['output'];
  /** The employee who wrote the review, if recorded. */
  reviewer?: Maybe<Employee>;
  /** The reviewer's summary. */
  summary: Scalars['String']['output'];
};

/** A performance review to record. Owned by HR. */
export type PerformanceReviewInput = {
  /** Client-chosen idempotency key: a retried request stores the review once. */
  clientKey: Scalars['String']['input'];
  /** The employee reviewed. */
  employeeId: Scalars['ID']['input'];
  /** Review period, e.g. 2026-H1. */
  period: Scalars['String']['input'];
  /** 1 (below expectations) to 5 (outstanding). */
  rating: Scalars['Int']['input'];
  /** When the review was made. */
  reviewedAt: Scalars['DateTime']['input'];
  /** The employee who wrote the review. */
  reviewerId?: InputMaybe<Scalars['ID']['input']>;
  /** The reviewer's summary. */
  summary: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** (hr) An employee by id; null when unknown. */
  employee?: Maybe<Employee>;
  /** (hr) Employees, filtered and sorted; at most 100 per page (default 20). */
  employees: EmployeeConnection;
  /** (IT) This department's audit trail, newest first: every read of PII or HR review data and every write since `since`, optionally of one actor or kind; at most `first` (1-1000) entries. */
  hrAuditLog: Array<AuditEntry>;
};


export type QueryEmployeeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EmployeeOrder>;
};


export type QueryHrAuditLogArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AuditKind>;
  since: Scalars['DateTime']['input'];
};

/** A sales quota of one employee for one period. Owned by HR. */
export type Quota = {
  __typename?: 'Quota';
  /** The employee the quota is for. */
  employee: Employee;
  /** The employee's id (part of the entity key). */
  employeeId: Scalars['ID']['output'];
  /** YYYY, YYYY-Qn or YYYY-MM. */
  period: Scalars['String']['output'];
  /** The revenue target for the period. */
  target: Money;
};

/** A quota to set for an employee and period. Owned by HR. */
export type SetQuotaInput = {
  /** The employee. */
  employeeId: Scalars['ID']['input'];
  /** YYYY, YYYY-Qn or YYYY-MM. */
  period: Scalars['String']['input'];
  /** The revenue target. */
  target: MoneyInput;
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
  Employee: Employee;
  Quota: Quota;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Employee:
    ( { __typename: 'Employee' }
    & GraphQLRecursivePick<FederationTypes['Employee'], {"id":true}> );
  Quota:
    ( { __typename: 'Quota' }
    & GraphQLRecursivePick<FederationTypes['Quota'], {"employeeId":true,"period":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditKind: AuditKind;
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Department: Department;
  Employee: ResolverTypeWrapper<EmployeeRow>;
  EmployeeConnection: ResolverTypeWrapper<Omit<EmployeeConnection, 'edges'> & { edges: Array<ResolversTypes['EmployeeEdge']> }>;
  EmployeeEdge: ResolverTypeWrapper<Omit<EmployeeEdge, 'node'> & { node: ResolversTypes['Employee'] }>;
  EmployeeFilter: EmployeeFilter;
  EmployeeOrder: EmployeeOrder;
  EmployeeSortField: EmployeeSortField;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PerformanceReview: ResolverTypeWrapper<ReviewRow>;
  PerformanceReviewInput: PerformanceReviewInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quota: ResolverTypeWrapper<QuotaRow>;
  SetQuotaInput: SetQuotaInput;
  SortDirection: SortDirection;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Employee: EmployeeRow;
  EmployeeConnection: Omit<EmployeeConnection, 'edges'> & { edges: Array<ResolversParentTypes['EmployeeEdge']> };
  EmployeeEdge: Omit<EmployeeEdge, 'node'> & { node: ResolversParentTypes['Employee'] };
  EmployeeFilter: EmployeeFilter;
  EmployeeOrder: EmployeeOrder;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PerformanceReview: ReviewRow;
  PerformanceReviewInput: PerformanceReviewInput;
  Query: Record<PropertyKey, never>;
  Quota: QuotaRow;
  SetQuotaInput: SetQuotaInput;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmployeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Employee'] = ResolversParentTypes['Employee'], FederationReferenceType extends FederationReferenceTypes['Employee'] = FederationReferenceTypes['Employee']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Employee']> | FederationReferenceType, FederationReferenceType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hiredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latestReview?: Resolver<Maybe<ResolversTypes['PerformanceReview']>, ParentType, ContextType>;
  manager?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quota?: Resolver<Maybe<ResolversTypes['Quota']>, ParentType, ContextType, RequireFields<EmployeeQuotaArgs, 'period'>>;
  quotas?: Resolver<Array<ResolversTypes['Quota']>, ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Employee']>, ParentType, ContextType>;
  reviews?: Resolver<Array<ResolversTypes['PerformanceReview']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EmployeeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmployeeConnection'] = ResolversParentTypes['EmployeeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EmployeeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EmployeeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmployeeEdge'] = ResolversParentTypes['EmployeeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordPerformanceReview?: Resolver<ResolversTypes['PerformanceReview'], ParentType, ContextType, RequireFields<MutationRecordPerformanceReviewArgs, 'input'>>;
  setQuota?: Resolver<ResolversTypes['Quota'], ParentType, ContextType, RequireFields<MutationSetQuotaArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PerformanceReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PerformanceReview'] = ResolversParentTypes['PerformanceReview']> = {
  employee?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  employee?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType, RequireFields<QueryEmployeeArgs, 'id'>>;
  employees?: Resolver<ResolversTypes['EmployeeConnection'], ParentType, ContextType, Partial<QueryEmployeesArgs>>;
  hrAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryHrAuditLogArgs, 'first' | 'since'>>;
};

export type QuotaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quota'] = ResolversParentTypes['Quota'], FederationReferenceType extends FederationReferenceTypes['Quota'] = FederationReferenceTypes['Quota']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Quota']> | FederationReferenceType, FederationReferenceType, ContextType>;
  employee?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  employeeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Employee?: EmployeeResolvers<ContextType>;
  EmployeeConnection?: EmployeeConnectionResolvers<ContextType>;
  EmployeeEdge?: EmployeeEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PerformanceReview?: PerformanceReviewResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quota?: QuotaResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
