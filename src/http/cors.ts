import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHttpError } from './body.js';
import type { HttpMiddleware } from './route.js';
import { pathOf } from './route.js';

/** CORS_ORIGINS as src/config reads it: listed origins, and whether `*` grants anonymous reads to any page. */
export interface CorsConfig {
  origins: readonly string[];
  anyOrigin: boolean;
}

/** What a browser needs to know of one request: its Origin and, for a preflight, what it means to send. */
export interface CorsRequest {
  method: string;
  origin: string | undefined;
  /** Access-Control-Request-Method: present only on a preflight. */
  requestMethod: string | undefined;
  /** Access-Control-Request-Headers of a preflight, as sent. */
  requestHeaders: string | undefined;
  /** The request carries Authorization (a credential). */
  authorization: boolean;
}

export type CorsDecision =
  | { kind: 'preflight'; headers: Record<string, string> }
  | { kind: 'refused'; message: string; headers: Record<string, string> }
  | { kind: 'request'; headers: Record<string, string> };

const METHODS = ['GET', 'POST'];
// Those Apollo's CSRF prevention asks a browser to send (so that it preflights), the MCP transport's, and ours.
const HEADERS = [
  'content-type',
  'accept',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'mcp-protocol-version',
  'mcp-session-id',
  'last-event-id',
];
const EXPOSED = 'x-request-id, x-graph-version, etag, retry-after, mcp-session-id';
/** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours). */
export const PREFLIGHT_MAX_AGE_S = 600;

/**
 * How far an origin is trusted: a listed origin may send credentials (Authorization); any other,
 * under `*`, may read anonymously; otherwise nothing is granted.
 */
function trust(config: CorsConfig, origin: string, withCredentials: boolean): 'listed' | 'anonymous' | 'none' {
  if (config.origins.includes(origin)) return 'listed';
  return config.anyOrigin && !withCredentials ? 'anonymous' : 'none';
}

function refusal(config: CorsConfig, origin: string): string {
  return config.anyOrigin
    ? `The origin ${origin} may call this service only without credentials (CORS_ORIGINS allows * for anonymous reads): send no Authorization from it.`
    : `The origin ${origin} may not call this service from a browser: it is not in CORS_ORIGINS.`;
}

/**
 * The CORS answer to a request (no I/O, so the policy is tested without a server). Every answer
 * varies by Origin and says so, so that caches and CDNs keep one copy per origin.
 */
export function corsDecision(config: CorsConfig, request: CorsRequest): CorsDecision {
  const { origin } = request;
  const preflight = request.method === 'OPTIONS' && origin !== undefined && request.requestMethod !== undefined;
  if (!preflight) {
    const headers: Record<string, string> = { vary: 'Origin' };
    const level = origin === undefined ? 'none' : trust(config, origin, request.authorization);
    if (level === 'none') return { kind: 'request', headers };
    headers['access-control-allow-origin'] = level === 'listed' ? origin! : '*';
    if (level === 'listed') headers['access-control-allow-credentials'] = 'true';
    headers['access-control-expose-headers'] = EXPOSED;
    return { kind: 'request', headers };
  }
  const headers: Record<string, string> = { vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' };
  const method = request.requestMethod!.toUpperCase();
  if (!METHODS.includes(method)) {
    return {
      kind: 'refused',
      headers,
      message: `Access-Control-Request-Method ${method} is not allowed: this service answers ${METHODS.join(' and ')}.`,
    };
  }
  const asked = (request.requestHeaders ?? '')
    .toLowerCase()
    .split(',')
    .map((name) => name.trim());
  const level = trust(config, origin, asked.includes('authorization'));
  if (level === 'none') return { kind: 'refused', headers, message: refusal(config, origin) };
  Object.assign(headers, {
    'access-control-allow-origin': level === 'listed' ? origin : '*',
    'access-control-allow-methods': METHODS.join(', '),
    'access-control-allow-headers': [...HEADERS, ...(level === 'listed' ? ['authorization'] : [])].join(', '),
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
  });
  if (level === 'listed') headers['access-control-allow-credentials'] = 'true';
  return { kind: 'preflight', headers };
}

/** Where pages on other origins may call: the API, the MCP endpoint and the source documents. */
const CROSS_ORIGIN_PATHS = /^\/(graphql|mcp|documents)(\/|$)/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * CORS before every route: a preflight is answered here (204, or 403 with one sentence), before
 * Apollo's CSRF check could refuse it; other requests get their grant as headers that every answer
 * written later keeps, a cached one included.
 */
export function corsMiddleware(config: CorsConfig): HttpMiddleware {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!CROSS_ORIGIN_PATHS.test(pathOf(req.url))) return false;
    const decision = corsDecision(config, {
      method: req.method ?? 'GET',
      origin: single(req.headers.origin),
      requestMethod: single(req.headers['access-control-request-method']),
      requestHeaders: single(req.headers['access-control-request-headers']),
      authorization: req.headers.authorization !== undefined,
    });
    for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
    if (decision.kind === 'request') return false;
    req.resume();
    if (decision.kind === 'preflight') {
      res.writeHead(204, { 'content-length': '0' }).end();
    } else {
      sendHttpError(res, 403, decision.message);
    }
    return true;
  };
}
