import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { DeniedField, Policy, Principal } from '../../../lib/authz/authorize.ts';
import { memoizedAuthorize } from '../../../lib/authz/memo.ts';
import type { AuthRequirements } from '../../../lib/authz/requirements.ts';
import type { ForwardedIdentity } from '../../../lib/internal-identity.ts';

export interface OperationCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | null;
  identity: ForwardedIdentity;
}

/** The first field of an operation the caller may not read, or null when it may read them all. */
export type OperationAuthorizer = (check: OperationCheck) => DeniedField | null;

/** The subgraph's defence-in-depth check, remembered per document and caller ({@link memoizedAuthorize}). */
export function memoizedAuthorizer(requirements: AuthRequirements, policies: Record<string, Policy>): OperationAuthorizer {
  const check = memoizedAuthorize(policies);
  return ({ schema, document, variables, operationName, identity }) => {
    // A verified identity is one frozen object per header (identity.ts): the principal's key is worked out once.
    const principal = identity.subject === null ? null : (identity as ForwardedIdentity & Principal);
    return check({ schema, requirements, document, variables, operationName, principal })?.denied[0] ?? null;
  };
}
