import type { DocumentNode, GraphQLSchema } from 'graphql';
import { authorize, type DeniedField, type Policy, type Principal } from '../../../lib/authz/authorize.ts';
import type { AuthRequirements } from '../../../lib/authz/requirements.ts';
import type { ForwardedIdentity } from '../../../lib/internal-identity.ts';
import { conditionKey, DocumentMemo } from './document-memo.ts';

export interface OperationCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | null;
  identity: ForwardedIdentity;
}

/** The first field of an operation the caller may not read, or null when it may read them all. */
export type OperationAuthorizer = (check: OperationCheck) => DeniedField | null;

/**
 * The subgraph's defence-in-depth check ({@link authorize}), remembered per document: what
 * an operation may read depends only on the operation, the caller's principal (subject,
 * scopes, employee id: all a {@link Policy} is given) and the @skip/@include variables, so
 * the walk runs once per distinct combination instead of once per request.
 */
export function memoizedAuthorizer(requirements: AuthRequirements, policies: Record<string, Policy>): OperationAuthorizer {
  const memo = new DocumentMemo<{ schema: GraphQLSchema; denied: DeniedField | null }>();
  // Verified identities are shared by the requests that send the same header (identity.ts).
  const principalKeys = new WeakMap<ForwardedIdentity, string>();
  const principalKey = (identity: ForwardedIdentity): string => {
    let key = principalKeys.get(identity);
    if (key === undefined) {
      key = identity.subject === null ? '' : JSON.stringify([identity.subject, identity.employeeId, identity.scopes]);
      principalKeys.set(identity, key);
    }
    return key;
  };
  return ({ schema, document, variables, operationName, identity }) => {
    const key = `${operationName ?? ''}\n${principalKey(identity)}\n${conditionKey(document, variables)}`;
    const run = () => {
      const principal: Principal | null = identity.subject === null ? null : { ...identity, subject: identity.subject };
      return { schema, denied: authorize({ schema, requirements, document, operationName, variables, principal, policies })?.denied[0] ?? null };
    };
    let result = memo.get(document, key, run);
    // A replaced schema (never done by the kit) would make the remembered answer stale.
    if (result.schema !== schema) result = run();
    return result.denied;
  };
}
