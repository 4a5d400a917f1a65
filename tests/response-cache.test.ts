import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { freePort } from './helpers/ports.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

// Every id this file writes starts with this prefix, so cleanup touches nothing else.
const PREFIX = 'cache-test-';
const CITATION = { sourceId: 'src-002', quote: '2019 年，OpenAI 发布了 GPT-2 模型，具有 15 亿参数' };
const UPSERT = 'mutation($input: ModelInput!) { upsertModel(input: $input) { id name } }';
const READ = 'query Read($id: ID!) { model(id: $id) { id name } }';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

const getUrl = (url: string, params: Record<string, unknown>) =>
  `${url}/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}`;

/** A second service in its own process (node dist/main.js) on the same Neo4j, as another replica would be. */
async function startReplica(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      PORT: String(port),
      API_TOKENS,
      LOG_LEVEL: 'silent',
      MEASURES_ENABLED: 'false',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return { url, child };
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const rename = (url: string, id: string, name: string) =>
  graphql(url, UPSERT, { input: { id, name, citation: CITATION } }, bearer(EDITOR_TOKEN));

describe('data version, cacheable GETs and the response cache', () => {
  let service: Service;
  let replica: { url: string; child: ChildProcess };

  beforeAll(async () => {
    service = await startTestService({ API_TOKENS, CACHE_MAX_AGE_S: '30' });
    replica = await startReplica();
    expect((await rename(service.url, `${PREFIX}a`, 'Cache A')).errors).toBeUndefined();
  });
  afterAll(async () => {
    replica?.child.kill('SIGTERM');
    if (service) await deleteWrittenEntities(service.database, PREFIX);
    await service?.stop();
  });

  it('advances the version with every write that changes data, and says so on every response', async () => {
    const read = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ, variables: { id: `${PREFIX}a` } }),
    });
    const before = Number(read.headers.get('x-graph-version'));
    expect(before).toBeGreaterThan(0);
    const write = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(EDITOR_TOKEN) },
      body: JSON.stringify({ query: UPSERT, variables: { input: { id: `${PREFIX}a`, name: 'Cache A2', citation: CITATION } } }),
    });
    const after = Number(write.headers.get('x-graph-version'));
    expect(after).toBeGreaterThan(before);
    expect(write.headers.get('cache-control')).toBe('no-store');
    const [row] = await service.database.scope().read('MATCH (v:GraphVersion) RETURN v.value AS value, count(*) AS n');
    expect(row).toEqual({ value: after, n: 1 });
  });

  it('answers GET queries with Cache-Control public and an ETag, then 304 on If-None-Match', async () => {
    const url = getUrl(service.url, { query: READ, variables: { id: `${PREFIX}a` } });
    const first = await fetch(url, { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(((await first.json()) as { data: unknown }).data).toEqual({ model: { id: `${PREFIX}a`, name: 'Cache A2' } });

    const again = await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    // Authenticated reads are never public.
    const authed = await fetch(url, { headers: { ...PREFLIGHT, ...bearer(EDITOR_TOKEN) } });
    expect(authed.headers.get('cache-control')).toBe('no-store');

    // A write changes the version, so the old ETag no longer matches.
    await rename(service.url, `${PREFIX}a`, 'Cache A3');
    const changed = await fetch(url, { headers: { ...PREFLIGHT, 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as { data: unknown }).data).toEqual({ model: { id: `${PREFIX}a`, name: 'Cache A3' } });
  });

  it('keeps CSRF prevention: a GET without a preflight header is refused, even for a cached answer', async () => {
    const url = getUrl(service.url, { query: READ, variables: { id: `${PREFIX}a` } });
    expect((await fetch(url, { headers: PREFLIGHT })).status).toBe(200);
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain('CSRF');
  });

  it('serves automatic persisted queries by hash over GET', async () => {
    const query = 'query Apq($id: ID!) { model(id: $id) { name } }';
    const persisted = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await fetch(getUrl(service.url, { extensions: persisted, variables: { id: `${PREFIX}a` } }), { headers: PREFLIGHT });
    expect(await unknown.text()).toContain('PERSISTED_QUERY_NOT_FOUND');
    const register = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { id: `${PREFIX}a` }, extensions: persisted }),
    });
    expect(register.status).toBe(200);
    const byHash = await fetch(getUrl(service.url, { extensions: persisted, variables: { id: `${PREFIX}a` } }), { headers: PREFLIGHT });
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=30');
    expect(await byHash.json()).toEqual({ data: { model: { name: 'Cache A3' } } });
  });

  it('answers a repeated read from the cache, without a Cypher round trip', async () => {
    await graphql(service.url, READ, { id: `${PREFIX}a` });
    const before = service.database.roundTrips;
    for (let i = 0; i < 5; i += 1) expect((await graphql(service.url, READ, { id: `${PREFIX}a` })).data).toBeDefined();
    // At most the once-a-second question for the data version.
    expect(service.database.roundTrips - before).toBeLessThanOrEqual(1);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/graphql_response_cache_total\{outcome="hit"\} [1-9]/);
  });

  it('gives a cached answer the content type Apollo would, by the Accept header', async () => {
    const body = JSON.stringify({ query: READ, variables: { id: `${PREFIX}a` } });
    const ask = (accept: string) =>
      fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
    await ask('application/json');
    const before = service.database.roundTrips;
    const graphqlResponse = await ask('application/graphql-response+json');
    expect(graphqlResponse.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(service.database.roundTrips - before).toBeLessThanOrEqual(1);
    expect((await ask('image/png')).status).toBe(406);
  });

  it('shows a write at once on the replica that made it, and within a second on another process', async () => {
    const id = `${PREFIX}b`;
    await rename(service.url, id, 'Before');
    // Both replicas cache the current answer.
    for (const url of [service.url, replica.url, service.url, replica.url]) {
      expect((await graphql(url, READ, { id })).data).toEqual({ model: { id, name: 'Before' } });
    }
    // Written through the replica: it sees the write at once.
    expect((await rename(replica.url, id, 'After')).errors).toBeUndefined();
    expect((await graphql(replica.url, READ, { id })).data).toEqual({ model: { id, name: 'After' } });
    // This process learns the new version within a second.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await graphql(service.url, READ, { id })).data).toEqual({ model: { id, name: 'After' } });
    // And the other way round.
    expect((await rename(service.url, id, 'Again')).errors).toBeUndefined();
    expect((await graphql(service.url, READ, { id })).data).toEqual({ model: { id, name: 'Again' } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await graphql(replica.url, READ, { id })).data).toEqual({ model: { id, name: 'Again' } });
  });

  it('does not advance the version for a write that changes nothing', async () => {
    const version = async () => Number((await service.database.scope().read('MATCH (v:GraphVersion) RETURN v.value AS value'))[0]?.value);
    const before = await version();
    await service.database.scope().write((tx) => tx.run('MATCH (m:Model {id: $id}) SET m.name = m.name', { id: `${PREFIX}nothing` }));
    expect(await version()).toBe(before);
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startTestService({ TRUSTED_DOCUMENTS: 'only' });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('refuses an ad-hoc operation with a clear error', async () => {
    const result = await graphql(service.url, '{ model(id: "gpt-4") { name } }');
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.message).toContain('TRUSTED_DOCUMENTS=only');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('runs the explorer operations by text and by manifest id, and registers no new persisted query', async () => {
    const { loadManifest } = await import('../src/graphql/execution/trusted-documents.js');
    const search = loadManifest().operations.find((op) => op.name === 'Search')!;
    const byText = await graphql(service.url, search.body, { query: 'GPT', first: 3 });
    expect(byText.errors).toBeUndefined();
    const byId = await fetch(
      getUrl(service.url, { extensions: { persistedQuery: { version: 1, sha256Hash: search.id } }, variables: { query: 'GPT' } }),
      {
        headers: PREFLIGHT,
      },
    );
    expect(byId.status).toBe(200);
    expect(((await byId.json()) as { data: { search: unknown[] } }).data.search.length).toBeGreaterThan(0);

    const query = '{ model(id: "gpt-4") { name } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const register = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect(register.status).toBe(403);
    const later = await fetch(getUrl(service.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), {
      headers: PREFLIGHT,
    });
    expect(await later.text()).toContain('PERSISTED_QUERY_NOT_FOUND');
  });
});
