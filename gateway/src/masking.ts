import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './context.ts';
import { log, type Logger } from './log.ts';

/** Codes whose messages are safe to show: the client's own mistakes and decisions about it. */
const INTERNAL = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
const URL_PATTERN = /\bhttps?:\/\/\S+/i;

/**
 * Masks internal errors: no stack, no SQL, no subgraph URLs or raw subgraph responses reach
 * the client — only `Internal server error (request id …)`, the code and the subgraph's name.
 * The original goes to the log as one JSON line (error) with the same request id.
 */
export function maskingPlugin(logger: Pick<Logger, 'error'> = log): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const { requestId } = contextValue;
          const result = response.body.singleResult;
          result.errors = result.errors!.map((error) => {
            if (!leaks(error)) return error;
            logger.error({ requestId, operationName, error }, 'masked error');
            const serviceName = error.extensions?.serviceName;
            return {
              message: `Internal server error (request id ${requestId})`,
              ...(error.path && { path: error.path }),
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, ...(typeof serviceName === 'string' && { serviceName }) },
            };
          });
        },
      };
    },
  };
}

function leaks(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  if (typeof code !== 'string' || INTERNAL.has(code)) return true;
  const ext = error.extensions ?? {};
  return URL_PATTERN.test(error.message) || 'response' in ext || 'exception' in ext || 'stacktrace' in ext;
}
