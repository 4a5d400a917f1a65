import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { cacheState } from '../cache/cache-state.js';
import type { ResponseCache } from '../cache/response-cache.js';
import type { DataVersion } from '../db/data-version.js';
import type { Metrics } from './metrics.js';

/** A GraphQL request read off the wire: a JSON POST body, or a GET's query string. */
export interface GraphqlHttpRequest {
  method: 'GET' | 'POST';
  search: string;
  body: unknown;
  /** What identifies the request for caching: the POST body's text, or the GET query string. */
  text: string;
}

export type ServeGraphql = (req: IncomingMessage, res: ServerResponse, request: GraphqlHttpRequest) => Promise<void>;

export interface ServeOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage, version: number | undefined) => Promise<TContext>;
  cache: ResponseCache;
  version: DataVersion;
  /** The caller's role ('anonymous' without a token), or null when it must not be served from cache. */
  roleOf: (req: IncomingMessage) => string | null;
  maxAgeS: number;
  metrics: Metrics;
  requestIdOf: (req: IncomingMessage) => string;
}

// Longer requests are executed every time: keys this large would crowd out the answers.
const MAX_KEY_CHARS = 16 * 1024;

// The content types a browser may send cross-site without a preflight (Apollo's CSRF prevention).
const SIMPLE_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/** Apollo's CSRF rule, applied before answering from the cache: a preflight header or a non-simple content type. */
export function preflighted(req: IncomingMessage): boolean {
  if (req.headers['x-apollo-operation-name'] || req.headers['apollo-require-preflight']) return true;
  const type = req.headers['content-type'];
  return type !== undefined && !SIMPLE_TYPES.has(type.split(';')[0]!.trim().toLowerCase());
}

const etagOf = (version: number, key: string) =>
  `W/"${version.toString(36)}-${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"`;

const matches = (header: string | undefined, etag: string) =>
  header !== undefined && (header.trim() === '*' || header.split(',').some((tag) => tag.trim() === etag));

/**
 * Serves /graphql for the direct paths (JSON POST, GET): answers a read from the response cache or
 * with 304 when the data version and the request are unchanged, otherwise runs it through Apollo
 * (CSRF prevention, parsing, validation, plugins, errors) and keeps the answer when the cache-policy
 * plugin found it storable (a query without errors).
 */
export function serveGraphql<TContext extends BaseContext>(options: ServeOptions<TContext>): ServeGraphql {
  const { cache, version: dataVersion, metrics } = options;
  return async (req, res, request) => {
    const role = options.roleOf(req);
    const key = role === null || request.text.length > MAX_KEY_CHARS ? undefined : `${role}\n${request.method}\n${request.text}`;
    let version: number | undefined;
    try {
      version = dataVersion.fresh() ?? (await dataVersion.current());
    } catch {
      // Neo4j cannot say which version is current: execute, and let the request report the outage.
    }
    if (key !== undefined && version !== undefined && preflighted(req)) {
      const etag = request.method === 'GET' ? etagOf(version, key) : undefined;
      const headers = {
        'x-graph-version': String(version),
        'cache-control': role === 'anonymous' ? `public, max-age=${options.maxAgeS}` : 'no-store',
        'x-request-id': options.requestIdOf(req),
        ...(etag ? { etag } : {}),
      };
      if (etag !== undefined && matches(req.headers['if-none-match'], etag)) {
        metrics.cacheOutcome('not_modified');
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const hit = cache.get(key, version);
      if (hit !== undefined) {
        metrics.cacheOutcome('hit');
        res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': hit.body.length });
        res.end(hit.body);
        return;
      }
    }

    const httpHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) httpHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let contextValue: TContext | undefined;
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers: httpHeaders, search: request.search, body: request.body },
      context: async () => {
        contextValue = await options.context(req, version);
        return contextValue;
      },
    });
    const storable = contextValue !== undefined && cacheState.of(contextValue)?.storable === true && (response.status ?? 200) === 200;
    if (storable) metrics.cacheOutcome('miss');
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      const body = Buffer.from(response.body.string);
      if (storable && key !== undefined && version !== undefined) {
        if (request.method === 'GET') res.setHeader('etag', etagOf(version, key));
        cache.set(key, version, { body });
      }
      res.setHeader('content-length', body.length);
      res.end(body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
