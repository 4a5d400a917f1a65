import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { TokenAuthenticator } from '../auth/tokens.js';
import { cacheState } from '../cache/cache-state.js';
import { ResponseCache } from '../cache/response-cache.js';
import type { Database } from '../db/database.js';
import { cachePolicyPlugin } from '../graphql/cache-policy.plugin.js';
import { createContext, type Context } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import { jitGateway } from '../graphql/jit-gateway.js';
import { complexityCheck, depthRule, limitsPlugin } from '../graphql/limits.plugin.js';
import { PreparedOperations } from '../graphql/prepared-operations.js';
import { requestLoggingPlugin } from '../graphql/request-logging.plugin.js';
import { tracingPlugin } from '../graphql/tracing.plugin.js';
import {
  APQ_PREFIX,
  loadManifest,
  persistedQueryStore,
  trustedDocumentsPlugin,
  type TrustedDocumentsMode,
} from '../graphql/trusted-documents.js';
import type { Logger } from '../logging/logger.js';
import { traceHttp, tracingEnabled } from '../tracing/tracing.js';
import {
  BODY_LIMIT_BYTES,
  BODY_NOT_JSON,
  BODY_TOO_LARGE,
  declaresTooLarge,
  graphqlGetHandler,
  graphqlPostHandler,
  isGraphqlGet,
  isPlainGraphqlPost,
  refuseTooLarge,
  sendHttpError,
} from './graphql-post.js';
import { serveGraphql } from './graphql-serve.js';
import { Metrics } from '../metrics/metrics.js';
import { playground } from './playground.js';
import { health, ready } from './probes.js';

/** The graph explorer's build output (npm run build), served at /. */
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface HttpServerOptions {
  schema: GraphQLSchema;
  database: Database;
  log: Logger;
  auth: TokenAuthenticator;
  readsRequireToken: boolean;
  requestTimeoutMs: number;
  /** Stack traces in client-facing errors (DEBUG_ERRORS); never otherwise. */
  debugErrors: boolean;
  /** The server already listening (so probes answer during start-up); it gets the returned handler when ready. */
  httpServer: http.Server;
  /** max-age of Cache-Control: public on anonymous query responses. */
  cacheMaxAgeS: number;
  /** Size of the response cache in MB; 0 turns it off. */
  responseCacheMb: number;
  trustedDocuments: TrustedDocumentsMode;
}

const requestIdOf = (req: http.IncomingMessage): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
};

const requestIdOfError = (error: unknown): string | undefined => {
  const e = error as { requestId?: string; originalError?: { requestId?: string } } | null;
  return e?.requestId ?? e?.originalError?.requestId;
};

/** Builds the HTTP server: probes, metrics, the playground, /graphql (Apollo) and the explorer. */
export async function createHttpServer(options: HttpServerOptions): Promise<{
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  apollo: ApolloServer<Context>;
}> {
  const app = express();
  app.disable('x-powered-by');
  // Hashing every response for an ETag costs CPU per request, and GraphQL POSTs are never revalidated.
  app.set('etag', false);
  type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  let graphqlPost: Handler | undefined;
  let graphqlGet: Handler | undefined;
  const direct = (handler: Handler, req: http.IncomingMessage, res: http.ServerResponse) =>
    handler(req, res).catch((error: unknown) => {
      options.log.error({ err: error }, 'unhandled HTTP error');
      if (!res.headersSent) sendHttpError(res, 500, 'Internal server error.');
      else res.destroy();
    });
  const { httpServer } = options;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A body declared over the limit is refused before any parsing, on every path (see refuseTooLarge).
    if (declaresTooLarge(req)) refuseTooLarge(req, res);
    else if (graphqlPost && isPlainGraphqlPost(req)) void direct(graphqlPost, req, res);
    else if (graphqlGet && isGraphqlGet(req)) void direct(graphqlGet, req, res);
    else app(req, res);
  };
  // The gate's server (listening since start-up) hands requests to this once the API is ready.
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => traceHttp(req, res, () => handle(req, res));
  // A client that asks before sending (Expect: 100-continue, as curl does for large bodies) is told
  // 413 instead of "continue" and never sends the body; the connection closes after the answer.
  httpServer.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (declaresTooLarge(req)) {
      res.setHeader('connection', 'close');
      sendHttpError(res, 413, BODY_TOO_LARGE);
      return;
    }
    res.writeContinue();
    httpServer.emit('request', req, res);
  });
  const metrics = new Metrics(options.database);
  const formatError = createErrorFormatter({ debugErrors: options.debugErrors, log: options.log });
  const manifest = loadManifest();
  const prepared = new PreparedOperations();
  const persisted = persistedQueryStore(manifest, options.trustedDocuments);
  const complexity = complexityCheck(options.schema);
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(options.schema, prepared),
    introspection: true,
    includeStacktraceInErrorResponses: options.debugErrors,
    // CSRF prevention is on by default in Apollo Server 5; batched requests stay off.
    allowBatchedHttpRequests: false,
    // The manifest's operations by hash always; clients' automatic persisted queries unless TRUSTED_DOCUMENTS=only.
    persistedQueries: { cache: persisted, ttl: null },
    validationRules: [depthRule],
    // main.ts owns shutdown: drain HTTP, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, requestIdOfError(error)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Cache-control hints are unused here, and the plugin wraps every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      trustedDocumentsPlugin(manifest, options.trustedDocuments),
      limitsPlugin(complexity),
      requestLoggingPlugin(metrics),
      cachePolicyPlugin({ version: options.database.version, maxAgeS: options.cacheMaxAgeS }),
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

  const context = async (req: http.IncomingMessage, version?: number): Promise<Context> => {
    const requestId = requestIdOf(req);
    const caller = options.auth.authenticate(req.headers.authorization);
    if (caller === null && options.readsRequireToken) {
      throw new GraphQLError('This service requires an API token for every request: send Authorization: Bearer <token>.', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const contextValue = createContext({
      database: options.database,
      requestId,
      caller,
      log: options.log.child({ requestId }),
      timeoutMs: options.requestTimeoutMs,
    });
    cacheState.attach(contextValue, version);
    return contextValue;
  };
  const serve = serveGraphql({
    apollo,
    context,
    prepared,
    complexity,
    persistedQuery: (hash) => persisted.get(`${APQ_PREFIX}${hash}`),
    cache: new ResponseCache(options.responseCacheMb * 1024 * 1024),
    version: options.database.version,
    // Without a token a read is refused when READS_REQUIRE_TOKEN is set: Apollo says so, never the cache.
    roleOf: (req) => {
      const caller = options.auth.authenticate(req.headers.authorization);
      return caller?.role ?? (options.readsRequireToken ? null : 'anonymous');
    },
    maxAgeS: options.cacheMaxAgeS,
    metrics,
    requestIdOf,
  });
  graphqlPost = graphqlPostHandler(serve);
  graphqlGet = graphqlGetHandler(serve);

  app.get('/health', health);
  app.get('/ready', ready(options.database));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const { assets, html } = playground();
  app.use('/playground', assets);
  app.use(
    '/graphql',
    html,
    // The POSTs isPlainGraphqlPost leaves out (compressed, other charsets) come here.
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, { context: async ({ req }) => context(req) }),
  );
  if (existsSync(path.join(WEB_DIST, 'index.html'))) app.use(express.static(WEB_DIST));
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? 500;
    const message =
      error.type === 'entity.too.large'
        ? BODY_TOO_LARGE
        : error.type === 'entity.parse.failed'
          ? BODY_NOT_JSON
          : status < 500
            ? error.message
            : 'Internal server error.';
    if (status >= 500) options.log.error({ err: error }, 'unhandled HTTP error');
    sendHttpError(res, status, message);
  });
  return { handler, apollo };
}
