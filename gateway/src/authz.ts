import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Authorized } from '../../lib/authz/authorize.ts';
import type { Authorize } from '../../lib/authz/memo.ts';
import type { AuthRequirements } from '../../lib/authz/requirements.ts';
import { applyDenials } from '../../lib/authz/response.ts';
import type { GatewayContext } from './context.ts';

/**
 * Enforces `@authenticated`, `@requiresScopes` and `@policy` before planning: denied fields
 * are removed from the operation (so no subgraph is asked for them), then answered as null
 * with one FORBIDDEN (or UNAUTHENTICATED) error per denied path.
 */
export function authorizationPlugin(
  /** The current supergraph's requirements (it may be reloaded); null: nothing to enforce. */
  requirementsOf: () => AuthRequirements | null,
  /** The check with the policies given (memoizedAuthorize), shared with the passthrough. */
  authorize: Authorize,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let authorized: Authorized | null = null;
      return {
        async didResolveOperation(rc) {
          const requirements = requirementsOf();
          if (!requirements) return;
          authorized = authorize({
            schema: rc.schema,
            requirements,
            document: rc.document,
            operationName: rc.operationName,
            variables: rc.request.variables,
            principal: rc.contextValue.identity,
          });
          if (!authorized) return;
          rc.contextValue.authorizationFiltered = true;
          // The gateway plans what it executes; the plan cache key must tell filtered variants apart.
          const writable = rc as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          writable.document = authorized.document;
          writable.operation = authorized.operation;
          writable.queryHash = createHash('sha256').update(rc.queryHash).update('\0').update(authorized.signature).digest('hex');
        },
        async willSendResponse(rc) {
          if (authorized && rc.response.body.kind === 'single') applyDenials(rc.response.body.singleResult, authorized);
        },
      };
    },
  };
}
