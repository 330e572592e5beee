import { parseAmount } from '../../subgraphs/kit/src/money.ts';
import { UsageError, type JsonObject } from '../import/types.ts';
import type { ExportRow } from './format.ts';

/** A report: the GraphQL page to fetch, and how its nodes become flat rows. */
export interface Report {
  name: string;
  description: string;
  columns: readonly string[];
  /** Options the report takes (`--name value`), with defaults; null: required. */
  options: Readonly<Record<string, string | null>>;
  query: string;
  variables(options: Record<string, string>): JsonObject;
  /** The page's rows (after the report's own filters) and the cursor of the next page (null: last page). */
  page(data: JsonObject, variables: JsonObject, options: Record<string, string>): { rows: ExportRow[]; next: string | null };
}

interface Money {
  amount: string;
  currency: string;
}

const moneyText = (list: readonly Money[]) => list.map((m) => `${m.amount} ${m.currency}`).join('; ');
const optional = (value: string | undefined) => (value === undefined || value === '' ? null : value);
const int = (value: string | undefined) => (optional(value) === null ? null : Number(value));

interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function connection<N>(data: JsonObject, field: string): Connection<N> {
  return data[field] as unknown as Connection<N>;
}

interface AudienceNode {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  country: string;
  lifecycleStage: string;
  segment: { name: string } | null;
  engagement: { score: number };
  lifetimeValue: Money[];
}

interface CampaignNode {
  id: string;
  name: string;
  channel: string;
  status: string;
  spend: Money;
  funnel: { delivered: number; converted: number; conversionRate: number | null };
  attribution: { orders: number; revenue: Money[]; roi: number | null };
  attributedOrders: number;
  attributedRevenue: Money[];
  roi: number | null;
  abTest: { verdict: string } | null;
}

/**
 * Filters on what other departments know (campaigns' engagement score, sales' lifetime value),
 * applied to each page the gateway joined; CRM's audience already applied consent,
 * suppressions, segment, lifecycle and NPS.
 */
function engagementAndValue(options: Record<string, string>): (n: AudienceNode) => boolean {
  const minScore = int(options['min-engagement']);
  const value = optional(options['min-lifetime-value']);
  const match = value === null ? null : /^(\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value);
  if (value !== null && !match) throw new UsageError(`--min-lifetime-value must look like "100.00 EUR", got "${value}"`);
  if (minScore !== null && !Number.isInteger(minScore)) throw new UsageError(`--min-engagement must be an integer, got "${options['min-engagement']}"`);
  return (n) => {
    if (minScore !== null && n.engagement.score < minScore) return false;
    if (!match) return true;
    const [, amount, currency] = match;
    const ltv = n.lifetimeValue.find((m) => m.currency === currency);
    return ltv !== undefined && parseAmount('lifetimeValue', ltv.amount, currency) >= parseAmount('--min-lifetime-value', amount, currency);
  };
}

export const REPORTS: readonly Report[] = [
  {
    name: 'audience',
    description: 'customers a campaign may legally target on a channel (consented, not unsubscribed or bounced)',
    columns: ['id', 'email', 'firstName', 'lastName', 'country', 'lifecycleStage', 'segment', 'engagementScore', 'lifetimeValue'],
    options: { channel: null, segment: '', lifecycle: '', 'min-nps': '', 'max-nps': '', 'min-engagement': '', 'min-lifetime-value': '' },
    query: /* GraphQL */ `
      query ExportAudience($channel: Channel!, $segmentId: ID, $lifecycleStage: LifecycleStage, $minNps: Int, $maxNps: Int, $after: String) {
        page: audience(channel: $channel, segmentId: $segmentId, lifecycleStage: $lifecycleStage, minNps: $minNps, maxNps: $maxNps, first: 100, after: $after) {
          edges { node { id email firstName lastName country lifecycleStage segment { name } engagement { score } lifetimeValue { amount currency } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
    variables: (o) => ({
      channel: o.channel.toUpperCase(),
      segmentId: optional(o.segment),
      lifecycleStage: optional(o.lifecycle?.toUpperCase()),
      minNps: int(o['min-nps']),
      maxNps: int(o['max-nps']),
    }),
    page: (data, _variables, options) => {
      const c = connection<AudienceNode>(data, 'page');
      const keep = engagementAndValue(options);
      return {
        rows: c.edges.filter(({ node }) => keep(node)).map(({ node: n }) => ({
          id: n.id, email: n.email, firstName: n.firstName, lastName: n.lastName, country: n.country,
          lifecycleStage: n.lifecycleStage, segment: n.segment?.name ?? null, engagementScore: n.engagement.score,
          lifetimeValue: moneyText(n.lifetimeValue),
        })),
        next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null,
      };
    },
  },
  {
    name: 'campaigns',
    description: 'campaign closed loop: spend, funnel, attributed (model) and direct-source revenue, ROI, A/B verdict',
    columns: [
      'id', 'name', 'channel', 'status', 'spend', 'currency', 'delivered', 'converted', 'conversionRate',
      'model', 'attributedOrders', 'attributedRevenue', 'roi', 'directOrders', 'directRevenue', 'directRoi', 'abVerdict',
    ],
    options: { model: 'LAST_TOUCH', from: '', to: '', 'lookback-days': '30', 'half-life-days': '7' },
    query: /* GraphQL */ `
      query ExportCampaigns($model: AttributionModel!, $from: DateTime, $to: DateTime, $lookbackDays: Int!, $halfLifeDays: Float!, $after: String) {
        page: campaigns(first: 100, after: $after) {
          edges { node {
            id name channel status spend { amount currency }
            funnel { delivered converted conversionRate }
            attribution(model: $model, from: $from, to: $to, lookbackDays: $lookbackDays, halfLifeDays: $halfLifeDays) { orders revenue { amount currency } roi }
            attributedOrders attributedRevenue { amount currency } roi
            abTest { verdict }
          } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
    variables: (o) => ({
      model: o.model.toUpperCase(),
      from: optional(o.from),
      to: optional(o.to),
      lookbackDays: Number(o['lookback-days']),
      halfLifeDays: Number(o['half-life-days']),
    }),
    page: (data, variables) => {
      const c = connection<CampaignNode>(data, 'page');
      return {
        rows: c.edges.map(({ node: n }) => ({
          id: n.id, name: n.name, channel: n.channel, status: n.status, spend: n.spend.amount, currency: n.spend.currency,
          delivered: n.funnel.delivered, converted: n.funnel.converted, conversionRate: n.funnel.conversionRate,
          model: String(variables.model), attributedOrders: n.attribution.orders, attributedRevenue: moneyText(n.attribution.revenue),
          roi: n.attribution.roi, directOrders: n.attributedOrders, directRevenue: moneyText(n.attributedRevenue),
          directRoi: n.roi, abVerdict: n.abTest?.verdict ?? null,
        })),
        next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null,
      };
    },
  },
];
