import express from 'express';
import { documentSources, documentText } from '../documents/store.js';
import { type Passage, renderDocument, renderIndex } from '../documents/render.js';
import { sendHttpError } from './body.js';
import { notFound } from './not-found.js';
import type { HttpRoute } from './route.js';

/** The documents do not change while the service runs. */
const CACHE = 'public, max-age=3600';

const OFFSET = /^\d{1,9}$/;

/** ?start=&end= (a Locator's offsets), when both are given and well formed. */
function passageOf(query: Record<string, unknown>): Passage | undefined | 'bad' {
  const { start, end } = query;
  if (start === undefined && end === undefined) return undefined;
  if (typeof start !== 'string' || typeof end !== 'string' || !OFFSET.test(start) || !OFFSET.test(end) || Number(start) >= Number(end))
    return 'bad';
  return { start: Number(start), end: Number(end) };
}

/** GET /documents/ lists the source documents; /documents/<file> renders one (?format=text: as stored; ?start=&end=: a passage marked). */
export function documentsRoutes(): express.Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.set('cache-control', CACHE).type('html').send(renderIndex(documentSources()));
  });
  router.get('/:file', (req, res) => {
    const file = req.params.file;
    const text = documentText(file);
    if (text === null) {
      sendHttpError(res, 404, `No source document is named ${JSON.stringify(file)}; /documents/ lists them.`);
      return;
    }
    const passage = passageOf(req.query);
    if (passage === 'bad') {
      sendHttpError(res, 400, 'start and end must be character offsets with start < end, as a citation’s locator gives them.');
      return;
    }
    res.set('cache-control', CACHE);
    if (req.query.format === 'text') res.type('text/plain; charset=utf-8').send(text);
    else
      res.type('html').send(
        renderDocument(
          file,
          text,
          documentSources().find((s) => s.file === file),
          passage,
        ),
      );
  });
  return router;
}

/** /documents and everything under it (registered in routes.ts), served by the router above. */
export function documentsRoute(): HttpRoute {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/documents', documentsRoutes());
  app.use((_req: express.Request, res: express.Response) => notFound(res));
  return {
    name: 'documents',
    matches: (_req, path) => path === '/documents' || path.startsWith('/documents/'),
    handle: (req, res) => app(req as express.Request, res as express.Response),
  };
}
