import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/** One log line per GraphQL request: operation, outcome, duration and Cypher round trips. */
export function requestLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, errors }) {
          contextValue.log.info(
            {
              operation: operationName ?? 'anonymous',
              ms: Math.round((performance.now() - started) * 10) / 10,
              roundTrips: contextValue.db.roundTrips,
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
