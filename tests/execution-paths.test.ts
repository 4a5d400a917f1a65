import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../bench/scenarios.js';
import { loadManifest } from '../src/graphql/execution/trusted-documents.js';
import type { Service } from '../src/service.js';
import { startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

/**
 * Apollo's answer and the fast paths' answers, byte for byte (src/graphql/execution/executor.ts):
 * each request below is sent twice, the first time through Apollo (nothing like it was answered
 * before), the second time through the prepared path (response cache off) or the response cache
 * (on). Status, headers (but Date) and body must not differ, errors and bad variables included.
 * The requests: every operation of the trusted-documents manifest (by text, and by id over POST
 * and GET), every query the benchmark sends, and refusals.
 */

/** A value for each variable the operations declare, by name; per operation where a name means something else. */
const VALUES: Record<string, unknown> = {
  id: 'gpt-4',
  ids: ['gpt-4', 'llama'],
  a: 'gpt-4',
  from: 'gpt-3',
  to: 'openai',
  query: 'GPT',
  q: '星火',
  first: 5,
  depth: 1,
  after: null,
  bucket: 'YEAR',
  by: 'ORGANIZATION',
  where: { organization: 'openai' },
  orderBy: [{ field: 'RELEASE_DATE', direction: 'DESC' }],
  asOf: '2023-12-31',
  modelId: 'gpt-4',
  direction: 'ANCESTORS',
  maxDepth: 3,
  fromId: 'gpt-3',
  toId: 'openai',
  limit: 20,
  includePrecision: false,
  benchmark: 'mmlu',
};
const PER_OPERATION: Record<string, Record<string, unknown>> = {
  AdoptionCurve: { ids: ['transformer', 'rlhf'] },
  // The MCP tools' operations (src/mcp/operations).
  McpSearch: { types: ['MODEL'] },
  McpNeighbourhood: { types: ['DERIVED_FROM'] },
  McpDataQuality: { where: { entityId: 'gpt-4' } },
  Leaderboard: { where: { developer: 'openai' } },
  McpLeaderboard: { where: { developer: 'openai', selfReported: false } },
};

function variablesOf(name: string, body: string): Record<string, unknown> {
  const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map(({ variable }) => {
      const value = PER_OPERATION[name]?.[variable.name.value] ?? VALUES[variable.name.value];
      if (value === undefined) throw new Error(`No value for $${variable.name.value} of ${name}: add one to VALUES.`);
      return [variable.name.value, value];
    }),
  );
}

type Send = { method?: 'GET' | 'POST'; body?: unknown; params?: Record<string, unknown>; headers?: Record<string, string> };
/** Which path answers the repeat: the fast one (with or without errors), or Apollo again (a refusal only it makes). */
type Fast = 'answered' | 'errors' | 'apollo';
interface Case extends Send {
  name: string;
  fast: Fast;
  /** Sent once before, under the same headers (an operation Apollo has run with good variables). */
  warm?: Send;
  /** Sent without the header that keeps each case's entries apart (it would count as a CSRF preflight). */
  bare?: true;
}

const nested =
  'query Nested($n: Int!) { models(first: $n) { edges { node { developers { models { developers { id } techniques { id } } } } } } }';
const walk = 'query Walk($d: LineageDirection!) { lineage(modelId: "gpt-4", direction: $d, maxDepth: 2) { depth model { id } } }';

const manifest = loadManifest();
const CASES: Case[] = [
  ...manifest.operations.flatMap((op): Case[] => {
    const variables = variablesOf(op.name, op.body);
    const persisted = { persistedQuery: { version: 1, sha256Hash: op.id } };
    return [
      { name: `${op.name} by text`, body: { query: op.body, variables }, fast: 'answered' },
      { name: `${op.name} by id`, body: { variables, extensions: persisted }, fast: 'answered' },
      {
        name: `${op.name} by id over GET`,
        method: 'GET',
        params: { extensions: persisted, variables },
        headers: { 'apollo-require-preflight': 'true' },
        fast: 'answered',
      },
    ];
  }),
  ...SCENARIOS.map((scenario): Case => {
    const variables = scenario.ours.startsWith('query') ? variablesOf(scenario.name, scenario.ours) : {};
    return { name: `benchmark: ${scenario.name}`, body: { query: scenario.ours, variables }, fast: 'answered' };
  }),
  {
    name: 'a graphql-response+json Accept',
    body: { query: '{ model(id: "gpt-4") { id name } }' },
    headers: { accept: 'application/graphql-response+json, application/json;q=0.9' },
    fast: 'answered',
  },
  {
    name: 'a read with a token (never public)',
    body: { query: '{ model(id: "gpt-4") { id name } }' },
    headers: bearer(EDITOR_TOKEN),
    fast: 'answered',
  },
  {
    name: 'an id that names no model (refused after reading)',
    body: { query: 'query C($ids: [ID!]!) { compareModels(ids: $ids) { models { id } } }', variables: { ids: ['gpt-4', 'no-such-model'] } },
    fast: 'errors',
  },
  {
    name: 'an argument over its cap (refused before reading)',
    body: { query: 'query L($d: Int!) { lineage(modelId: "gpt-4", maxDepth: $d) { depth } }', variables: { d: 99 } },
    fast: 'errors',
  },
  {
    // The same words whether or not a good value of the same shape was weighed (and compiled) before.
    name: "an enum's bad value, after a good one",
    warm: { body: { query: walk, variables: { d: 'ANCESTORS' } } },
    body: { query: walk, variables: { d: 'SIDEWAYS' } },
    fast: 'errors',
  },
  { name: 'a variable of the wrong type', body: { query: nested, variables: { n: 'many' } }, fast: 'apollo' },
  { name: 'a missing variable', body: { query: nested, variables: {} }, fast: 'apollo' },
  {
    name: 'over the complexity budget',
    warm: { body: { query: nested, variables: { n: 2 } } },
    body: { query: nested, variables: { n: 100 } },
    fast: 'apollo',
  },
  { name: 'variables that are not an object', body: { query: nested, variables: '{"n": 2}' }, fast: 'apollo' },
  { name: 'a query that does not parse', body: { query: '{ model(id: "gpt-4") { id ' }, fast: 'apollo' },
  { name: 'a field the schema lacks', body: { query: '{ model(id: "gpt-4") { id colour } }' }, fast: 'apollo' },
  {
    name: 'an unknown persisted query id',
    body: { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
    fast: 'apollo',
  },
  {
    name: 'a GET without a preflight header (CSRF)',
    method: 'GET',
    params: { query: '{ model(id: "gpt-4") { id } }' },
    fast: 'apollo',
    bare: true,
  },
  {
    name: 'an Accept Apollo cannot answer',
    body: { query: '{ model(id: "gpt-4") { id } }' },
    headers: { accept: 'image/png' },
    fast: 'apollo',
  },
  { name: 'a mutation without a token', body: { query: 'mutation { deleteEntity(id: "gpt-4") }' }, fast: 'apollo' },
];

async function send(url: string, request: Send, headers: Record<string, string>): Promise<Response> {
  if (request.method === 'GET') {
    const query = new URLSearchParams(
      Object.entries(request.params ?? {}).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    return fetch(`${url}/graphql?${query}`, { headers: { ...headers, ...request.headers } });
  }
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...request.headers },
    body: JSON.stringify(request.body),
  });
}

/** Everything a client receives but the Date header. */
async function received(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, headers, body: await response.text() };
}

async function counts(url: string): Promise<{ answered: number; errors: number; hit: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const count = (metric: string, outcome: string) =>
    Number(new RegExp(`^${metric}\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    answered: count('graphql_prepared_total', 'answered'),
    errors: count('graphql_prepared_total', 'errors'),
    hit: count('graphql_response_cache_total', 'hit'),
  };
}

for (const [path, env] of [
  ['the prepared path', { RESPONSE_CACHE_MB: '0' }],
  ['the response cache', { RESPONSE_CACHE_MB: '16' }],
] as const) {
  describe(`Apollo and ${path} answer alike`, () => {
    let service: Service;
    beforeAll(async () => {
      service = await startTestService({ ...env, API_TOKENS });
    });
    afterAll(async () => {
      await service?.stop();
    });

    it('covers every trusted operation', () => {
      const named = new Set(CASES.map((c) => c.name.replace(/ by (text|id|id over GET)$/, '')));
      for (const op of manifest.operations) expect(named).toContain(op.name);
    });

    CASES.forEach((c, index) => {
      it(c.name, async () => {
        // Headers of this case alone: its requests share no cache or prepared entry with another case's.
        // (x-apollo-operation-name is one of Apollo's CSRF headers; a JSON POST passes without it.)
        const headers = (key: string) => ({ ...(c.bare ? {} : { 'x-apollo-operation-name': key }), 'x-request-id': `paths-${index}` });
        const first = headers(`case-${index}`);
        // A warmed case is repeated under headers of its own, so that its first request still meets Apollo.
        const repeat = c.warm ? headers(`case-${index}-warmed`) : first;
        const before = await counts(service.url);
        const viaApollo = await received(await send(service.url, c, first));
        expect(await counts(service.url)).toEqual(before);
        if (c.warm) await send(service.url, c.warm, repeat);
        const middle = await counts(service.url);
        const again = await received(await send(service.url, c, repeat));
        const after = await counts(service.url);
        expect(again).toEqual(viaApollo);
        const cached = path === 'the response cache' && c.fast === 'answered';
        expect({
          answered: after.answered - middle.answered,
          errors: after.errors - middle.errors,
          hit: after.hit - middle.hit,
        }).toEqual({
          answered: c.fast === 'answered' && !cached ? 1 : 0,
          errors: c.fast === 'errors' ? 1 : 0,
          hit: cached ? 1 : 0,
        });
      });
    });
  });
}
