import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';

/** The largest request body accepted. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const BODY_TOO_LARGE = 'The request body is larger than the 1 MB limit.';
export const BODY_NOT_JSON = 'The request body is not valid JSON.';

/** The JSON error body every HTTP-level refusal uses, so clients parse one shape. */
export function sendHttpError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Whether the body, by its declared length, is over the limit before a byte of it is read. */
export const declaresTooLarge = (req: IncomingMessage): boolean => Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES;

/** What is still read (and discarded) of a refused body, so that the client can read the 413. */
const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;
const DRAIN_LIMIT_MS = 10_000;

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

const PLAIN_JSON = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/** The body as text, or null (with the request paused where it stopped) once it passes the limit. */
function readPlain(req: IncomingMessage): Promise<string | null> {
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

// Compressed bodies and other charsets: Express's JSON parser (body-parser) decodes them.
const decodeJson = express.json({ limit: BODY_LIMIT_BYTES });

export type Body = { kind: 'json'; value: unknown; text: string } | { kind: 'none' } | { kind: 'refused'; status: number; message: string };

/**
 * A JSON request body: read straight off the socket when it is plain UTF-8 JSON (most requests),
 * else decoded by body-parser; `none` for a body of another type (the GraphQL layer says what it
 * makes of that). A body over the limit or not JSON is refused with one sentence.
 */
export async function readJsonBody(req: IncomingMessage): Promise<Body> {
  if (req.headers['content-encoding'] === undefined && PLAIN_JSON.test(req.headers['content-type'] ?? '')) {
    const text = await readPlain(req);
    if (text === null) return { kind: 'refused', status: 413, message: BODY_TOO_LARGE };
    try {
      return { kind: 'json', value: JSON.parse(text), text };
    } catch {
      return { kind: 'refused', status: 400, message: BODY_NOT_JSON };
    }
  }
  const parsed = req as IncomingMessage & { body?: unknown };
  const error = await new Promise<(Error & { status?: number; type?: string }) | undefined>((resolve) =>
    decodeJson(parsed as express.Request, {} as express.Response, (failure?: unknown) => resolve(failure as Error | undefined)),
  );
  if (error === undefined)
    return parsed.body === undefined ? { kind: 'none' } : { kind: 'json', value: parsed.body, text: JSON.stringify(parsed.body) };
  if (error.type === 'entity.too.large') return { kind: 'refused', status: 413, message: BODY_TOO_LARGE };
  if (error.type === 'entity.parse.failed') return { kind: 'refused', status: 400, message: BODY_NOT_JSON };
  return { kind: 'refused', status: error.status ?? 400, message: error.message };
}
