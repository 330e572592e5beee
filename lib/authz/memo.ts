import type { GraphQLSchema } from 'graphql';
import { conditionKey, DocumentMemo } from '../document-memo.ts';
import { authorize, type AuthorizeOptions, type Authorized, type Policy, type Principal } from './authorize.ts';
import type { AuthRequirements } from './requirements.ts';

/** What {@link authorize} is asked, but the policies (given once). */
export type AuthorizeCheck = Omit<AuthorizeOptions, 'policies'>;

/** {@link authorize} with its policies given: what {@link memoizedAuthorize} returns. */
export type Authorize = (check: AuthorizeCheck) => Authorized | null;

/**
 * {@link authorize}, remembered per document: what an operation may read depends only on the
 * operation, the caller's principal (subject, scopes, employee id: all a {@link Policy} is
 * given) and the @skip/@include variables, so the walk runs once per distinct combination
 * instead of once per request. A result is reused only with the schema and requirements it was
 * worked out with (a reloaded supergraph brings new ones). Principals are keyed by object: pass
 * the same object for the same caller (verified identities are remembered per token or header).
 */
export function memoizedAuthorize(policies: Record<string, Policy>): Authorize {
  const memo = new DocumentMemo<{ schema: GraphQLSchema; requirements: AuthRequirements; result: Authorized | null }>();
  const principalKeys = new WeakMap<Principal, string>();
  const principalKey = (principal: Principal | null): string => {
    if (principal === null) return '';
    let key = principalKeys.get(principal);
    if (key === undefined) {
      key = JSON.stringify([principal.subject, principal.employeeId, principal.scopes]);
      principalKeys.set(principal, key);
    }
    return key;
  };
  return (check) => {
    const run = () => ({ schema: check.schema, requirements: check.requirements, result: authorize({ ...check, policies }) });
    const key = `${check.operationName ?? ''}\n${principalKey(check.principal)}\n${conditionKey(check.document, check.variables)}`;
    const remembered = memo.get(check.document, key, run);
    return remembered.schema === check.schema && remembered.requirements === check.requirements ? remembered.result : run().result;
  };
}
