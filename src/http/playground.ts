import { createRequire } from 'node:module';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import express from 'express';
import Negotiator from 'negotiator';
import { notFound } from './not-found.js';
import type { HttpRoute } from './route.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export const PLAYGROUND_EXAMPLES = [
  {
    title: 'Lineage',
    query: `# Ancestors and descendants of GPT-4, nearest first
query Lineage {
  lineage(modelId: "gpt-4", direction: BOTH, maxDepth: 5) {
    depth
    kind
    direction
    model { id name releaseDate developers { name } }
    via { name }
  }
}`,
  },
  {
    title: 'Shared techniques',
    query: `# What GPT-3 and LLaMA have in common, and who resembles LLaMA most
query Shared {
  sharedTechniques(modelIds: ["gpt-3", "llama"]) { id name category }
  similarModels(modelId: "llama", first: 5) { score model { name } shared { name } }
}`,
  },
  {
    title: 'Path',
    query: `# A shortest path between a model and an organization, with the quotes behind each step
query Path {
  path(fromId: "chatglm3-6b", toId: "google") {
    nodes { id label type }
    edges { type source target citations { quote source { title file } } }
  }
}`,
  },
  {
    title: 'Neighbourhood',
    query: `# Everything within two steps of hallucination (幻觉), ready for a graph library
query Neighbourhood {
  neighborhood(ids: ["hallucination"], depth: 2, limit: 50) {
    truncated
    nodes { id label type }
    edges { id source target type kind }
  }
}`,
  },
  {
    title: 'Search',
    query: `# Chinese or English names
query Search {
  search(query: "星火") { score entity { __typename id name aliases } }
}`,
  },
];

/** A GraphiQL page whose scripts are served from node_modules, so it works without internet access. */
function page(): string {
  const tabs = JSON.stringify(PLAYGROUND_EXAMPLES.map(({ query }) => ({ query })));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>LLM knowledge graph · GraphQL playground</title>
  <link rel="stylesheet" href="/playground/graphiql/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script src="/playground/react/umd/react.production.min.js"></script>
  <script src="/playground/react-dom/umd/react-dom.production.min.js"></script>
  <script src="/playground/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultTabs: ${tabs} }),
    );
  </script>
</body>
</html>`;
}

const prefersHtml = (req: IncomingMessage) =>
  (req.headers.accept ?? '').includes('text/html') &&
  new Negotiator({ headers: { accept: req.headers.accept } }).mediaType(['application/json', 'text/html']) === 'text/html';

/** GET /graphql from a browser (it prefers HTML) opens GraphiQL; its assets live under /playground. */
export function playgroundRoute(): HttpRoute {
  const assets = new Map(
    ['graphiql', 'react', 'react-dom'].map((name) => [name, express.static(packageDir(name), { immutable: true, maxAge: '1d' })]),
  );
  const html = Buffer.from(page());
  return {
    name: 'playground',
    matches: (req, path) =>
      (path.startsWith('/playground/') && req.method === 'GET') || (path === '/graphql' && req.method === 'GET' && prefersHtml(req)),
    handle(req, res) {
      if (!(req.url ?? '').startsWith('/playground/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length });
        res.end(html);
        return;
      }
      // /playground/<package>/<file>: the package's own files, from node_modules.
      const [, , name = '', ...rest] = (req.url ?? '').split('/');
      const files = assets.get(name);
      if (files === undefined) return notFound(res);
      req.url = `/${rest.join('/')}`;
      files(req as express.Request, res as express.Response, () => notFound(res));
    },
  };
}
