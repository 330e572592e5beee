import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRow, SegmentRow, ConsentRow, SatisfactionRow, EmployeeRef } from '../data/rows.ts';
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

/** Marketing channels a customer can consent to and a campaign can use. Shared enum (crm, campaigns). */
export type Channel =
  | 'EMAIL'
  | 'PHONE'
  | 'PUSH'
  | 'SMS';

/** A customer's current consent for one channel (owned by CRM). */
export type Consent = {
  __typename?: 'Consent';
  /** The marketing channel the consent is for. */
  channel: Channel;
  /** Whether the customer agreed (true) or refused or withdrew consent (false). */
  granted: Scalars['Boolean']['output'];
  /** When this consent was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Where the consent was captured, e.g. 'signup-form'. */
  source: Scalars['String']['output'];
};

/** A new customer. Owned by CRM. */
export type CreateCustomerInput = {
  /** The HR employee who manages the account. */
  accountManagerId?: InputMaybe<Scalars['ID']['input']>;
  /** Postal address. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['input'];
  /** Email address (unique among customers). */
  email: Scalars['String']['input'];
  /** Given name. */
  firstName: Scalars['String']['input'];
  /** Family name. */
  lastName: Scalars['String']['input'];
  /** Initial lifecycle stage (default LEAD). */
  lifecycleStage?: LifecycleStage;
  /** Phone number in E.164 form. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The segment to put the customer in. */
  segmentId?: InputMaybe<Scalars['ID']['input']>;
};

/** A person the company sells to. Owned by CRM: profile, contact (PII), segment, lifecycle, consent, satisfaction, account manager. */
export type Customer = {
  __typename?: 'Customer';
  /** The HR employee who manages this account. */
  accountManager?: Maybe<Employee>;
  /** PII: postal address, when known. */
  address?: Maybe<Scalars['String']['output']>;
  /** Current marketing consent per channel; channels never asked are absent. */
  consents: Array<Consent>;
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['output'];
  /** When the customer record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** PII: the customer's email address (unique). */
  email: Scalars['String']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** The customer's id (entity key). */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** The most recent NPS answer (0-10), if any. */
  latestNps?: Maybe<SatisfactionResponse>;
  /** Current lifecycle stage. */
  lifecycleStage: LifecycleStage;
  /** PII: phone number in E.164 form, when known. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Satisfaction answers (NPS and CSAT), newest first. */
  satisfactionResponses: Array<SatisfactionResponse>;
  /** The marketing segment the customer belongs to, if any. */
  segment?: Maybe<Segment>;
  /** When the customer record was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A person the company sells to. Owned by CRM: profile, contact (PII), segment, lifecycle, consent, satisfaction, account manager. */
export type CustomerSatisfactionResponsesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers (Relay connection). Owned by CRM. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers of this page, each with its cursor. */
  edges: Array<CustomerEdge>;
  /** Paging information for this page. */
  pageInfo: PageInfo;
};

/** One customer of a page, with its cursor. Owned by CRM. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Opaque cursor of this customer; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Filters for the customers query; every filter given must match. Owned by CRM. */
export type CustomerFilter = {
  /** Only customers managed by this HR employee. */
  accountManagerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only customers of this country (ISO 3166-1 alpha-2). */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Only customers in this lifecycle stage. */
  lifecycleStage?: InputMaybe<LifecycleStage>;
  /** Case-insensitive match on first name, last name or email. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only customers of this segment. */
  segmentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort order of the customers query (ties broken by id). Owned by CRM. */
export type CustomerOrder = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort by. */
  field: CustomerSortField;
};

/** Field customers can be sorted by. Owned by CRM. */
export type CustomerSortField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'LAST_NAME';

export type Employee = {
  __typename?: 'Employee';
  id: Scalars['ID']['output'];
  /** (crm) Customers whose account manager this employee is, ordered by id. */
  managedCustomers: CustomerConnection;
};


export type EmployeeManagedCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Width of a time-series bucket: a day, a week (from Monday) or a month (from the 1st). Shared enum (crm, campaigns, sales). */
export type Interval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** Number of a segment's customers in one lifecycle stage. Owned by CRM. */
export type LifecycleCount = {
  __typename?: 'LifecycleCount';
  /** Customers of the segment in that stage. */
  count: Scalars['Int']['output'];
  /** The lifecycle stage. */
  stage: LifecycleStage;
};

/** Where a customer stands in the sales lifecycle: lead, prospect, customer or churned. Owned by CRM. */
export type LifecycleStage =
  | 'CHURNED'
  | 'CUSTOMER'
  | 'LEAD'
  | 'PROSPECT';

/** Write entry points of every department; each field names the subgraph that resolves it. */
export type Mutation = {
  __typename?: 'Mutation';
  /** (crm) Creates a customer and returns it. */
  createCustomer: Customer;
  /** (crm) Sets the customer's current consent for a channel. */
  recordConsent: Consent;
  /** (crm) Stores NPS/CSAT answers in one transaction; all or nothing. */
  recordSatisfactionResponses: BulkWriteResult;
  /**
   * (crm) Applies a page of campaigns' engagement feed (at most 10,000 suppressions) and records
   * `position` as followed; idempotent: an older or repeated suppression changes nothing.
   */
  recordSuppressions: BulkWriteResult;
  /** (crm) Changes the given fields of a customer and returns it. */
  updateCustomer: Customer;
};


/** Write entry points of every department; each field names the subgraph that resolves it. */
export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


/** Write entry points of every department; each field names the subgraph that resolves it. */
export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


/** Write entry points of every department; each field names the subgraph that resolves it. */
export type MutationRecordSatisfactionResponsesArgs = {
  responses: Array<SatisfactionResponseInput>;
};


/** Write entry points of every department; each field names the subgraph that resolves it. */
export type MutationRecordSuppressionsArgs = {
  position: Scalars['String']['input'];
  suppressions: Array<SuppressionInput>;
};


/** Write entry points of every department; each field names the subgraph that resolves it. */
export type MutationUpdateCustomerArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCustomerInput;
};

/** NPS of one time bucket. Owned by CRM. */
export type NpsPoint = {
  __typename?: 'NpsPoint';
  /** Answers of 0 to 6. */
  detractors: Scalars['Int']['output'];
  /** % promoters minus % detractors, -100..100; null when there are no responses. */
  nps?: Maybe<Scalars['Float']['output']>;
  /** Start of the bucket (local midnight in the requested time zone). */
  periodStart: Scalars['DateTime']['output'];
  /** Answers of 9 or 10. */
  promoters: Scalars['Int']['output'];
  /** NPS answers in the bucket. */
  responses: Scalars['Int']['output'];
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

/** Read entry points of every department; each field names the subgraph that resolves it. */
export type Query = {
  __typename?: 'Query';
  /**
   * (crm) The customers a campaign on `channel` may legally target: a granted consent for the channel,
   * recorded after their latest unsubscribe or bounce on it (see recordSuppressions), and the
   * optional filters (latest NPS answer within [minNps, maxNps]). Ordered by id.
   */
  audience: CustomerConnection;
  /** (IT) This department's audit trail, newest first: every read of PII or HR review data and every write since `since`, optionally of one actor or kind; at most `first` (1-1000) entries. */
  crmAuditLog: Array<AuditEntry>;
  /** (crm) A customer by id; null when unknown. */
  customer?: Maybe<Customer>;
  /** (crm) A customer by email address; null when unknown. */
  customerByEmail?: Maybe<Customer>;
  /** (crm) Customers, filtered and sorted; at most 100 per page (default 20). */
  customers: CustomerConnection;
  /**
   * (crm) NPS per time bucket in [from, to), optionally for one segment. Buckets start at local
   * midnight (Mondays for weeks, the 1st for months) in `timeZone`, an IANA name.
   */
  npsTrend: Array<NpsPoint>;
  /** (crm) A segment by id; null when unknown. */
  segment?: Maybe<Segment>;
  /** (crm) All marketing segments. */
  segments: Array<Segment>;
  /** (crm) How far the suppressions projection has followed campaigns' engagement feed (an engagementFeed position). */
  suppressionFeedPosition?: Maybe<Scalars['String']['output']>;
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryAudienceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channel: Channel;
  first?: InputMaybe<Scalars['Int']['input']>;
  lifecycleStage?: InputMaybe<LifecycleStage>;
  maxNps?: InputMaybe<Scalars['Int']['input']>;
  minNps?: InputMaybe<Scalars['Int']['input']>;
  segmentId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryCrmAuditLogArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AuditKind>;
  since: Scalars['DateTime']['input'];
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryCustomerByEmailArgs = {
  email: Scalars['String']['input'];
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CustomerOrder>;
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QueryNpsTrendArgs = {
  from: Scalars['DateTime']['input'];
  interval?: Interval;
  segmentId?: InputMaybe<Scalars['ID']['input']>;
  timeZone?: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


/** Read entry points of every department; each field names the subgraph that resolves it. */
export type QuerySegmentArgs = {
  id: Scalars['ID']['input'];
};

/** A consent answer of a customer for one channel. Owned by CRM. */
export type RecordConsentInput = {
  /** The channel the consent is for. */
  channel: Channel;
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** true when the customer agrees, false when they refuse or withdraw. */
  granted: Scalars['Boolean']['input'];
  /** Where the consent was captured, e.g. 'signup-form'. */
  source: Scalars['String']['input'];
};

/** Kind of satisfaction survey question. Owned by CRM. */
export type SatisfactionKind =
  /** Customer satisfaction question, 1-5. */
  | 'CSAT'
  /** Net Promoter Score question, 0-10. */
  | 'NPS';

/** One NPS or CSAT answer (owned by CRM). */
export type SatisfactionResponse = {
  __typename?: 'SatisfactionResponse';
  /** Free-text comment, if any. */
  comment?: Maybe<Scalars['String']['output']>;
  /** The response's id. */
  id: Scalars['ID']['output'];
  /** NPS or CSAT. */
  kind: SatisfactionKind;
  /** When the customer answered. */
  respondedAt: Scalars['DateTime']['output'];
  /** The answer: 0-10 for NPS, 1-5 for CSAT. */
  score: Scalars['Int']['output'];
};

/** An NPS or CSAT answer to store. Owned by CRM. */
export type SatisfactionResponseInput = {
  /** Client-chosen idempotency key: a retried batch stores each response once. */
  clientKey: Scalars['String']['input'];
  /** Free-text comment. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The customer who answered. */
  customerId: Scalars['ID']['input'];
  /** NPS or CSAT. */
  kind: SatisfactionKind;
  /** When the customer answered. */
  respondedAt: Scalars['DateTime']['input'];
  /** The answer: 0-10 for NPS, 1-5 for CSAT. */
  score: Scalars['Int']['input'];
};

/** A marketing segment of customers. Owned by CRM. */
export type Segment = {
  __typename?: 'Segment';
  /** Number of customers in the segment. */
  customerCount: Scalars['Int']['output'];
  /** What the segment groups. */
  description: Scalars['String']['output'];
  /** The segment's id (entity key). */
  id: Scalars['ID']['output'];
  /** Customers of this segment per lifecycle stage (stages with no customer are omitted). */
  lifecycleBreakdown: Array<LifecycleCount>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** NPS over all NPS answers of the segment's customers: % promoters (9-10) minus % detractors (0-6); null without answers. */
  nps?: Maybe<Scalars['Float']['output']>;
};

/** Sort order of a list: ascending or descending. Shared enum, defined by every subgraph. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** An unsubscribe or bounce, as campaigns' engagement feed reports it. Owned by CRM. */
export type SuppressionInput = {
  /** The channel the event happened on. */
  channel: Channel;
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** When the event happened. */
  occurredAt: Scalars['DateTime']['input'];
  /** Unsubscribe or bounce. */
  reason: SuppressionReason;
  /** The campaign whose event caused it. */
  source: Scalars['String']['input'];
};

/** Why a customer is suppressed on a channel. Owned by CRM. */
export type SuppressionReason =
  | 'BOUNCED'
  | 'UNSUBSCRIBED';

/** Only the fields given are changed; null clears an optional field. Owned by CRM. */
export type UpdateCustomerInput = {
  /** New account manager (HR employee); null clears it. */
  accountManagerId?: InputMaybe<Scalars['ID']['input']>;
  /** New postal address; null clears it. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** New ISO 3166-1 alpha-2 country code. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** New email address (unique among customers). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** New given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** New family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** New lifecycle stage. */
  lifecycleStage?: InputMaybe<LifecycleStage>;
  /** New phone number in E.164 form; null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** New segment; null removes the customer from its segment. */
  segmentId?: InputMaybe<Scalars['ID']['input']>;
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
  Customer: Customer;
  Employee: Employee;
  Segment: Segment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Employee:
    ( { __typename: 'Employee' }
    & GraphQLRecursivePick<FederationTypes['Employee'], {"id":true}> );
  Segment:
    ( { __typename: 'Segment' }
    & GraphQLRecursivePick<FederationTypes['Segment'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditKind: AuditKind;
  BulkWriteResult: ResolverTypeWrapper<BulkWriteResult>;
  CacheControlScope: CacheControlScope;
  Channel: Channel;
  Consent: ResolverTypeWrapper<ConsentRow>;
  CreateCustomerInput: CreateCustomerInput;
  Customer: ResolverTypeWrapper<CustomerRow>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFilter: CustomerFilter;
  CustomerOrder: CustomerOrder;
  CustomerSortField: CustomerSortField;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Employee: ResolverTypeWrapper<EmployeeRef>;
  Interval: Interval;
  LifecycleCount: ResolverTypeWrapper<LifecycleCount>;
  LifecycleStage: LifecycleStage;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NpsPoint: ResolverTypeWrapper<NpsPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordConsentInput: RecordConsentInput;
  SatisfactionKind: SatisfactionKind;
  SatisfactionResponse: ResolverTypeWrapper<SatisfactionRow>;
  SatisfactionResponseInput: SatisfactionResponseInput;
  Segment: ResolverTypeWrapper<SegmentRow>;
  SortDirection: SortDirection;
  SuppressionInput: SuppressionInput;
  SuppressionReason: SuppressionReason;
  UpdateCustomerInput: UpdateCustomerInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  BulkWriteResult: BulkWriteResult;
  Consent: ConsentRow;
  CreateCustomerInput: CreateCustomerInput;
  Customer: CustomerRow;
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFilter: CustomerFilter;
  CustomerOrder: CustomerOrder;
  DateTime: Scalars['DateTime']['output'];
  Employee: EmployeeRef;
  LifecycleCount: LifecycleCount;
  Mutation: Record<PropertyKey, never>;
  NpsPoint: NpsPoint;
  Float: Scalars['Float']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RecordConsentInput: RecordConsentInput;
  SatisfactionResponse: SatisfactionRow;
  SatisfactionResponseInput: SatisfactionResponseInput;
  Segment: SegmentRow;
  SuppressionInput: SuppressionInput;
  UpdateCustomerInput: UpdateCustomerInput;
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

export type BulkWriteResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BulkWriteResult'] = ResolversParentTypes['BulkWriteResult']> = {
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConsentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent']> = {
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  granted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountManager?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consents?: Resolver<Array<ResolversTypes['Consent']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latestNps?: Resolver<Maybe<ResolversTypes['SatisfactionResponse']>, ParentType, ContextType>;
  lifecycleStage?: Resolver<ResolversTypes['LifecycleStage'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  satisfactionResponses?: Resolver<Array<ResolversTypes['SatisfactionResponse']>, ParentType, ContextType, RequireFields<CustomerSatisfactionResponsesArgs, 'first'>>;
  segment?: Resolver<Maybe<ResolversTypes['Segment']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmployeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Employee'] = ResolversParentTypes['Employee'], FederationReferenceType extends FederationReferenceTypes['Employee'] = FederationReferenceTypes['Employee']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Employee']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  managedCustomers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<EmployeeManagedCustomersArgs>>;
};

export type LifecycleCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LifecycleCount'] = ResolversParentTypes['LifecycleCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['LifecycleStage'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input'>>;
  recordConsent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType, RequireFields<MutationRecordConsentArgs, 'input'>>;
  recordSatisfactionResponses?: Resolver<ResolversTypes['BulkWriteResult'], ParentType, ContextType, RequireFields<MutationRecordSatisfactionResponsesArgs, 'responses'>>;
  recordSuppressions?: Resolver<ResolversTypes['BulkWriteResult'], ParentType, ContextType, RequireFields<MutationRecordSuppressionsArgs, 'position' | 'suppressions'>>;
  updateCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationUpdateCustomerArgs, 'id' | 'input'>>;
};

export type NpsPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NpsPoint'] = ResolversParentTypes['NpsPoint']> = {
  detractors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nps?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  promoters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  responses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  audience?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryAudienceArgs, 'channel'>>;
  crmAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryCrmAuditLogArgs, 'first' | 'since'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customerByEmail?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerByEmailArgs, 'email'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<QueryCustomersArgs>>;
  npsTrend?: Resolver<Array<ResolversTypes['NpsPoint']>, ParentType, ContextType, RequireFields<QueryNpsTrendArgs, 'from' | 'interval' | 'timeZone' | 'to'>>;
  segment?: Resolver<Maybe<ResolversTypes['Segment']>, ParentType, ContextType, RequireFields<QuerySegmentArgs, 'id'>>;
  segments?: Resolver<Array<ResolversTypes['Segment']>, ParentType, ContextType>;
  suppressionFeedPosition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SatisfactionResponseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SatisfactionResponse'] = ResolversParentTypes['SatisfactionResponse']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SatisfactionKind'], ParentType, ContextType>;
  respondedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SegmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Segment'] = ResolversParentTypes['Segment'], FederationReferenceType extends FederationReferenceTypes['Segment'] = FederationReferenceTypes['Segment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Segment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lifecycleBreakdown?: Resolver<Array<ResolversTypes['LifecycleCount']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nps?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BulkWriteResult?: BulkWriteResultResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Employee?: EmployeeResolvers<ContextType>;
  LifecycleCount?: LifecycleCountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NpsPoint?: NpsPointResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SatisfactionResponse?: SatisfactionResponseResolvers<ContextType>;
  Segment?: SegmentResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
