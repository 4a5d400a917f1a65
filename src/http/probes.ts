import type { ServerResponse } from 'node:http';
import type { AvailabilityState } from '../db/availability.js';
import type { Readiness } from '../db/readiness.js';
import type { Metrics } from '../metrics/metrics.js';
import type { HttpRoute } from './route.js';

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
export function healthRoute(availability: () => AvailabilityState): HttpRoute {
  return {
    name: 'health',
    matches: get('/health'),
    handle(_req, res) {
      const now = availability();
      if (now.state === 'failed') sendJson(res, 503, { status: 'failed', reason: now.reason });
      else sendJson(res, 200, { status: 'ok' });
    },
  };
}

/** GET /ready: 200 when the database can serve the API; otherwise 503 with the reason (db/readiness.ts). */
export function readyRoute(readiness: () => Promise<Readiness>): HttpRoute {
  return {
    name: 'ready',
    matches: get('/ready'),
    async handle(_req, res) {
      const now = await readiness();
      if (now.ready) return sendJson(res, 200, { status: 'ready' });
      const retry: Record<string, string> = now.retryAfterS === undefined ? {} : { 'retry-after': String(now.retryAfterS) };
      sendJson(res, 503, { status: now.status, reason: now.reason }, retry);
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
