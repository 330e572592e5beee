import { readAuthRequirements, SECURITY_SPECS, type AuthRequirements } from '../../lib/authz/requirements.ts';
import { readCostDirectives, type CostModel } from './limits/cost-directives.ts';
import { stripLinkedFeatures } from './limits/strip.ts';
import { subgraphEndpoints, type SubgraphEndpoint } from './readiness.ts';

/** Features the gateway enforces itself; @apollo/gateway is given the supergraph without them. */
const ENFORCED_FEATURES = [...Object.values(SECURITY_SPECS), 'https://specs.apollo.dev/cost/'];

/** What the gateway derives from one supergraph, swapped as a whole on reload. */
export interface PreparedSupergraph {
  /** For @apollo/gateway: the supergraph without the features we enforce. */
  gatewaySdl: string;
  requirements: AuthRequirements;
  costs: CostModel;
  endpoints: SubgraphEndpoint[];
}

/** Reads a supergraph's auth and cost directives and routing; throws on SDL that does not parse. */
export function prepareSupergraph(supergraphSdl: string, overrides: Record<string, string>): PreparedSupergraph {
  return {
    gatewaySdl: stripLinkedFeatures(supergraphSdl, ENFORCED_FEATURES),
    requirements: readAuthRequirements(supergraphSdl),
    costs: readCostDirectives(supergraphSdl),
    endpoints: subgraphEndpoints(supergraphSdl, overrides),
  };
}

export function hasRequirements(p: PreparedSupergraph): boolean {
  return p.requirements.fields.size > 0 || p.requirements.types.size > 0;
}
