import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import type { DataVersion } from '../../db/data-version.js';
import type { Logger } from '../../logging/logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { tracingEnabled } from '../../tracing/tracing.js';
import type { Context } from '../context.js';
import { cachePolicyPlugin } from './cache-policy.plugin.js';
import { createErrorFormatter } from './format-error.js';
import { jitGateway } from './jit-gateway.js';
import { type ComplexityCheck, depthRule, limitsPlugin } from './limits.plugin.js';
import { requestLoggingPlugin } from './request-logging.plugin.js';
import { tracingPlugin } from './tracing.plugin.js';
import { type PersistedQueryManifest, type TrustedDocumentsMode, trustedDocumentsPlugin } from './trusted-documents.js';

export interface ApolloOptions {
  schema: GraphQLSchema;
  log: Logger;
  metrics: Metrics;
  version: DataVersion;
  complexity: ComplexityCheck;
  manifest: PersistedQueryManifest;
  persisted: KeyValueCache<string>;
  trustedDocuments: TrustedDocumentsMode;
  /** Stack traces in client-facing errors (DEBUG_ERRORS); never otherwise. */
  debugErrors: boolean;
  cacheMaxAgeS: number;
}

const requestIdOfError = (error: unknown): string | undefined => {
  const e = error as { requestId?: string; originalError?: { requestId?: string } } | null;
  return e?.requestId ?? e?.originalError?.requestId;
};

/**
 * Apollo Server as the service runs it: graphql-jit as its executor, the depth rule, the plugins
 * (trusted documents, complexity, logging and metrics, cache policy, tracing), the persisted query
 * store and the one error formatter. It answers everything the response cache and the prepared path
 * (executor.ts) do not, and everything they answer was first answered here.
 */
export async function startApollo(options: ApolloOptions): Promise<ApolloServer<Context>> {
  const formatError = createErrorFormatter({ debugErrors: options.debugErrors, log: options.log });
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(options.schema),
    introspection: true,
    includeStacktraceInErrorResponses: options.debugErrors,
    // CSRF prevention is on by default in Apollo Server 5; batched requests stay off.
    allowBatchedHttpRequests: false,
    // The manifest's operations by hash always; clients' automatic persisted queries unless TRUSTED_DOCUMENTS=only.
    persistedQueries: { cache: options.persisted, ttl: null },
    validationRules: [depthRule],
    // The service owns shutdown: drain HTTP, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, requestIdOfError(error)),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Cache-control hints are unused here, and the plugin wraps every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      trustedDocumentsPlugin(options.manifest, options.trustedDocuments),
      limitsPlugin(options.complexity),
      requestLoggingPlugin(options.metrics),
      cachePolicyPlugin({ version: options.version, maxAgeS: options.cacheMaxAgeS }),
      ...(tracingEnabled() ? [tracingPlugin()] : []),
      {
        // formatError sees no context, so the request id is attached to each error on its way out.
        async requestDidStart({ contextValue }) {
          return {
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                Object.assign(error, { requestId: contextValue.requestId });
                if (error.originalError) Object.assign(error.originalError, { requestId: contextValue.requestId });
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  return apollo;
}
