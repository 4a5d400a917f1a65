// Writes docs/mcp-transcript.md: what an MCP client sees when it asks the graph for GPT-4's lineage.
// It starts the stdio server exactly as an MCP client would (`npm run --silent mcp`, with this
// process's environment: by default the embedded Neo4j and the default graph) and records each
// request and the answer's text as the SDK's client received them.
//
//   node tools/mcp-transcript.mjs [--out docs/mcp-transcript.md]
import { writeFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'docs/mcp-transcript.md';
const CALLS = [
  { name: 'search', arguments: { query: 'gpt 4', types: ['MODEL'], first: 3 } },
  { name: 'lineage', arguments: { modelId: 'gpt-4' } },
  { name: 'entity', arguments: { id: 'gpt-3-5' } },
  { name: 'leaderboard', arguments: { benchmarkId: 'gpqa-diamond', first: 5, selfReported: false } },
  { name: 'lineage', arguments: { modelId: 'gpt-5-turbo' } },
];

const transport = new StdioClientTransport({ command: 'npm', args: ['run', '--silent', 'mcp'], env: process.env, stderr: 'inherit' });
const client = new Client({ name: 'mcp-transcript', version: '1.0.0' });
await client.connect(transport);
const server = client.getServerVersion();
const { tools } = await client.listTools();
const sections = [
  '# MCP transcript: GPT-4\'s lineage, cited',
  '',
  `Recorded by \`node tools/mcp-transcript.mjs\` on ${new Date().toISOString().slice(0, 10)}: the SDK's \`Client\` over stdio`,
  `(\`npm run --silent mcp\`, the default graph), server ${server?.name} ${server?.version}. Each call is the request the`,
  'client sent and the text content it got back (the structured content, the same data as JSON, is left out).',
  '',
  `Tools listed: ${tools.map((tool) => `\`${tool.name}\``).join(', ')}.`,
];
for (const call of CALLS) {
  const result = await client.callTool(call);
  const text = result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
  sections.push(
    '',
    `## \`${call.name}\` ${JSON.stringify(call.arguments)}${result.isError ? ' (isError)' : ''}`,
    '',
    '```text',
    text,
    '```',
  );
}
await client.close();
writeFileSync(out, `${sections.join('\n')}\n`);
console.log(`wrote ${out}`);
