import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from '../logging/logger.js';
import type { RunOperation } from './run.js';
import { ToolError } from './run.js';
import { TOOLS } from './tools.js';

const INSTRUCTIONS =
  'A knowledge graph of large language models: models, organizations, techniques, limitations, datasets, products. ' +
  'Find ids with search, then ask entity, lineage, path, neighbourhood, shared_techniques, compare_models, conflicts or data_quality. ' +
  'Every fact comes with its citations: quote [n] and source, line or row at the end of the answer.';

/**
 * The MCP server: each tool runs its GraphQL operation through `run` (run.ts) and answers compact
 * cited text with the data as structured content; a refusal is one sentence with isError.
 */
export function createMcpServer(run: RunOperation, version: string, log: Logger): McpServer {
  const server = new McpServer({ name: 'llm-knowledge-graph', version }, { instructions: INSTRUCTIONS });
  for (const tool of TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async (args: Record<string, unknown>) => {
        try {
          const answer = await tool.call(args, run);
          return { content: [{ type: 'text' as const, text: answer.text }], structuredContent: answer.structured };
        } catch (error) {
          if (error instanceof ToolError) return { content: [{ type: 'text' as const, text: error.message }], isError: true };
          // A fault of ours: logged with its stack, the assistant gets one sentence without details.
          log.error({ err: error, tool: tool.name }, `MCP tool ${tool.name} failed`);
          const text = `The ${tool.name} tool failed unexpectedly; the service's log has the details.`;
          return { content: [{ type: 'text' as const, text }], isError: true };
        }
      },
    );
  }
  return server;
}
