import type http from 'node:http';
import type { Logger } from '../logging/logger.js';
import { traceHttp } from '../tracing/tracing.js';
import { BODY_TOO_LARGE, declaresTooLarge, refuseTooLarge, sendHttpError } from './body.js';
import { pathOf } from './route.js';
import { type HttpDependencies, httpModules } from './routes.js';

export type HttpHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * The service's request handler: a body declared over the limit is refused first, then the
 * middleware run, then the first route that matches answers (routes.ts). An error a route lets
 * through is logged and answered 500 without details.
 */
export function createHttpHandler(deps: HttpDependencies & { log: Logger }): HttpHandler {
  const { middleware, routes } = httpModules(deps);
  const fail = (res: http.ServerResponse, error: unknown) => {
    deps.log.error({ err: error }, 'unhandled HTTP error');
    if (!res.headersSent) sendHttpError(res, 500, 'Internal server error.');
    else res.destroy();
  };
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Refused before any parsing, on every path (see refuseTooLarge).
    if (declaresTooLarge(req)) return refuseTooLarge(req, res);
    for (const step of middleware) if (step(req, res)) return;
    const path = pathOf(req.url);
    const route = routes.find((candidate) => candidate.matches(req, path))!;
    try {
      void Promise.resolve(route.handle(req, res)).catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  };
  return (req, res) => traceHttp(req, res, () => handle(req, res));
}

/**
 * A client that asks before sending (Expect: 100-continue, as curl does for large bodies) is told
 * 413 instead of "continue" and never sends the body; the connection closes after the answer.
 */
export function refuseLargeBodiesEarly(server: http.Server): void {
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (declaresTooLarge(req)) {
      res.setHeader('connection', 'close');
      sendHttpError(res, 413, BODY_TOO_LARGE);
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}

/** Stops accepting connections and waits for the requests in flight (at most `graceMs`), then closes the rest. */
export function drain(server: http.Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
