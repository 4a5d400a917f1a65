/**
 * Where the trusted documents come from: the explorer's operations (web/src/operations/*.graphql) as
 * GraphQL Code Generator compiled them into web/src/generated/persisted-documents.json — the texts the
 * explorer's ids stand for — the MCP tools' operations (src/mcp/operations, compiled likewise), and the
 * playground's examples, as GraphiQL sends them.
 */
import { readFileSync } from 'node:fs';
import { PLAYGROUND_EXAMPLES } from '../http/playground.js';

export const EXPLORER_DOCUMENTS = new URL('../../web/src/generated/persisted-documents.json', import.meta.url);
/** The MCP tools' operations (src/mcp/operations), compiled the same way. */
export const MCP_DOCUMENTS = new URL('../../src/mcp/generated/persisted-documents.json', import.meta.url);

/** The explorer's operation texts, by the id it sends (`sha256:<hex>` of the text). */
export function explorerOperations(path: URL | string = EXPLORER_DOCUMENTS): Map<string, string> {
  return new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>));
}

export const trustedOperationTexts = (): string[] => [
  ...explorerOperations().values(),
  ...explorerOperations(MCP_DOCUMENTS).values(),
  ...PLAYGROUND_EXAMPLES.map((example) => example.query),
];
