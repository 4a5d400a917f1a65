import type { ApolloServerPlugin } from '@apollo/server';
import { startSpan } from '../../tracing/tracing.js';

/** Spans for GraphQL parsing and validation (execution's span is opened by the executor, jit-gateway.ts). */
export function tracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          const end = startSpan('graphql.parse');
          return async (error) => end?.(error);
        },
        async validationDidStart() {
          const end = startSpan('graphql.validate');
          return async (errors) => end?.(errors?.[0]);
        },
      };
    },
  };
}
