import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { createContext, type Context } from '../graphql/context.js';
import { requestLoggingPlugin } from '../graphql/request-logging.plugin.js';
import { playground } from './playground.js';
import { health, ready } from './probes.js';

/** The graph explorer's build output (npm run build), served at /. */
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface HttpServerOptions {
  schema: GraphQLSchema;
  database: Database;
  log: Logger;
  requestTimeoutMs: number;
  production: boolean;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the HTTP server: probes, /graphql (Apollo), and JSON errors for bad bodies. */
export async function createHttpServer(options: HttpServerOptions): Promise<{ app: express.Express; httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: true,
    // main.ts owns shutdown: drain HTTP, close the driver, then stop the embedded Neo4j.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), requestLoggingPlugin()],
  });
  await apollo.start();

  app.get('/health', health);
  app.get('/ready', ready(options.database));
  const { assets, html } = playground();
  app.use('/playground', assets);
  app.use(
    '/graphql',
    html,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = req.header('x-request-id') ?? randomUUID();
        return createContext({
          database: options.database,
          requestId,
          log: options.log.child({ requestId }),
          timeoutMs: options.requestTimeoutMs,
        });
      },
    }),
  );
  if (existsSync(path.join(WEB_DIST, 'index.html'))) app.use(express.static(WEB_DIST));
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? 500;
    const message =
      error.type === 'entity.too.large'
        ? 'The request body is larger than the 1 MB limit.'
        : error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : status < 500
            ? error.message
            : 'Internal server error.';
    if (status >= 500) options.log.error({ err: error }, 'unhandled HTTP error');
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });
  return { app, httpServer, apollo };
}
