import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../../metrics/metrics.js';
import type { Context } from '../context.js';

/** One log line and one metrics sample for a GraphQL request, whichever path answered it. */
export function recordRequest(metrics: Metrics, context: Context, operation: string | null | undefined, outcome: string, ms: number): void {
  metrics.record(operation, outcome, ms / 1000, context.db.roundTrips);
  context.log.info(
    { operation: operation ?? 'anonymous', ms: Math.round(ms * 10) / 10, roundTrips: context.db.roundTrips, outcome },
    'graphql request',
  );
}

/** Records every request Apollo answers: operation, outcome, duration and Cypher round trips. */
export function requestLoggingPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          // The formatted errors carry the codes clients see (SERVICE_UNAVAILABLE rather than a driver error).
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
          response.http.headers.set('x-request-id', contextValue.requestId);
          recordRequest(metrics, contextValue, operationName, outcome, performance.now() - started);
        },
      };
    },
  };
}
