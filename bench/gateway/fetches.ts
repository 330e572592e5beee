/**
 * Subgraph fetches: how many the query planner plans for an operation (its fetch nodes: the
 * least a Federation gateway can send), and how many the subgraphs answered, from the
 * `allygraph_subgraph_request_duration_seconds_count` series of each one's /metrics.
 */
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';

/** Fetch nodes of the plan of `query` (an entity fetch over a list counts once, as it is sent once). */
export function plannedFetches(supergraphSdl: string, query: string): { total: number; bySubgraph: Record<string, number> } {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const plan: QueryPlan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
  const bySubgraph: Record<string, number> = {};
  const walk = (node: PlanNode | SubscriptionNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        bySubgraph[node.serviceName] = (bySubgraph[node.serviceName] ?? 0) + 1;
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        return;
      case 'Flatten':
        walk(node.node);
        return;
      case 'Condition':
        walk(node.ifClause);
        walk(node.elseClause);
        return;
      case 'Subscription':
        walk(node.primary);
        walk(node.rest);
        return;
      case 'Defer':
        walk(node.primary.node);
        node.deferred.forEach((d) => walk(d.node));
        return;
      default:
        throw new Error(`plan node ${(node as { kind: string }).kind} not counted`);
    }
  };
  walk(plan.node);
  return { total: Object.values(bySubgraph).reduce((a, b) => a + b, 0), bySubgraph };
}

/** GraphQL requests each subgraph has answered so far, by subgraph name. */
export async function answeredBySubgraph(urls: Record<string, string>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const res = await fetch(url.replace(/\/graphql$/, '/metrics'));
      if (!res.ok) throw new Error(`${name} /metrics answered ${res.status}`);
      let n = 0;
      for (const line of (await res.text()).split('\n')) {
        if (line.startsWith('allygraph_subgraph_request_duration_seconds_count')) n += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      out[name] = n;
    }),
  );
  return out;
}

/**
 * The counts once they stop moving (two reads `quietMs` apart agree, at most `maxMs`): requests
 * still in flight when a load run stops reach the subgraphs afterwards.
 */
export async function settledAnswers(urls: Record<string, string>, quietMs = 300, maxMs = 10_000): Promise<Record<string, number>> {
  const until = performance.now() + maxMs;
  let last = await answeredBySubgraph(urls);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await answeredBySubgraph(urls);
    if (JSON.stringify(now) === JSON.stringify(last) || performance.now() > until) return now;
    last = now;
  }
}
