/**
 * The benchmark's workloads: DESIGN's query families, each with variables drawn at random per
 * request (ids read from the database), so no cache can answer from a handful of entries.
 */
import { Customer360ByIdDocument } from '../../client/src/__generated__/graphql.ts';
import type { Ids } from './data.ts';

export type WorkloadKey = 'single' | 'customer360' | 'campaign' | 'salesTeam' | 'list' | 'deep';

export interface Workload {
  key: WorkloadKey;
  title: string;
  /** What it asks, for the report. */
  description: string;
  query: string;
  /** Fresh variables for one request. */
  variables(): Record<string, unknown>;
  /** Fixed variables, for the answers every gateway must agree on before it is loaded. */
  sample: Record<string, unknown>;
}

/** Pools the variables are drawn from: ids from the database, cursors read from crm. */
export interface Pools extends Ids {
  /** Cursors of every customer in `customers(first:)`'s default order. */
  customerCursors: string[];
}

const PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
const MODELS = ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR', 'TIME_DECAY'];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

export const SINGLE_SUBGRAPH_QUERY = `query CustomerProfile($id: ID!) {
  customer(id: $id) {
    id firstName lastName country lifecycleStage createdAt
    segment { id name }
    consents { channel granted }
    latestNps { score respondedAt }
  }
}`;

const CAMPAIGN_QUERY = `query CampaignClosedLoop($id: ID!, $model: AttributionModel!) {
  campaign(id: $id) {
    id name channel status
    spend { amount currency }
    funnel { sent delivered opened clicked converted openRate clickThroughRate conversionRate }
    attribution(model: $model) { model orders revenue { amount currency } roi }
    attributedOrders
    attributedRevenue { amount currency }
    roi
    abTest { verdict significant winner { id name } }
  }
}`;

const SALES_TEAM_QUERY = `query SalesTeam($managerId: ID!, $period: String!) {
  employees(first: 20, filter: { department: SALES, managerId: $managerId }) {
    edges {
      node {
        id name title hiredAt
        manager { id name }
        quota(period: $period) {
          period
          target { amount currency }
          revenue { amount currency }
          dealsWon
          attainment
        }
      }
    }
  }
}`;

const LIST_QUERY = `query CustomerListPage($after: String) {
  customers(first: 20, after: $after) {
    edges { cursor node { id firstName lastName country lifecycleStage segment { id name } orderCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** crm -> hr -> sales, crm -> sales -> campaigns -> sales, crm -> campaigns -> hr, crm -> crm ... */
const DEEP_QUERY = `query DeepCustomer($id: ID!, $period: String!) {
  customer(id: $id) {
    id firstName lastName
    segment { id name }
    accountManager {
      id name title
      manager { id name title }
      quota(period: $period) { target { amount currency } revenue { amount currency } dealsWon attainment }
      ownedCampaigns { id name }
      managedCustomers(first: 5) {
        edges { node { id lifecycleStage orderCount engagement { score } } }
      }
    }
    orders(first: 5) {
      id status total { amount currency }
      salesRep { id name manager { id name } }
      campaign { id name funnel { converted } attributedOrders owner { id name } }
      lines { quantity product { sku name } }
    }
    engagement {
      score
      touches(first: 5) { type occurredAt campaign { id name owner { id name } } }
    }
  }
}`;

export function workloads(pools: Pools): Workload[] {
  const customer = () => pick(pools.customers);
  return [
    {
      key: 'single',
      title: 'Single subgraph (crm only)',
      description: 'a random customer\'s CRM profile: segment, consents, latest NPS; one crm fetch',
      query: SINGLE_SUBGRAPH_QUERY,
      variables: () => ({ id: customer() }),
      sample: { id: pools.customers[0] },
    },
    {
      key: 'customer360',
      title: 'Customer 360',
      description: 'client/operations/Customer360.graphql (Customer360ById) for a random customer: all four subgraphs',
      query: Customer360ByIdDocument.toString(),
      variables: () => ({ id: customer() }),
      sample: { id: pools.customers[0] },
    },
    {
      key: 'campaign',
      title: 'Campaign closed loop',
      description: 'a random campaign with spend, funnel, attribution under a random model, sales\' attributed orders/revenue, ROI and A/B verdict',
      query: CAMPAIGN_QUERY,
      variables: () => ({ id: pick(pools.campaigns), model: pick(MODELS) }),
      sample: { id: pools.campaigns[0], model: 'LAST_TOUCH' },
    },
    {
      key: 'salesTeam',
      title: 'Sales team performance',
      description: 'the SALES reports of a random manager with their quota, revenue, deals won and attainment for a random quarter',
      query: SALES_TEAM_QUERY,
      variables: () => ({ managerId: pick(pools.salesManagers), period: pick(PERIODS) }),
      sample: { managerId: pools.salesManagers[0], period: PERIODS[0] },
    },
    {
      key: 'list',
      title: 'List page',
      description: 'customers(first: 20) after a random cursor, each with segment (crm) and orderCount (sales)',
      query: LIST_QUERY,
      variables: () => ({ after: pick(pools.customerCursors) }),
      sample: { after: pools.customerCursors[0] },
    },
    {
      key: 'deep',
      title: 'Deep nested (all four subgraphs)',
      description: 'a random customer -> account manager (manager, quota, owned campaigns, managed customers with orders and engagement) -> orders (sales rep and manager, campaign with funnel, attribution and owner, products) -> touches (campaign owner)',
      query: DEEP_QUERY,
      variables: () => ({ id: customer(), period: pick(PERIODS) }),
      sample: { id: pools.customers[0], period: PERIODS[4] },
    },
  ];
}
