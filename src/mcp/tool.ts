import type { z } from 'zod';
import type { TypedDocumentString } from './generated/graphql.js';
import type { RunOperation } from './run.js';

/** What a tool answers: short text for the assistant, and the operation's data as structured content. */
export interface Answer {
  text: string;
  structured: Record<string, unknown>;
}

/** A tool as the MCP server registers it (server.ts): its input schema and how to answer a call. */
export interface McpTool {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  call(args: Record<string, unknown>, run: RunOperation): Promise<Answer>;
}

/**
 * A tool is one GraphQL document (src/mcp/operations), a zod input schema, the variables it maps its
 * arguments to, and a formatter of the data into compact cited text. Adding a tool is one `tool({…})`
 * entry in tools.ts (and its operation, then `npm run manifest:print`).
 */
export function tool<Shape extends z.ZodRawShape, Result, Variables>(spec: {
  name: string;
  title: string;
  description: string;
  input: Shape;
  document: TypedDocumentString<Result, Variables>;
  variables(args: z.infer<z.ZodObject<Shape>>): Variables;
  /** Throws a ToolError (one sentence) when the data answers nothing, e.g. an unknown id. */
  format(data: Result, args: z.infer<z.ZodObject<Shape>>): string;
}): McpTool {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    input: spec.input,
    async call(raw, run) {
      // The SDK has parsed the arguments against `input` already.
      const args = raw as z.infer<z.ZodObject<Shape>>;
      const data = await run(spec.document, spec.variables(args));
      return { text: spec.format(data, args), structured: data as Record<string, unknown> };
    },
  };
}
