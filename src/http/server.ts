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
import type { Database } from '../db/database.js';
import { createContext, type Context } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import { jitGateway } from '../graphql/jit-gateway.js';
import { depthRule, limitsPlugin } from '../graphql/limits.plugin.js';
import { requestLoggingPlugin } from '../graphql/request-logging.plugin.js';
import type { Logger } from '../logging/logger.js';
import {
  BODY_LIMIT_BYTES,
  BODY_NOT_JSON,
  BODY_TOO_LARGE,
  declaresTooLarge,
  graphqlPostHandler,
  isPlainGraphqlPost,
  refuseTooLarge,
  sendHttpError,
} from './graphql-post.js';
import { Metrics } from './metrics.js';
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
  let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | undefined;
  const { httpServer } = options;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A body declared over the limit is refused before any parsing, on every path (see refuseTooLarge).
    if (declaresTooLarge(req)) refuseTooLarge(req, res);
    else if (graphqlPost && isPlainGraphqlPost(req)) {
      graphqlPost(req, res).catch((error: unknown) => {
        options.log.error({ err: error }, 'unhandled HTTP error');
        if (!res.headersSent) sendHttpError(res, 500, 'Internal server error.');
        else res.destroy();
      });
    } else app(req, res);
  };
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
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(options.schema),
    introspection: true,
    includeStacktraceInErrorResponses: options.debugErrors,
    // CSRF prevention is on by default in Apollo Server 5; batched requests stay off.
    allowBatchedHttpRequests: false,
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
      limitsPlugin(options.schema),
      requestLoggingPlugin(metrics),
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

  const context = async (req: http.IncomingMessage): Promise<Context> => {
    const requestId = requestIdOf(req);
    const caller = options.auth.authenticate(req.headers.authorization);
    if (caller === null && options.readsRequireToken) {
      throw new GraphQLError('This service requires an API token for every request: send Authorization: Bearer <token>.', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    return createContext({
      database: options.database,
      requestId,
      caller,
      log: options.log.child({ requestId }),
      timeoutMs: options.requestTimeoutMs,
    });
  };
  graphqlPost = graphqlPostHandler(apollo, context);

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
    // GET queries and the POSTs isPlainGraphqlPost leaves out (compressed, other charsets) come here.
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
