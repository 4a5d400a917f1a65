import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';

/** A GraphQL request read off the wire: a JSON POST body, or a GET's query string. */
export interface GraphqlHttpRequest {
  method: 'GET' | 'POST';
  search: string;
  body: unknown;
  /** What identifies the request for caching: the POST body's text, or the GET query string. */
  text: string;
}

/** What the prepared path needs of a GraphQL request: its text or persisted query hash, name and variables. */
export interface PreparedRequest {
  query: string | undefined;
  hash: string | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** The response's content type, as Apollo would choose it from the Accept header. */
  contentType: string;
}

type Fields = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, is: (v: unknown) => boolean) => value === undefined || value === null || is(value);
const isString = (value: unknown): value is string => typeof value === 'string';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const NEGOTIATED = new Map<string, string | null>();
const MAX_ACCEPT_HEADERS = 64;

/** Apollo's choice of content type for a single result; null for anything else (Apollo answers it). */
export function contentTypeFor(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  let type = NEGOTIATED.get(accept);
  if (type === undefined) {
    // The same order as Apollo's, whose third type (subscription callbacks) is left to it.
    const preferred = new Negotiator({ headers: { accept } }).mediaType([
      JSON_TYPE,
      GRAPHQL_RESPONSE_TYPE,
      'application/json;callbackSpec=1.0',
    ]);
    type = preferred === JSON_TYPE || preferred === GRAPHQL_RESPONSE_TYPE ? preferred : null;
    if (NEGOTIATED.size < MAX_ACCEPT_HEADERS) NEGOTIATED.set(accept, type);
  }
  return type;
}

/** The GET parameters, each at most once and the JSON ones parsed, or null where Apollo would refuse. */
function getFields(search: string): Fields | null {
  const params = new URLSearchParams(search);
  const fields: Record<string, unknown> = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions']) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    if (values.length === 0) continue;
    if (name === 'variables' || name === 'extensions') {
      try {
        fields[name] = JSON.parse(values[0]!);
      } catch {
        return null;
      }
    } else fields[name] = values[0];
  }
  return fields;
}

/**
 * Reads a request for the prepared path, or returns null for anything unusual: Apollo then answers
 * it, with its own checks and errors (a malformed body, a GET with another content type, a
 * persisted query that registers its text, an Accept header it would refuse).
 */
export function readPreparedRequest(req: IncomingMessage, request: GraphqlHttpRequest): PreparedRequest | null {
  const contentType = contentTypeFor(req.headers.accept);
  if (contentType === null) return null;
  if (request.method === 'GET' && req.headers['content-type'] !== undefined) return null;
  const fields = request.method === 'GET' ? getFields(request.search) : isRecord(request.body) ? (request.body as Fields) : null;
  if (fields === null) return null;
  const { query, operationName, variables, extensions } = fields;
  if (!optional(query, isString) || !optional(operationName, isString) || !optional(variables, isRecord) || !optional(extensions, isRecord))
    return null;
  const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
  const hash = isRecord(persisted) && persisted.version === 1 && isString(persisted.sha256Hash) ? persisted.sha256Hash : undefined;
  // A query sent with its hash registers (and checks) an automatic persisted query: Apollo's work.
  if (persisted !== undefined && (query !== undefined || hash === undefined)) return null;
  if (query === undefined && hash === undefined) return null;
  return {
    query: (query as string | null | undefined) ?? undefined,
    hash,
    operationName: (operationName as string | null | undefined) ?? undefined,
    variables: (variables as Record<string, unknown> | null) ?? {},
    contentType,
  };
}
