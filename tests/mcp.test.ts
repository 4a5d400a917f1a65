import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Service } from '../src/service.js';
import { startTestService } from './helpers/service.js';
import { API_TOKENS, EDITOR_TOKEN } from './helpers/tokens.js';

const TOOL_NAMES = [
  'search',
  'entity',
  'lineage',
  'path',
  'neighbourhood',
  'shared_techniques',
  'compare_models',
  'model_results',
  'leaderboard',
  'conflicts',
  'data_quality',
];

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  return { result, text, data: result.structuredContent as Record<string, any> | undefined };
}

/** The MCP server as `npm run mcp` starts it, against the run's Neo4j (documents graph), driven over stdio. */
async function stdioClient(): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: 'npm',
    args: ['run', '--silent', 'mcp'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      DEFAULT_CATALOGUES: 'none',
      MEASURES_ENABLED: 'false',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

let service: Service;
const clients: Record<'stdio' | 'http', Client> = {} as never;
let stdioStderr: () => string;

beforeAll(async () => {
  service = await startTestService();
  clients.http = new Client({ name: 'mcp-test', version: '1.0.0' });
  await clients.http.connect(new StreamableHTTPClientTransport(new URL(`${service.url}/mcp`)));
  const stdio = await stdioClient();
  clients.stdio = stdio.client;
  stdioStderr = stdio.stderr;
}, 180_000);

afterAll(async () => {
  await clients.http?.close();
  await clients.stdio?.close();
  await service?.stop();
});

describe.each(['stdio', 'http'] as const)('the MCP server over %s', (transport) => {
  it('lists the nine read tools, each with an input schema', async () => {
    const { tools } = await clients[transport].listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
  });

  it("answers GPT-4's lineage with its parent GPT-3.5 and the quote that states it", async () => {
    const { result, text, data } = await call(clients[transport], 'lineage', { modelId: 'gpt-4' });
    expect(result.isError).toBeFalsy();
    expect(text).toMatch(/GPT-4.*—DERIVED_FROM SUCCESSOR→ GPT-3\.5.*\[1\]/);
    expect(text).toContain('Sources:');
    expect(text).toContain('表明 GPT-4 可以比之前的 GPT 模型');
    const edges = data!.lineageGraph.edges as Array<{ source: string; target: string; citations: Array<{ quote: string }> }>;
    const parent = edges.find((edge) => edge.source === 'gpt-4' && edge.target === 'gpt-3-5');
    expect(parent?.citations.length).toBeGreaterThan(0);
  });

  it('finds a model by a name typed loosely ("gpt 4" finds GPT-4)', async () => {
    const { text, data } = await call(clients[transport], 'search', { query: 'gpt 4', types: ['MODEL'] });
    expect(data!.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toContain('gpt-4');
    expect(text).toContain('GPT-4 — gpt-4, MODEL');
  });

  it("gives an entity's facts with citations: its developer and a quote with its line", async () => {
    const { text } = await call(clients[transport], 'entity', { id: 'gpt-4' });
    expect(text).toMatch(/^GPT-4 — gpt-4, MODEL/);
    expect(text).toMatch(/Developers: OpenAI \(openai\) \[\d+\]/);
    expect(text).toMatch(/\[\d+\] “.+” — .+line \d+/);
    // The rumoured 1.8T stays a claim, marked as its source hedges it.
    expect(text).toMatch(/- parameters: 1\.8T \(hedged by its source: not believed\) \[\d+\]/);
  });

  it('answers an unknown id with one sentence marked as an error', async () => {
    const { result, text } = await call(clients[transport], 'entity', { id: 'no-such-model' });
    expect(result.isError).toBe(true);
    expect(text).toBe('No entity has the id "no-such-model"; the search tool finds ids by name.');
  });

  it("refuses an argument past the API's cap in the API's words, without a stack", async () => {
    const { result, text } = await call(clients[transport], 'lineage', { modelId: 'gpt-4', maxDepth: 99 });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^maxDepth must be a whole number from 1 to 20, got 99\.$/);
  });

  it('compares models and lists the techniques they share, with citations', async () => {
    const shared = await call(clients[transport], 'shared_techniques', { modelIds: ['gpt-4', 'gpt-3'] });
    expect(shared.result.isError).toBeFalsy();
    expect(shared.text).toMatch(/^- .+ \(decoder-only\): GPT-4 \[\d+\].*; GPT-3 \[\d+\]/m);
    const compared = await call(clients[transport], 'compare_models', { modelIds: ['gpt-4', 'gpt-3-5'] });
    expect(compared.text).toContain('Comparison of 2 models:');
    expect(compared.text).toMatch(/- GPT-4 \(gpt-4\): .*by OpenAI/);
  });

  it('answers path, neighbourhood, conflicts and data quality', async () => {
    const path = await call(clients[transport], 'path', { fromId: 'gpt-4', toId: 'openai' });
    expect(path.text).toMatch(/^Path from GPT-4 to OpenAI:/);
    const around = await call(clients[transport], 'neighbourhood', { id: 'gpt-4', types: ['DERIVED_FROM'] });
    expect(around.text).toContain('GPT-3.5');
    const conflicts = await call(clients[transport], 'conflicts', { first: 5 });
    expect(conflicts.result.isError).toBeFalsy();
    // The documents' graph has no flagged values (tests/data-quality.test.ts imports some): the tool says so.
    const quality = await call(clients[transport], 'data_quality', { entityId: 'gpt-4' });
    expect(quality.data!.dataQuality.totalCount).toBe(0);
    expect(quality.text).toBe('No doubted values match.');
  });
});

describe('the MCP server over HTTP', () => {
  it('answers only POST (no sessions are kept)', async () => {
    const response = await fetch(`${service.url}/mcp`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('applies the API auth rules: with READS_REQUIRE_TOKEN a tool needs a token', async () => {
    const locked = await startTestService({ READS_REQUIRE_TOKEN: 'true', API_TOKENS });
    const anonymous = new Client({ name: 'mcp-test', version: '1.0.0' });
    const editor = new Client({ name: 'mcp-test', version: '1.0.0' });
    try {
      await anonymous.connect(new StreamableHTTPClientTransport(new URL(`${locked.url}/mcp`)));
      const refused = await call(anonymous, 'lineage', { modelId: 'gpt-4' });
      expect(refused.result.isError).toBe(true);
      expect(refused.text).toMatch(/requires an API token/);
      const requestInit = { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } };
      await editor.connect(new StreamableHTTPClientTransport(new URL(`${locked.url}/mcp`), { requestInit }));
      const answered = await call(editor, 'lineage', { modelId: 'gpt-4' });
      expect(answered.text).toContain('GPT-3.5');
    } finally {
      await anonymous.close();
      await editor.close();
      await locked.stop();
    }
  });
});

describe('the MCP tools as trusted documents', () => {
  it('run under TRUSTED_DOCUMENTS=only, where ad-hoc GraphQL is refused', async () => {
    const strict = await startTestService({ TRUSTED_DOCUMENTS: 'only' });
    const client = new Client({ name: 'mcp-test', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(`${strict.url}/mcp`)));
      for (const [name, args] of [
        ['lineage', { modelId: 'gpt-4' }],
        ['entity', { id: 'gpt-4' }],
        ['search', { query: 'gpt 4' }],
      ] as const) {
        const { result, text } = await call(client, name, args);
        expect(result.isError, `${name}: ${text}`).toBeFalsy();
      }
    } finally {
      await client.close();
      await strict.stop();
    }
  });
});

describe('the MCP server over stdio', () => {
  it('logs to stderr only (stdout carries the protocol)', () => {
    expect(stdioStderr()).toContain('MCP server ready on stdio');
  });
});
