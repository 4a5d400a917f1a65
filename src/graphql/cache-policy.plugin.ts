import type { ApolloServerPlugin } from '@apollo/server';
import { cacheState } from '../cache/cache-state.js';
import type { DataVersion } from '../db/data-version.js';
import type { Context } from './context.js';

/** Cache-Control of a response: public for an answer anyone may be given (anonymous, storable), else no-store. */
export const cacheControl = (storable: boolean, anonymous: boolean, maxAgeS: number): string =>
  storable && anonymous ? `public, max-age=${maxAgeS}` : 'no-store';

/**
 * Marks every response with the data version (`x-graph-version`) and its cacheability: a query
 * answered without errors is storable by the response cache, and `Cache-Control: public` when the
 * caller is anonymous; everything else (mutations, errors, authenticated callers) is `no-store`.
 */
export function cachePolicyPlugin(options: { version: DataVersion; maxAgeS: number }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const state = cacheState.of(contextValue);
          const query = operation?.operation === 'query';
          // A mutation's response carries the version its commit created; a read the one it was read under.
          const version = query ? (state?.version ?? options.version.known) : options.version.known;
          response.http.headers.set('x-graph-version', String(version));
          const storable =
            query && response.body.kind === 'single' && !response.body.singleResult.errors?.length && (response.http.status ?? 200) === 200;
          response.http.headers.set('cache-control', cacheControl(storable, contextValue.caller === null, options.maxAgeS));
          if (state) state.storable = storable;
        },
      };
    },
  };
}
