import type { AvailabilityState } from '../db/availability.js';
import type { Readiness } from '../db/readiness.js';
import type { GraphqlExecutor } from '../graphql/execution/executor.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { type CorsConfig, corsMiddleware } from './cors.js';
import { documentsRoute } from './documents.js';
import { explorerRoute } from './explorer.js';
import { graphqlRoute } from './graphql.route.js';
import { mcpRoute } from './mcp.route.js';
import { playgroundRoute } from './playground.js';
import { healthRoute, metricsRoute, readyRoute } from './probes.js';
import type { HttpMiddleware, HttpRoute } from './route.js';

export interface HttpDependencies {
  executor: GraphqlExecutor;
  /** Whether the database can serve the API now (GET /ready). */
  readiness: () => Promise<Readiness>;
  /** What the embedded Neo4j's supervisor says of it (GET /health). */
  availability: () => AvailabilityState;
  metrics: Metrics;
  /** Origins whose pages may call /graphql, /mcp and /documents (CORS_ORIGINS). */
  cors: CorsConfig;
}

/**
 * Everything the service serves over HTTP, registered here and nowhere else: a new route or
 * middleware is a module of its own (see route.ts) added to one of these lists.
 */
export function httpModules(deps: HttpDependencies & { log: Logger }): { middleware: HttpMiddleware[]; routes: HttpRoute[] } {
  return {
    // CORS first: a browser's preflight is answered before Apollo's CSRF check could refuse it.
    middleware: [corsMiddleware(deps.cors)],
    routes: [
      healthRoute(deps.availability),
      readyRoute(deps.readiness),
      metricsRoute(deps.metrics),
      documentsRoute(),
      // Before /graphql: a browser's GET /graphql opens the playground.
      playgroundRoute(),
      graphqlRoute(deps.executor),
      mcpRoute(deps.executor, deps.log),
      // Last: the explorer's files, and 404 for anything else.
      explorerRoute(),
    ],
  };
}
