import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { TokenAuthenticator } from '../../auth/tokens.js';
import type { AvailabilityState, DatabaseAvailability } from '../../db/availability.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logging/logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { type Context, createContext } from '../context.js';
import { startApollo } from './apollo.js';
import { cacheControl, RETRY_AFTER_S } from './cache-policy.plugin.js';
import { type GraphqlHttpRequest, type GraphqlHttpResponse, headerOf } from './http.js';
import { type ComplexityCheck, complexityCheck } from './limits.plugin.js';
import { type PreparedEntry, PreparedOperations, runCompiled } from './prepared-operations.js';
import { recordRequest } from './request-logging.plugin.js';
import { apolloInputs, splitVariables } from './request-key.js';
import { ResponseCache } from './response-cache.js';
import { APQ_PREFIX, loadManifest, persistedQueryStore, type TrustedDocumentsMode } from './trusted-documents.js';

export interface ExecutorOptions {
  schema: GraphQLSchema;
  database: Database;
  log: Logger;
  metrics: Metrics;
  auth: TokenAuthenticator;
  readsRequireToken: boolean;
  requestTimeoutMs: number;
  debugErrors: boolean;
  /** max-age of Cache-Control: public on anonymous query responses. */
  cacheMaxAgeS: number;
  /** Size of the response cache in MB; 0 turns it off. */
  responseCacheMb: number;
  trustedDocuments: TrustedDocumentsMode;
  /** Set by the embedded Neo4j's supervisor while it restarts it; always up for an external Neo4j. */
  availability: DatabaseAvailability;
}

// Longer requests are executed every time: keys this large would crowd out the answers.
const MAX_KEY_CHARS = 16 * 1024;
// Headers Apollo's answer carries that are set per request; the rest is kept with a prepared operation.
const PER_REQUEST = new Set(['x-request-id', 'x-graph-version', 'cache-control', 'etag', 'content-length']);

const requestIdOf = (headers: IncomingHttpHeaders): string => {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
};

const etagOf = (version: number, key: string) =>
  `W/"${version.toString(36)}-${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"`;

const matches = (header: string | undefined, etag: string) =>
  header !== undefined && (header.trim() === '*' || header.split(',').some((tag) => tag.trim() === etag));

/** A request as the executor sees it once it has read its caller and the data version. */
interface Reading {
  request: GraphqlHttpRequest;
  requestId: string;
  /** The caller's role ('anonymous' without a token), or null when it must not be answered without Apollo. */
  role: string | null;
  /** The request headers Apollo's answer depends on, with the method (request-key.ts). */
  inputs: string;
  /** The response cache's key (role, Apollo's inputs, text), when the request may be kept. */
  key: string | undefined;
  /** The data version read first, or undefined when Neo4j could not say. */
  version: number | undefined;
}

/**
 * The one way a GraphQL request is executed. Every request goes through Apollo Server (parsing,
 * validation, CSRF prevention, persisted queries, trusted documents, the plugins, error formatting)
 * unless Apollo has answered the same request before, in which case work is skipped:
 *
 * - the response cache answers a read Apollo answered without errors, for the same caller role and
 *   data version, with the bytes Apollo sent (or 304 for a GET whose ETag still holds);
 * - the prepared path runs a read Apollo admitted and ran before, differing only in its variables,
 *   from its compiled form, with the complexity budget checked for these variables; a result with
 *   errors is handed to Apollo, which answers it (the read runs once).
 *
 * Both are keyed by everything Apollo's answer depends on (request-key.ts), so they repeat Apollo's
 * decisions rather than re-implementing its rules. What each saves is measured in bench/README.md.
 */
export class GraphqlExecutor {
  private readonly prepared = new PreparedOperations();
  private readonly cache: ResponseCache;
  private readonly complexity: ComplexityCheck;
  private readonly persisted: KeyValueCache<string>;

  private constructor(
    private readonly options: ExecutorOptions,
    private readonly apollo: ApolloServer<Context>,
    parts: { complexity: ComplexityCheck; persisted: KeyValueCache<string> },
  ) {
    this.cache = new ResponseCache(options.responseCacheMb * 1024 * 1024);
    this.complexity = parts.complexity;
    this.persisted = parts.persisted;
  }

  static async start(options: ExecutorOptions): Promise<GraphqlExecutor> {
    const manifest = loadManifest();
    const persisted = persistedQueryStore(manifest, options.trustedDocuments);
    const complexity = complexityCheck(options.schema);
    const apollo = await startApollo({ ...options, version: options.database.version, complexity, manifest, persisted });
    return new GraphqlExecutor(options, apollo, { complexity, persisted });
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }

  async execute(request: GraphqlHttpRequest): Promise<GraphqlHttpResponse> {
    const requestId = requestIdOf(request.headers);
    const availability = this.options.availability.now;
    if (availability.state !== 'up') return unavailable(availability, requestId);
    const reading = await this.read(request, requestId);
    if (reading.key !== undefined && reading.version !== undefined) {
      const cached = this.fromCache(reading, reading.key, reading.version);
      if (cached) return cached;
    }
    const prepared = await this.fromPrepared(reading);
    return prepared && 'status' in prepared ? prepared : this.viaApollo(reading, prepared);
  }

  private async read(request: GraphqlHttpRequest, requestId: string): Promise<Reading> {
    const caller = this.options.auth.authenticate(headerOf(request.headers, 'authorization'));
    // Without a token a read is refused when READS_REQUIRE_TOKEN is set: Apollo says so, never the cache.
    const role = caller?.role ?? (this.options.readsRequireToken ? null : 'anonymous');
    const inputs = apolloInputs(request);
    const key = role === null || request.text.length > MAX_KEY_CHARS ? undefined : `${role}\n${inputs}\n${request.text}`;
    let version: number | undefined;
    try {
      version = this.options.database.version.fresh() ?? (await this.options.database.version.current());
    } catch {
      // Neo4j cannot say which version is current: execute, and let the request report the outage.
    }
    return { request, requestId, role, inputs, key, version };
  }

  private context(reading: Reading): Context {
    const caller = this.options.auth.authenticate(headerOf(reading.request.headers, 'authorization'));
    if (caller === null && this.options.readsRequireToken) {
      throw new GraphQLError('This service requires an API token for every request: send Authorization: Bearer <token>.', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const { requestId } = reading;
    return createContext({
      database: this.options.database,
      requestId,
      caller,
      log: this.options.log.child({ requestId }),
      timeoutMs: this.options.requestTimeoutMs,
      version: reading.version,
    });
  }

  /** The headers of a successful read: Apollo's, with those that vary per request set for this one. */
  private successHeaders(reading: Reading, headers: Record<string, string>, version: number): Record<string, string> {
    return {
      ...headers,
      'x-graph-version': String(version),
      'cache-control': cacheControl(true, reading.role === 'anonymous', this.options.cacheMaxAgeS),
      'x-request-id': reading.requestId,
      ...(reading.request.method === 'GET' && reading.key !== undefined ? { etag: etagOf(version, reading.key) } : {}),
    };
  }

  /** Apollo's earlier answer to this request at this data version, or 304 when the client holds it. */
  private fromCache(reading: Reading, key: string, version: number): GraphqlHttpResponse | undefined {
    const hit = this.cache.get(key, version);
    if (hit === undefined) return undefined;
    const headers = this.successHeaders(reading, hit.headers, version);
    if (headers.etag !== undefined && matches(headerOf(reading.request.headers, 'if-none-match'), headers.etag)) {
      this.options.metrics.cacheOutcome('not_modified');
      const { 'content-type': _type, ...notModified } = headers;
      return { status: 304, headers: notModified, body: Buffer.alloc(0) };
    }
    this.options.metrics.cacheOutcome('hit');
    return { status: 200, headers: { ...headers, 'content-length': String(hit.body.length) }, body: hit.body };
  }

  /**
   * Runs a read Apollo has run before from its compiled form and answers it; when the result has
   * errors, returns the request's context holding that result for Apollo to answer. Undefined when
   * the request is not one Apollo ran before (or needs a check only Apollo makes).
   */
  private async fromPrepared(reading: Reading): Promise<GraphqlHttpResponse | Context | undefined> {
    const { version } = reading;
    if (version === undefined || reading.role === null) return undefined;
    const started = performance.now();
    const split = splitVariables(reading.request);
    const entry = split && this.prepared.find(`${reading.inputs}\n${split.operation}`);
    if (!split || !entry || !(await this.stillPersisted(entry))) return undefined;
    if (this.complexity(entry.document, entry.operationName, split.variables)) return undefined;
    const context = this.context(reading);
    const result = await runCompiled(entry.compiled, entry.name, context, split.variables);
    if (result.errors?.length) {
      this.options.metrics.preparedOutcome('errors');
      context.execution.result = result;
      return context;
    }
    this.options.metrics.preparedOutcome('answered');
    this.options.metrics.cacheOutcome('miss');
    // What Apollo sends for a result without errors (runHttpQuery: JSON and a newline).
    const body = Buffer.from(`${JSON.stringify({ data: result.data })}\n`);
    if (reading.key !== undefined) this.cache.set(reading.key, version, { body, headers: entry.headers });
    recordRequest(this.options.metrics, context, entry.name, 'ok', performance.now() - started);
    const headers = this.successHeaders(reading, entry.headers, version);
    return { status: 200, headers: { ...headers, 'content-length': String(body.length) }, body };
  }

  /** A persisted query's text is still in Apollo's store (a client's registration can be dropped). */
  private async stillPersisted(entry: PreparedEntry): Promise<boolean> {
    return entry.hash === undefined || (await this.persisted.get(`${APQ_PREFIX}${entry.hash}`)) !== undefined;
  }

  private async viaApollo(reading: Reading, prepared: Context | undefined): Promise<GraphqlHttpResponse> {
    const { request } = reading;
    const httpHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) httpHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let contextValue = prepared;
    const response = await this.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers: httpHeaders, search: request.search, body: request.body },
      context: async () => {
        contextValue ??= this.context(reading);
        return contextValue;
      },
    });
    const status = response.status ?? 200;
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) headers[name] = value;
    if (response.body.kind === 'chunked') return { status, headers, body: response.body.asyncIterator };
    const body = Buffer.from(response.body.string);
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.has(name)));
    const state = contextValue?.execution;
    // Apollo admitted and ran this read, and answered it (some refusals, such as an Accept it cannot
    // serve, come after the execution): its repeats may take the prepared path.
    const split = state?.ran && status === 200 && splitVariables(request);
    if (state?.ran && split) this.prepared.remember(`${reading.inputs}\n${split.operation}`, { ...state.ran, headers: kept });
    if (state?.storable && status === 200 && reading.key !== undefined && reading.version !== undefined) {
      this.options.metrics.cacheOutcome('miss');
      this.cache.set(reading.key, reading.version, { body, headers: kept });
      if (request.method === 'GET') headers.etag = etagOf(reading.version, reading.key);
    }
    headers['content-length'] = String(body.length);
    return { status, headers, body };
  }
}

/** 503 while the embedded Neo4j restarts (or after its supervisor gave up), without asking the driver. */
function unavailable(availability: Exclude<AvailabilityState, { state: 'up' }>, requestId: string): GraphqlHttpResponse {
  const error = { message: availability.reason, extensions: { code: 'SERVICE_UNAVAILABLE', requestId } };
  const body = Buffer.from(`${JSON.stringify({ errors: [error] })}\n`);
  return {
    status: 503,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...(availability.state === 'restarting' ? { 'retry-after': String(Math.max(availability.retryAfterS, RETRY_AFTER_S)) } : {}),
      'content-length': String(body.length),
    },
    body,
  };
}
