import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { notFound } from './not-found.js';
import type { HttpRoute } from './route.js';

/** The graph explorer's build output (npm run build), served at /. */
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** GET / and the explorer's files; registered last, it answers 404 for every path nothing else serves. */
export function explorerRoute(): HttpRoute {
  const files = existsSync(path.join(WEB_DIST, 'index.html')) ? express.static(WEB_DIST) : undefined;
  return {
    name: 'explorer',
    matches: () => true,
    handle(req, res) {
      if (files === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
      files(req as express.Request, res as express.Response, () => notFound(res));
    },
  };
}
