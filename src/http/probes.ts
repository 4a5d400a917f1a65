import type { ServerResponse } from 'node:http';
import type { DatabaseAvailability } from '../db/availability.js';
import type { Database } from '../db/database.js';
import { missingSchemaItems } from '../db/migrations.js';
import type { Metrics } from '../metrics/metrics.js';
import type { HttpRoute } from './route.js';

const READY_TIMEOUT_MS = 2_500;

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
};

const get = (path: string) => (req: { method?: string }, requested: string) =>
  requested === path && (req.method === 'GET' || req.method === 'HEAD');

/**
 * GET /health: the process is up and can serve; 503 once the embedded Neo4j's supervisor has given
 * up on it (only a restart of the service helps then, which is what a liveness probe is for).
 */
export function healthRoute(availability: DatabaseAvailability): HttpRoute {
  return {
    name: 'health',
    matches: get('/health'),
    handle(_req, res) {
      const now = availability.now;
      if (now.state === 'failed') sendJson(res, 503, { status: 'failed', reason: now.reason });
      else sendJson(res, 200, { status: 'ok' });
    },
  };
}

/**
 * GET /ready: Neo4j answers and the constraints and indexes are in place; otherwise 503 with the
 * reason (the embedded Neo4j restarting, with Retry-After; Neo4j not answering; schema items offline).
 */
export function readyRoute(database: Database, availability: DatabaseAvailability): HttpRoute {
  return {
    name: 'ready',
    matches: get('/ready'),
    async handle(_req, res) {
      const now = availability.now;
      if (now.state === 'restarting')
        return sendJson(res, 503, { status: 'restarting', reason: now.reason }, { 'retry-after': String(now.retryAfterS) });
      if (now.state === 'failed') return sendJson(res, 503, { status: 'failed', reason: now.reason });
      try {
        await database.ping(READY_TIMEOUT_MS);
        const missing = await withTimeout(missingSchemaItems(database), READY_TIMEOUT_MS);
        if (missing.length > 0)
          sendJson(res, 503, { status: 'unavailable', reason: `Schema items not online yet: ${missing.join(', ')}.` });
        else sendJson(res, 200, { status: 'ready' });
      } catch (error) {
        sendJson(res, 503, { status: 'unavailable', reason: `Neo4j does not answer: ${(error as Error).message}` });
      }
    },
  };
}

/** GET /metrics: Prometheus's text format. */
export function metricsRoute(metrics: Metrics): HttpRoute {
  return {
    name: 'metrics',
    matches: get('/metrics'),
    async handle(_req, res) {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
