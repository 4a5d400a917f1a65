import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

/**
 * The prepared path (src/graphql/execution/executor.ts): a read Apollo has run once is run again from its
 * compiled form without Apollo's pipeline. What it answers must be what Apollo answers.
 */
const post = (url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const getUrl = (url: string, params: Record<string, unknown>) =>
  `${url}/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}`;

/** The counts of graphql_prepared_total by outcome. */
async function preparedCounts(url: string): Promise<{ answered: number; errors: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const count = (outcome: string) =>
    Number(new RegExp(`^graphql_prepared_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { answered: count('answered'), errors: count('errors') };
}

/** What a client sees of a response, without what differs per request (its id). */
async function seen(response: Response) {
  const body = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  for (const error of body.errors ?? []) delete error.extensions?.requestId;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    version: response.headers.get('x-graph-version'),
    body,
  };
}

// Every id this file writes starts with this prefix, so cleanup touches nothing else.
const PREFIX = 'prepared-test-';
const MODEL = 'query Model($id: ID!) { model(id: $id) { id name releaseDate claims { attribute value hedged quote } } }';
// The same operation as another text, so that Apollo runs it from scratch.
const MODEL_AGAIN = `${MODEL} `;

describe('the prepared path', () => {
  let service: Service;

  beforeAll(async () => {
    // Without the response cache every read executes, so each one shows which path ran it.
    service = await startTestService({ RESPONSE_CACHE_MB: '0', API_TOKENS });
  });
  afterAll(async () => {
    if (service) await deleteWrittenEntities(service.database, PREFIX);
    await service?.stop();
  });

  it('answers a repeated read without Apollo, exactly as Apollo answered it', async () => {
    const first = await seen(await post(service.url, { query: MODEL, variables: { id: 'gpt-4' } }));
    const before = await preparedCounts(service.url);
    const second = await seen(await post(service.url, { query: MODEL, variables: { id: 'gpt-4' } }));
    expect(await preparedCounts(service.url)).toEqual({ ...before, answered: before.answered + 1 });
    expect(second).toEqual(first);
    expect(first.cacheControl).toMatch(/^public, max-age=\d+$/);
    // Other variables, other answers: the compiled form is the operation's, not a response.
    const other = await seen(await post(service.url, { query: MODEL, variables: { id: 'gpt-3' } }));
    expect((other.body as { data: { model: { id: string } } }).data.model.id).toBe('gpt-3');
  });

  it('chooses the content type from Accept as Apollo does, and leaves the refusals to it', async () => {
    const accept = { accept: 'application/graphql-response+json, application/json;q=0.9' };
    const viaApollo = await seen(await post(service.url, { query: MODEL_AGAIN, variables: { id: 'gpt-4' } }, accept));
    const prepared = await seen(await post(service.url, { query: MODEL, variables: { id: 'gpt-4' } }, accept));
    expect(prepared.contentType).toBe('application/graphql-response+json; charset=utf-8');
    expect(prepared).toEqual(viaApollo);
    const refused = await post(service.url, { query: MODEL, variables: { id: 'gpt-4' } }, { accept: 'image/png' });
    expect(refused.status).toBe(406);
  });

  it('hands a read with errors to Apollo with its result: the same errors, and the read runs once', async () => {
    const compare = 'query Compare($ids: [ID!]!) { compareModels(ids: $ids) { models { id } } }';
    const lineage = 'query Lineage($id: ID!, $depth: Int!) { lineage(modelId: $id, maxDepth: $depth) { depth model { id } } }';
    for (const [query, ok, failing] of [
      // Refused by the resolver after reading: one of the ids is no model's.
      [compare, { ids: ['gpt-4', 'gpt-3'] }, { ids: ['gpt-4', 'no-such-model'] }],
      // Refused by the resolver before reading.
      [lineage, { id: 'gpt-4', depth: 2 }, { id: 'gpt-4', depth: 99 }],
    ] as const) {
      expect((await post(service.url, { query, variables: ok })).status).toBe(200);
      let trips = service.database.roundTrips;
      const fresh = await seen(await post(service.url, { query: `${query} `, variables: failing }));
      const freshTrips = service.database.roundTrips - trips;
      const before = await preparedCounts(service.url);
      trips = service.database.roundTrips;
      const prepared = await seen(await post(service.url, { query, variables: failing }));
      expect(service.database.roundTrips - trips).toBe(freshTrips);
      expect(await preparedCounts(service.url)).toEqual({ ...before, errors: before.errors + 1 });
      expect(prepared).toEqual(fresh);
      expect(prepared.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(prepared.cacheControl).toBe('no-store');
    }
  });

  it('checks the complexity budget and the variables on every request, leaving refusals to Apollo', async () => {
    const nested =
      'query Nested($n: Int!) { models(first: $n) { edges { node { developers { models { developers { id } techniques { id } } } } } } }';
    expect((await post(service.url, { query: nested, variables: { n: 2 } })).status).toBe(200);
    const before = await preparedCounts(service.url);
    const overBudget = await seen(await post(service.url, { query: nested, variables: { n: 100 } }));
    expect(overBudget.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/complexity is \d+; the limit is 20000/) });
    const wrongType = await seen(await post(service.url, { query: nested, variables: { n: 'many' } }));
    expect(wrongType).toEqual(await seen(await post(service.url, { query: `${nested} `, variables: { n: 'many' } })));
    // A bad input gets one sentence naming it (this was an internal error before).
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Variable "$n" got invalid value "many"'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await preparedCounts(service.url)).toEqual(before);

    // An enum's bad value has the shape of a good one, so the complexity check (cached by shape) lets
    // it through: graphql-jit refuses it, and it is still a bad input.
    const lineage = 'query Walk($d: LineageDirection!) { lineage(modelId: "gpt-4", direction: $d, maxDepth: 2) { depth } }';
    expect((await post(service.url, { query: lineage, variables: { d: 'ANCESTORS' } })).status).toBe(200);
    const badEnum = await seen(await post(service.url, { query: lineage, variables: { d: 'SIDEWAYS' } }));
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Variable "$d" got invalid value "SIDEWAYS"'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('serves GETs and persisted queries by hash, each once through Apollo first, and never prepares a mutation', async () => {
    const preflight = { 'apollo-require-preflight': 'true' };
    const hash = createHash('sha256').update(MODEL).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };
    // Not yet registered: Apollo says so, although the text has been run.
    expect(await (await fetch(getUrl(service.url, { extensions: persisted }), { headers: preflight })).text()).toContain(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    await post(service.url, { query: MODEL, variables: { id: 'gpt-4' }, extensions: persisted });
    const byHash = (id: string) => fetch(getUrl(service.url, { extensions: persisted, variables: { id } }), { headers: preflight });
    // A request Apollo has not answered before (a GET, by hash) goes through Apollo; its repeats do not.
    const first = await byHash('gpt-3');
    expect(first.status).toBe(200);
    const before = await preparedCounts(service.url);
    const again = await byHash('gpt-4');
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toMatch(/^W\/"/);
    expect(((await again.json()) as { data: { model: { name: string } } }).data.model.name).toBe('GPT-4');
    expect(await preparedCounts(service.url)).toEqual({ ...before, answered: before.answered + 1 });
    // CSRF prevention stays Apollo's: a GET without a preflight header is refused.
    expect((await fetch(getUrl(service.url, { query: MODEL, variables: { id: 'gpt-4' } }))).status).toBe(400);

    const citation = { sourceId: 'src-002', quote: '2019 年，OpenAI 发布了 GPT-2 模型，具有 15 亿参数' };
    const upsert = 'mutation Up($input: ModelInput!) { upsertModel(input: $input) { id } }';
    const input = { id: `${PREFIX}model`, name: 'Prepared Path Model', citation };
    const mutationsBefore = await preparedCounts(service.url);
    for (let i = 0; i < 2; i += 1)
      expect((await post(service.url, { query: upsert, variables: { input } }, bearer(EDITOR_TOKEN))).status).toBe(200);
    expect(await preparedCounts(service.url)).toEqual(mutationsBefore);
  });
});

describe('the prepared path, when reads need a token', () => {
  let service: Service;

  beforeAll(async () => {
    service = await startTestService({ RESPONSE_CACHE_MB: '0', API_TOKENS, READS_REQUIRE_TOKEN: 'true' });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('refuses an anonymous repeat of a read it has prepared for a caller with a token', async () => {
    const read = { query: MODEL, variables: { id: 'gpt-4' } };
    for (let i = 0; i < 2; i += 1) expect((await post(service.url, read, bearer(EDITOR_TOKEN))).status).toBe(200);
    const anonymous = await post(service.url, read);
    expect(anonymous.status).toBe(401);
    expect((await preparedCounts(service.url)).answered).toBe(1);
  });
});
