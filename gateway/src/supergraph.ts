import { Kind, parse, type DocumentNode } from 'graphql';
import { readAuthRequirements, SECURITY_SPECS, type AuthRequirements } from '../../lib/authz/requirements.ts';
import { readCostDirectives, type CostModel } from './limits/cost-directives.ts';
import { readOutputTypes, type OutputTypes } from './shared-fetches.ts';
import { usesDemandControl } from './limits/plugin.ts';
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
  /** The supergraph uses demand control: answers report `extensions.cost`. */
  reportCost: boolean;
  endpoints: SubgraphEndpoint[];
  /** Enum types with @inaccessible values: what a subgraph returns may not be in the API schema. */
  hiddenEnums: ReadonlySet<string>;
  /** Every field's output type, to tell which subgraph fetches read audited data. */
  outputTypes: OutputTypes;
}

/** Reads a supergraph's auth and cost directives and routing; throws on SDL that does not parse. */
export function prepareSupergraph(supergraphSdl: string, overrides: Record<string, string>): PreparedSupergraph {
  const document = parse(supergraphSdl, { noLocation: true });
  const costs = readCostDirectives(supergraphSdl);
  return {
    reportCost: usesDemandControl(costs),
    hiddenEnums: enumsWithInaccessibleValues(document),
    gatewaySdl: stripLinkedFeatures(supergraphSdl, ENFORCED_FEATURES),
    requirements: readAuthRequirements(supergraphSdl),
    costs,
    endpoints: subgraphEndpoints(supergraphSdl, overrides),
    outputTypes: readOutputTypes(document),
  };
}

export function hasRequirements(p: PreparedSupergraph): boolean {
  return p.requirements.fields.size > 0 || p.requirements.types.size > 0;
}

/** Names of the enum types (or extensions) with a value marked by the inaccessible feature's directive. */
function enumsWithInaccessibleValues(document: DocumentNode): Set<string> {
  let directive: string | undefined;
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      const arg = (name: string) => link.arguments?.find((a) => a.name.value === name)?.value;
      const url = arg('url') ?? arg('feature'); // @link, or @core in Federation 1 supergraphs
      const as = arg('as');
      if ((link.name.value === 'link' || link.name.value === 'core') && url?.kind === Kind.STRING && url.value.includes('specs.apollo.dev/inaccessible/')) {
        directive = as?.kind === Kind.STRING ? as.value : 'inaccessible';
      }
    }
  }
  const hidden = new Set<string>();
  if (!directive) return hidden;
  for (const def of document.definitions) {
    if ((def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) && def.values?.some((v) => v.directives?.some((d) => d.name.value === directive))) {
      hidden.add(def.name.value);
    }
  }
  return hidden;
}
