import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Range } from '../src/domain/limits.js';
import { createErrorFormatter } from '../src/graphql/execution/format-error.js';
import { createLogger } from '../src/logging/logger.js';
import type { Service } from '../src/service.js';
import { modelIds } from './helpers/seed-facts.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

const run = promisify(execFile);

let service: Service;
beforeAll(async () => {
  service = await startTestService({ API_TOKENS, NODE_ENV: 'production' });
});
afterAll(() => service.stop());

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${service.url}/graphql`, { method: 'POST', headers, body });

async function fingerprint() {
  const [row] = await service.database.scope().read(
    `RETURN COUNT { (:Entity) } AS entities, COUNT { ()-[r]->() } AS relationships, COUNT { (:Source) } AS sources,
            COLLECT { MATCH (n:Entity) RETURN n.id + n.name + coalesce(n.description, '') ORDER BY n.id } AS text`,
  );
  return row;
}

describe('query limits', () => {
  it('refuses a query deeper than the depth limit, naming it', async () => {
    // model → (developers → models) × 6 → name: 14 levels.
    const deep = `{ model(id: "gpt-4") ${'{ developers { models '.repeat(6)}{ name }${' } }'.repeat(6)} }`;
    const result = await graphql(service.url, deep);
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 12/);
  });

  it('refuses a query whose weighted list sizes exceed the complexity budget', async () => {
    const result = await graphql(
      service.url,
      '{ models(first: 100) { edges { node { developers { models { techniques { usedBy { name } } } } } } } }',
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'complexity' } });
    expect(result.errors?.[0]?.message).toMatch(/^The query's complexity is \d+; the limit is 20000\./);
    // A bad request, like every other invalid one (it was answered 500).
    expect(result.status).toBe(400);
  });

  it('weighs the same query again for each list size its variables ask for', async () => {
    const query = 'query Q($n: Int) { models(first: $n) { edges { node { developers { models { techniques { usedBy { name } } } } } } } }';
    // The weight is remembered per document and variable shape; a different size must not reuse it.
    expect((await graphql(service.url, query, { n: 1 })).errors).toBeUndefined();
    expect((await graphql(service.url, query, { n: 100 })).errors?.[0]).toMatchObject({ extensions: { limit: 'complexity' } });
    expect((await graphql(service.url, query, { n: 1 })).errors).toBeUndefined();
  });

  it('admits the nested 50-model query the benchmark sends', async () => {
    const result = await graphql(service.url, '{ models(first: 50) { edges { node { developers { models { techniques { name } } } } } } }');
    expect(result.errors).toBeUndefined();
  });

  const ids = (n: number) => JSON.stringify(modelIds().slice(0, n));
  // Every range-checked argument, one past its bound: [argument, range, query asking for `over`].
  const RANGES: Array<[string, Range, (over: number) => string]> = [
    ['first', LIMITS.first, (n) => `{ models(first: ${n}) { totalCount } }`],
    ['first', LIMITS.first, (n) => `{ organizations(first: ${n}) { totalCount } }`],
    ['first', LIMITS.first, (n) => `{ techniques(first: ${n}) { totalCount } }`],
    ['first', LIMITS.first, (n) => `{ limitations(first: ${n}) { totalCount } }`],
    ['first', LIMITS.first, (n) => `{ search(query: "gpt", first: ${n}) { score } }`],
    ['first', LIMITS.first, (n) => `{ similarModels(modelId: "llama", first: ${n}) { score } }`],
    ['first', LIMITS.first, (n) => `{ timeline(first: ${n}) { date } }`],
    ['first', LIMITS.first, (n) => `{ techniqueAdoption(first: ${n}) { modelCount } }`],
    ['first', LIMITS.first, (n) => `{ mitigationMatrix(first: ${n}) { limitation { id } } }`],
    ['first', LIMITS.first, (n) => `{ mostConnected(first: ${n}) { degree } }`],
    ['first', LIMITS.first, (n) => `{ history(entityId: "gpt-4", first: ${n}) { at } }`],
    ['maxDepth', LIMITS.lineageDepth, (n) => `{ lineage(modelId: "gpt-4", maxDepth: ${n}) { depth } }`],
    ['maxDepth', LIMITS.lineageDepth, (n) => `{ lineageGraph(modelId: "gpt-4", maxDepth: ${n}) { truncated } }`],
    ['maxDepth', LIMITS.pathDepth, (n) => `{ path(fromId: "gpt-4", toId: "openai", maxDepth: ${n}) { truncated } }`],
    ['depth', LIMITS.neighborhoodDepth, (n) => `{ neighborhood(ids: ["gpt-4"], depth: ${n}) { truncated } }`],
    ['limit', LIMITS.neighborhoodLimit, (n) => `{ neighborhood(ids: ["gpt-4"], limit: ${n}) { truncated } }`],
    ['ids', LIMITS.ids, (n) => `{ neighborhood(ids: ${ids(n)}) { truncated } }`],
    ['maxDepth', LIMITS.downstreamDepth, (n) => `{ downstream(id: "transformer", maxDepth: ${n}) { truncated } }`],
    ['limit', LIMITS.neighborhoodLimit, (n) => `{ downstream(id: "transformer", limit: ${n}) { truncated } }`],
    ['modelIds', LIMITS.ids, (n) => `{ sharedTechniques(modelIds: ${ids(n)}) { id } }`],
    ['ids', LIMITS.comparedModels, (n) => `{ compareModels(ids: ${ids(n)}) { models { id } } }`],
  ];

  it.each(RANGES.map(([argument, range, query]) => [query(range.max + 1), argument, range]))(
    '%s is BAD_USER_INPUT naming %s and its bound',
    async (query, argument, range) => {
      const result = await graphql(service.url, query as string);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(result.errors?.[0]?.message).toMatch(
        new RegExp(`^${argument} must .* from ${(range as Range).min} to ${(range as Range).max}\\b`),
      );
    },
  );

  it.each(RANGES.map(([argument, range, query]) => [query(range.max), argument]))('%s (at the bound) answers', async (query) => {
    const result = await graphql(service.url, query as string);
    expect(result.errors).toBeUndefined();
  });

  it('refuses a first below its bound and a search text over its length the same way', async () => {
    const zero = await graphql(service.url, '{ models(first: 0) { totalCount } }');
    expect(zero.errors?.[0]).toMatchObject({
      message: 'first must be a whole number from 1 to 100, got 0.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const long = await graphql(service.url, `{ search(query: "${'x'.repeat(LIMITS.searchLength.max + 1)}") { score } }`);
    expect(long.errors?.[0]).toMatchObject({
      message: `query must be from 1 to ${LIMITS.searchLength.max} characters long.`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'query' },
    });
  });

  it('answers downstream(maxDepth: 6), which the repository used to refuse with an internal error', async () => {
    const result = await graphql<{ downstream: { nodes: Array<{ id: string }> } }>(
      service.url,
      '{ downstream(id: "transformer", maxDepth: 6) { nodes { id } truncated } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.downstream.nodes.length).toBeGreaterThan(1);
  });

  it('maps a constraint violation from Neo4j to BAD_USER_INPUT naming the property', async () => {
    let violation: unknown;
    try {
      await service.database.scope().write((tx) => tx.run("CREATE (:Entity:Model {id: 'gpt-4', name: 'duplicate'})"));
    } catch (error) {
      violation = error;
    }
    expect((violation as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    const format = createErrorFormatter({ debugErrors: false, log: createLogger('silent') });
    const formatted = format({ message: 'raw' }, violation, 'req-1');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.id', requestId: 'req-1' });
    expect(formatted.message).toMatch(/^The write breaks a rule of the graph: input\.id is already taken/);
  });
});

describe('HTTP hardening', () => {
  it('answers a body over 1 MB with 413 and malformed JSON with 400', async () => {
    expect((await post(JSON.stringify({ query: `{ graphStats { nodes { label } } } #${'x'.repeat(1_100_000)}` }))).status).toBe(413);
    expect((await post('{"query": "{ graphStats')).status).toBe(400);
  });

  it('answers 30 of 30 oversized POSTs (5 MB and 50 MB) with a 413 the client can read, and stays healthy', async () => {
    for (const megabytes of [5, 50]) {
      const body = JSON.stringify({ query: `{ graphStats { nodes { label } } } #${'x'.repeat(megabytes * 1024 * 1024)}` });
      const seen: string[] = [];
      for (let i = 0; i < 30; i += 1) {
        try {
          const response = await post(body);
          seen.push(`${response.status} ${((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message}`);
        } catch (error) {
          seen.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
        }
      }
      expect(new Set(seen), `${megabytes} MB`).toEqual(new Set(['413 The request body is larger than the 1 MB limit.']));
    }
    // Without a declared length the limit is found while reading; the rest is drained just the same.
    const chunk = new Uint8Array(256 * 1024).fill(120);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const chunked = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await graphql(service.url, '{ model(id: "gpt-4") { name } }')).data).toEqual({ model: { name: 'GPT-4' } });
  }, 180_000);

  it.skipIf(spawnSync('curl', ['--version']).status !== 0)(
    'answers curl the same, with and without Expect: 100-continue',
    async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'llm-graph-413-')), 'body.json');
      writeFileSync(file, JSON.stringify({ query: `{ graphStats { nodes { label } } } #${'x'.repeat(5 * 1024 * 1024)}` }));
      for (const expect100 of [[], ['-H', 'Expect:']]) {
        const codes: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          // Asynchronously: the service answers from this same process.
          const args = ['-s', '-o', '/dev/null', '-w', '%{http_code}', ...expect100, '-H', 'content-type: application/json'];
          codes.push((await run('curl', [...args, '--data-binary', `@${file}`, `${service.url}/graphql`])).stdout);
        }
        expect(new Set(codes), expect100.join(' ') || 'Expect: 100-continue').toEqual(new Set(['413']));
      }
    },
    120_000,
  );

  it('answers JSON bodies with a charset, compressed bodies and GET queries alike', async () => {
    const query = JSON.stringify({ query: '{ model(id: "gpt-4") { name } }' });
    const expected = { data: { model: { name: 'GPT-4' } } };
    const utf8 = await post(query, { 'content-type': 'application/json; charset=utf-8' });
    expect([utf8.status, await utf8.json()]).toEqual([200, expected]);
    const gzipped = await post(gzipSync(query) as unknown as string, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect([gzipped.status, await gzipped.json()]).toEqual([200, expected]);
    const get = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ model(id: "gpt-4") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect([get.status, await get.json()]).toEqual([200, expected]);
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await post('{"query":"{ graphStats { nodes { label } } }"}', { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('refuses batched requests', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ graphStats { nodes { label } } }' }, { query: '{ graphStats { nodes { label } } }' }]),
    );
    expect(response.status).toBe(400);
  });

  it('hides internals in production: no stack trace, and a request id the client can quote', async () => {
    const response = await post(JSON.stringify({ query: '{ model(id: "gpt-4") { nope } }' }), {
      'content-type': 'application/json',
      'x-request-id': 'trace-me-123',
    });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]!.extensions.stacktrace).toBeUndefined();
    const missing = await graphql(
      service.url,
      'mutation { deleteEntity(id: "nope") }',
      {},
      { ...bearer(EDITOR_TOKEN), 'x-request-id': 'trace-me-456' },
    );
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requestId: 'trace-me-456' });
  });
});

describe('Cypher injection', () => {
  const INJECTIONS = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) DETACH DELETE n RETURN 1 //',
    "x' OR 1=1 //",
    '`Model`) DETACH DELETE (n',
    '\\u0027; CALL db.clearQueryCaches(); //',
    '$ids[0]',
    '*:*',
  ];

  it('leaves the graph unchanged whatever string arguments hold', async () => {
    const before = await fingerprint();
    const queries: Array<[string, (s: string) => Record<string, unknown>]> = [
      ['query($s: ID!) { model(id: $s) { id } entity(id: $s) { id } organization(id: $s) { id } }', (s) => ({ s })],
      ['query($s: String!) { search(query: $s) { score } }', (s) => ({ s })],
      ['query($s: String) { models(where: {nameContains: $s, organization: $s, technique: $s}) { totalCount } }', (s) => ({ s })],
      ['query($s: String) { models(after: $s) { totalCount } }', (s) => ({ s: Buffer.from(JSON.stringify([s, s])).toString('base64url') })],
      [
        'query($s: ID!) { lineage(modelId: $s) { depth } path(fromId: $s, toId: "gpt-4") { truncated } downstream(id: $s) { truncated } }',
        (s) => ({ s }),
      ],
      [
        'query($s: ID!) { neighborhood(ids: [$s]) { truncated } sharedTechniques(modelIds: [$s, "gpt-4"]) { id } similarModels(modelId: $s) { score } }',
        (s) => ({ s }),
      ],
      ['query($s: ID!) { history(entityId: $s) { action } organizationProfile(id: $s) { firstRelease } }', (s) => ({ s })],
      ['mutation($s: ID!) { unlinkEntities(edgeId: $s) deleteEntity(id: $s) }', (s) => ({ s })],
      [
        'mutation($s: String!) { upsertModel(input: {id: "injection-probe", name: "Injection probe", description: $s, aliases: [$s], citation: {url: "https://example.org/", quote: "injection probe text"}}) { id } }',
        (s) => ({ s }),
      ],
      [
        'mutation($s: ID!) { linkEntities(input: {fromId: $s, toId: "openai", type: DEVELOPED_BY, citation: {sourceId: $s, quote: "whatever it says"}}) { id } }',
        (s) => ({ s }),
      ],
    ];
    for (const injection of INJECTIONS) {
      for (const [query, variables] of queries) {
        const result = await graphql(service.url, query, variables(injection), bearer(EDITOR_TOKEN));
        expect(result.status, `${query} with ${injection}`).toBeLessThan(500);
        // A strange argument is the client's problem or nobody's: never an internal error.
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        expect(codes, `${query} with ${injection}`).not.toContain('INTERNAL_SERVER_ERROR');
      }
    }
    // The probe entity stores the strings as plain data; remove it, then nothing else may differ.
    const [probe] = await service.database
      .scope()
      .read("MATCH (n:Model {id: 'injection-probe'}) RETURN n.description AS description, n.aliases AS aliases");
    expect(probe).toEqual({ description: INJECTIONS.at(-1), aliases: [INJECTIONS.at(-1)] });
    await service.database.scope().write(async (tx) => {
      await tx.run("MATCH (n {id: 'injection-probe'}) DETACH DELETE n");
      await tx.run("MATCH (c:Change {entityId: 'injection-probe'}) DELETE c");
      await tx.run("MATCH (s:Source {url: 'https://example.org/'}) DELETE s");
    });
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
