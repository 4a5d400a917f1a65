import type { ApolloServerPlugin } from '@apollo/server';
import { cacheState } from '../cache/cache-state.js';
import type { DataVersion } from '../db/data-version.js';
import type { Context } from './context.js';

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
          response.http.headers.set(
            'cache-control',
            storable && contextValue.caller === null ? `public, max-age=${options.maxAgeS}` : 'no-store',
          );
          if (state) state.storable = storable;
        },
      };
    },
  };
}
