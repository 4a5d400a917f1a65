import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One thing the service answers over HTTP. Routes are registered in routes.ts, in order: the first
 * whose `matches` is true handles the request.
 */
export interface HttpRoute {
  readonly name: string;
  /** `path` is the request URL's path, without its query string. */
  matches(req: IncomingMessage, path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/**
 * Runs on every request before the routes (in the order routes.ts lists them): it may set headers
 * on the response, or answer the request itself and return true (a CORS preflight, say).
 */
export type HttpMiddleware = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The request URL's path without its query string. */
export const pathOf = (url: string | undefined): string => {
  const value = url ?? '/';
  const query = value.indexOf('?');
  return query < 0 ? value : value.slice(0, query);
};
