import type { ApolloServerPlugin } from '@apollo/server';
import type { DataVersion } from '../../db/data-version.js';
import type { Context } from '../context.js';

/** Cache-Control of a response: public for an answer anyone may be given (anonymous, storable), else no-store. */
export const cacheControl = (storable: boolean, anonymous: boolean, maxAgeS: number): string =>
  storable && anonymous ? `public, max-age=${maxAgeS}` : 'no-store';

/** How long a client should wait before asking again when the database is unavailable. */
export const RETRY_AFTER_S = 5;

/**
 * Marks every response with the data version (`x-graph-version`) and its cacheability: a query
 * answered without errors is storable by the response cache, and `Cache-Control: public` when the
 * caller is anonymous; everything else (mutations, errors, authenticated callers) is `no-store`.
 * An answer the database could not give (SERVICE_UNAVAILABLE) is a 503 with Retry-After.
 */
export function cachePolicyPlugin(options: { version: DataVersion; maxAgeS: number }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const state = contextValue.execution;
          const query = operation?.operation === 'query';
          // A mutation's response carries the version its commit created; a read the one it was read under.
          const version = query ? (state.version ?? options.version.known) : options.version.known;
          response.http.headers.set('x-graph-version', String(version));
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const storable = query && response.body.kind === 'single' && !errors?.length && (response.http.status ?? 200) === 200;
          response.http.headers.set('cache-control', cacheControl(storable, contextValue.caller === null, options.maxAgeS));
          state.storable = storable;
          if (errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_S));
          }
        },
      };
    },
  };
}
