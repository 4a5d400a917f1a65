import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServeGraphql } from './graphql-serve.js';

/** The largest request body accepted, on this path and on the Express one. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The JSON error body every HTTP-level refusal uses, so clients parse one shape. */
export function sendHttpError(res: ServerResponse, status: number, message: string): void {
  const payload = JSON.stringify({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Messages for the body-parsing failures, shared with the Express error handler. */
export const BODY_TOO_LARGE = 'The request body is larger than the 1 MB limit.';
export const BODY_NOT_JSON = 'The request body is not valid JSON.';

const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/**
 * Whether a request can take the direct path: a plain (uncompressed, UTF-8) JSON POST to /graphql.
 * Anything unusual keeps going through Express, whose body parser handles encodings and charsets.
 */
export function isPlainGraphqlPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers['content-encoding'] !== undefined) return false;
  const url = req.url ?? '';
  return (url === '/graphql' || url.startsWith('/graphql?')) && JSON_TYPE.test(req.headers['content-type'] ?? '');
}

/** What is still read (and discarded) of a refused body, so that the client can read the 413. */
const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;
const DRAIN_LIMIT_MS = 10_000;

/** Whether the body, by its declared length, is over the limit before a byte of it is read. */
export const declaresTooLarge = (req: IncomingMessage): boolean => Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES;

/**
 * Answers 413 at once and keeps reading the rest of the body, discarding it. Closing the
 * connection while the client is still sending makes its next write fail (EPIPE, or a reset that
 * also loses the 413 it had not read yet); after the drain the connection is reusable. A client
 * that goes on sending past the drain limits has its connection closed.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  let drained = 0;
  const stop = setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS);
  stop.unref();
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.on('end', () => clearTimeout(stop));
  req.resume();
  sendHttpError(res, 413, BODY_TOO_LARGE);
}

/** The body as text, or null (with the request paused where it stopped) once it passes the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  if (declaresTooLarge(req)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves a plain JSON POST /graphql straight from node:http (through the response cache to Apollo,
 * graphql-serve.ts). Express's router, body parser and response helpers cost about a tenth of the
 * service's CPU per request on small queries (measured with `node --cpu-prof` under `npm run bench`),
 * and a GraphQL POST needs none of them. Apollo still does everything GraphQL: CSRF prevention,
 * parsing, validation, plugins, errors.
 */
export function graphqlPostHandler(serve: ServeGraphql): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const text = await readBody(req);
    if (text === null) return refuseTooLarge(req, res);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendHttpError(res, 400, BODY_NOT_JSON);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    return serve(req, res, { method: 'POST', search: query < 0 ? '' : url.slice(query), body, text });
  };
}

/** A GET /graphql with a query string, from a client rather than a browser tab (those get the playground). */
export function isGraphqlGet(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.url ?? '').startsWith('/graphql?') && !(req.headers.accept ?? '').includes('text/html');
}

/** Serves a GET /graphql query (or persisted query) the same way, straight from node:http. */
export function graphqlGetHandler(serve: ServeGraphql): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) => {
    const url = req.url ?? '';
    const search = url.slice(url.indexOf('?'));
    return serve(req, res, { method: 'GET', search, body: undefined, text: search });
  };
}
