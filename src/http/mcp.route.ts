import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { GraphqlExecutor } from '../graphql/execution/executor.js';
import type { Logger } from '../logging/logger.js';
import { operationRunner } from '../mcp/run.js';
import { createMcpServer } from '../mcp/server.js';
import { SERVICE_VERSION } from '../mcp/version.js';
import { readJsonBody } from './body.js';
import type { HttpRoute } from './route.js';

/** A JSON-RPC error as the MCP transport words its own refusals. */
function sendRpcError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/**
 * /mcp: the MCP server over streamable HTTP, stateless (no session; each POST carries its JSON-RPC
 * messages and gets JSON back). Each tool call runs as a GraphQL operation through the executor with
 * the request's Authorization, so the API's auth rules, caps and deadline apply (src/mcp/run.ts).
 */
export function mcpRoute(executor: GraphqlExecutor, log: Logger): HttpRoute {
  return {
    name: 'mcp',
    matches: (_req, path) => path === '/mcp',
    async handle(req: IncomingMessage, res: ServerResponse) {
      if (req.method !== 'POST') {
        req.resume();
        return sendRpcError(res, 405, 'This MCP endpoint keeps no sessions: send each JSON-RPC message with POST.', { allow: 'POST' });
      }
      const body = await readJsonBody(req);
      if (body.kind === 'refused') return sendRpcError(res, body.status, body.message);
      const server = createMcpServer(operationRunner(executor, req.headers), SERVICE_VERSION, log);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body.kind === 'json' ? body.value : undefined);
    },
  };
}
