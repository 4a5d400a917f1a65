import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../http/metrics.js';
import type { Context } from './context.js';

/** One log line and one metrics sample per GraphQL request: operation, outcome, duration and Cypher round trips. */
export function requestLoggingPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const ms = performance.now() - started;
          // The formatted errors carry the codes clients see (SERVICE_UNAVAILABLE rather than a driver error).
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
          metrics.record(operationName, outcome, ms / 1000, contextValue.db.roundTrips);
          response.http.headers.set('x-request-id', contextValue.requestId);
          contextValue.log.info(
            { operation: operationName ?? 'anonymous', ms: Math.round(ms * 10) / 10, roundTrips: contextValue.db.roundTrips, outcome },
            'graphql request',
          );
        },
      };
    },
  };
}
