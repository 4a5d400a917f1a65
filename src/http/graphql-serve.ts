import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { cacheState } from '../cache/cache-state.js';
import type { ResponseCache } from '../cache/response-cache.js';
import type { DataVersion } from '../db/data-version.js';
import { cacheControl } from '../graphql/cache-policy.plugin.js';
import type { Context } from '../graphql/context.js';
import type { ComplexityCheck } from '../graphql/limits.plugin.js';
import { type PreparedOperations, runCompiled, stashedResult } from '../graphql/prepared-operations.js';
import { recordRequest } from '../graphql/request-logging.plugin.js';
import { contentTypeFor, type GraphqlHttpRequest, readPreparedRequest } from './graphql-prepared.js';
import type { Metrics } from '../metrics/metrics.js';

export type ServeGraphql = (req: IncomingMessage, res: ServerResponse, request: GraphqlHttpRequest) => Promise<void>;

export interface ServeOptions {
  apollo: ApolloServer<Context>;
  context: (req: IncomingMessage, version: number | undefined) => Promise<Context>;
  /** The queries Apollo has run (jit-gateway.ts), and the complexity check its plugin applies. */
  prepared: PreparedOperations;
  complexity: ComplexityCheck;
  /** The text of a persisted query by its sha256 hash, from the store Apollo reads. */
  persistedQuery: (hash: string) => Promise<string | undefined>;
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
 * with 304 when the data version and the request are unchanged; runs a query Apollo has run before
 * straight from its compiled form (the prepared path); otherwise runs it through Apollo (CSRF
 * prevention, parsing, validation, plugins, errors). Keeps an answer when it is storable (a query
 * without errors).
 *
 * The prepared path exists for speed: Apollo's request pipeline (hashing the text, the document
 * cache, parsing the HTTP request, plugin hooks, headers) took a third or more of the service's CPU
 * on a small read (`bench/cpu-share.ts`: 0.83–0.96 ms per model-by-id, 0.55 without it). It answers
 * only what Apollo would answer the same way: a read Apollo admitted before, from a caller the cache
 * would serve, within the complexity budget, without errors. A read whose result has errors is
 * handed to Apollo with that result, so every error still takes Apollo's one path.
 */
export function serveGraphql(options: ServeOptions): ServeGraphql {
  const { cache, version: dataVersion, metrics } = options;

  /** The answer from the cache, or 304: whether it answered. */
  const fromCache = (
    req: IncomingMessage,
    res: ServerResponse,
    request: GraphqlHttpRequest,
    role: string,
    key: string,
    version: number,
  ) => {
    const etag = request.method === 'GET' ? etagOf(version, key) : undefined;
    const headers = {
      'x-graph-version': String(version),
      'cache-control': cacheControl(true, role === 'anonymous', options.maxAgeS),
      'x-request-id': options.requestIdOf(req),
      ...(etag ? { etag } : {}),
    };
    if (etag !== undefined && matches(req.headers['if-none-match'], etag)) {
      metrics.cacheOutcome('not_modified');
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    // The content type Apollo would choose for this Accept header; one it would refuse (406) is left to it.
    const contentType = contentTypeFor(req.headers.accept);
    const hit = contentType === null ? undefined : cache.get(key, version);
    if (contentType === null || hit === undefined) return false;
    metrics.cacheOutcome('hit');
    res.writeHead(200, { ...headers, 'content-type': contentType, 'content-length': hit.body.length });
    res.end(hit.body);
    return true;
  };

  /**
   * Runs a prepared read and answers it; when the result has errors, returns the request's context
   * holding that result for Apollo to answer. Undefined when the request is not for this path.
   */
  const fromPrepared = async (
    req: IncomingMessage,
    res: ServerResponse,
    request: GraphqlHttpRequest,
    key: string | undefined,
    version: number,
  ): Promise<'answered' | Context | undefined> => {
    const started = performance.now();
    const prepared = readPreparedRequest(req, request);
    if (!prepared) return undefined;
    const query = prepared.query ?? (await options.persistedQuery(prepared.hash!));
    const operation = query === undefined ? undefined : options.prepared.find(query, prepared.operationName);
    if (!operation || options.complexity(operation.document, prepared.operationName, prepared.variables)) return undefined;
    const contextValue = await options.context(req, version);
    const result = await runCompiled(operation.compiled, operation.name, contextValue, prepared.variables);
    if (result.errors?.length) {
      metrics.preparedOutcome('errors');
      stashedResult.put(contextValue, result);
      return contextValue;
    }
    metrics.preparedOutcome('answered');
    const body = Buffer.from(`${JSON.stringify({ data: result.data })}\n`);
    metrics.cacheOutcome('miss');
    if (key !== undefined) cache.set(key, version, { body });
    res.writeHead(200, {
      'content-type': prepared.contentType,
      'content-length': body.length,
      'x-graph-version': String(version),
      'cache-control': cacheControl(true, contextValue.caller === null, options.maxAgeS),
      'x-request-id': contextValue.requestId,
      ...(key !== undefined && request.method === 'GET' ? { etag: etagOf(version, key) } : {}),
    });
    res.end(body);
    recordRequest(metrics, contextValue, operation.name, 'ok', performance.now() - started);
    return 'answered';
  };

  return async (req, res, request) => {
    const role = options.roleOf(req);
    const key = role === null || request.text.length > MAX_KEY_CHARS ? undefined : `${role}\n${request.method}\n${request.text}`;
    let version: number | undefined;
    try {
      version = dataVersion.fresh() ?? (await dataVersion.current());
    } catch {
      // Neo4j cannot say which version is current: execute, and let the request report the outage.
    }
    let contextValue: Context | undefined;
    // Apollo answers a request that is not preflighted (CSRF prevention) or needs a token it lacks.
    if (version !== undefined && role !== null && preflighted(req)) {
      if (key !== undefined && fromCache(req, res, request, role, key, version)) return;
      const prepared = await fromPrepared(req, res, request, key, version);
      if (prepared === 'answered') return;
      contextValue = prepared;
    }
    const httpHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) httpHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers: httpHeaders, search: request.search, body: request.body },
      context: async () => {
        contextValue ??= await options.context(req, version);
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
