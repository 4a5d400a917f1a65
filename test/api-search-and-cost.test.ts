import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { graphql, startTestService } from './helpers/service.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

type Hits = { search: Array<{ score: number; entity: { id: string; __typename: string } }> };
const search = (query: string, extra = '') =>
  graphql<Hits>(service.url, `query($q: String!) { search(query: $q${extra}) { score entity { __typename id } } }`, { q: query });

describe('search', () => {
  it.each([
    ['星火', 'spark'],
    ['幻觉', 'hallucination'],
    ['文心一言', 'ernie-bot'],
    ['智谱AI', 'zhipu-ai'],
    ['GPT-4', 'gpt-4'],
    ['rope', 'rope'],
    ['llama3', 'llama-3'],
  ])('ranks the entity named %s first', async (query, id) => {
    const result = await search(query);
    expect(result.errors).toBeUndefined();
    expect(result.data!.search[0]?.entity.id).toBe(id);
  });

  it('filters by entity type and caps the number of hits', async () => {
    const result = await search('GPT', ', types: [ORGANIZATION], first: 3');
    expect(result.data!.search.length).toBeLessThanOrEqual(3);
    expect(result.data!.search.every((h) => h.entity.__typename === 'Organization')).toBe(true);
    const models = await search('GPT', ', types: [MODEL], first: 5');
    expect(models.data!.search).toHaveLength(5);
  });

  it('treats Lucene syntax in a query as plain text', async () => {
    for (const query of ['GPT-4 AND (', '"unbalanced', 'a:b*~^', '\\', 'OR']) {
      const result = await search(query);
      expect(result.errors, query).toBeUndefined();
    }
  });

  it('refuses an empty or overlong query', async () => {
    expect((await search('   ')).errors?.[0]?.message).toBe('query must be from 1 to 200 characters long.');
    expect((await search('x'.repeat(201))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cost of a request: no N+1', () => {
  it('answers models → developers → models → techniques for 50 models in one Cypher round trip', async () => {
    const before = service.database.roundTrips;
    const result = await graphql<{ models: { edges: Array<{ node: { developers: Array<{ models: Array<{ techniques: unknown[] }> }> } }> } }>(
      service.url,
      '{ models(first: 50) { totalCount edges { node { id developers { id models { id techniques { id name } } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.models.edges).toHaveLength(50);
    const nested = result.data!.models.edges.flatMap((e) => e.node.developers.flatMap((d) => d.models.flatMap((m) => m.techniques)));
    expect(nested.length).toBeGreaterThan(100);
    expect(service.database.roundTrips - before).toBe(1);
  });

  it.each([
    ['a lineage with nested fields', '{ lineage(modelId: "gpt-4", direction: BOTH) { model { developers { name } techniques { name } } via { name } } }'],
    ['search hits with fragments', '{ search(query: "GLM") { entity { ... on Model { developers { models { name } } } ... on Organization { models { name } } } } }'],
    ['similar models with their shared techniques', '{ similarModels(modelId: "llama") { model { limitations { name } } shared { mitigates { name } } } }'],
    ['a path with citations', '{ path(fromId: "llama", toId: "google") { edges { citations { quote source { title } } } } }'],
    ['a neighbourhood of depth 2', '{ neighborhood(ids: ["rlhf"], depth: 2) { nodes { id } edges { citations { quote } } } }'],
  ])('answers %s in one round trip', async (_name, query) => {
    const before = service.database.roundTrips;
    const result = await graphql(service.url, query);
    expect(result.errors).toBeUndefined();
    expect(service.database.roundTrips - before).toBe(1);
  });
});
