import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphqlExecutor } from '../graphql/execution/executor.js';
import type { GraphqlHttpRequest, GraphqlHttpResponse } from '../graphql/execution/http.js';
import { readJsonBody, sendHttpError } from './body.js';
import type { HttpRoute } from './route.js';

/** Writes the executor's answer as it is. */
async function send(res: ServerResponse, response: GraphqlHttpResponse): Promise<void> {
  res.writeHead(response.status, response.headers);
  if (Buffer.isBuffer(response.body)) {
    res.end(response.body);
    return;
  }
  for await (const chunk of response.body) res.write(chunk);
  res.end();
}

/**
 * /graphql: reads the request (the body for a POST, the query string for a GET), hands it to the
 * GraphQL executor (src/graphql/execution) and writes what it answers. Nothing GraphQL is decided
 * here. (A browser's GET /graphql opens the playground, an earlier route.)
 */
export function graphqlRoute(executor: GraphqlExecutor): HttpRoute {
  return {
    name: 'graphql',
    matches: (_req, path) => path === '/graphql',
    async handle(req: IncomingMessage, res: ServerResponse) {
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const search = query < 0 ? '' : url.slice(query);
      const request: GraphqlHttpRequest = { method: req.method ?? 'GET', headers: req.headers, search, body: undefined, text: search };
      if (request.method === 'POST') {
        const body = await readJsonBody(req);
        if (body.kind === 'refused') return sendHttpError(res, body.status, body.message);
        if (body.kind === 'json') Object.assign(request, { body: body.value, text: body.text });
      } else req.resume();
      await send(res, await executor.execute(request));
    },
  };
}
