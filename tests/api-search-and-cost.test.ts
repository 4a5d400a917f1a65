import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbScope, Params } from '../src/db/database.js';
import { EntityType } from '../src/domain/graph-model.js';
import { emptyEntitySelection } from '../src/domain/selection.js';
import { EntityRepository, type SortKey } from '../src/repositories/entity.repository.js';
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
    // "AI" names more than three organizations (Mistral AI, Zhipu AI, Moonshot AI, …) and many other entities.
    const result = await search('AI', ', types: [ORGANIZATION], first: 3');
    expect(result.data!.search.map((h) => h.entity.__typename)).toEqual(['Organization', 'Organization', 'Organization']);
    const unfiltered = await search('AI', ', first: 100');
    expect(new Set(unfiltered.data!.search.map((h) => h.entity.__typename)).size).toBeGreaterThan(1);
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
    const result = await graphql<{
      models: { edges: Array<{ node: { developers: Array<{ models: Array<{ techniques: unknown[] }> }> } }> };
    }>(service.url, '{ models(first: 50) { totalCount edges { node { id developers { id models { id techniques { id name } } } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.models.edges).toHaveLength(50);
    const nested = result.data!.models.edges.flatMap((e) => e.node.developers.flatMap((d) => d.models.flatMap((m) => m.techniques)));
    expect(nested.length).toBeGreaterThan(100);
    expect(service.database.roundTrips - before).toBe(1);
  });

  it.each([
    [
      'a lineage with nested fields',
      '{ lineage(modelId: "gpt-4", direction: BOTH) { model { developers { name } techniques { name } } via { name } } }',
    ],
    [
      'search hits with fragments',
      '{ search(query: "GLM") { entity { ... on Model { developers { models { name } } } ... on Organization { models { name } } } } }',
    ],
    [
      'similar models with their shared techniques',
      '{ similarModels(modelId: "llama") { model { limitations { name } } shared { mitigates { name } } } }',
    ],
    ['a path with citations', '{ path(fromId: "llama", toId: "google") { edges { citations { quote source { title } } } } }'],
    ['a neighbourhood of depth 2', '{ neighborhood(ids: ["rlhf"], depth: 2) { nodes { id } edges { citations { quote } } } }'],
  ])('answers %s in one round trip', async (_name, query) => {
    const before = service.database.roundTrips;
    const result = await graphql(service.url, query);
    expect(result.errors).toBeUndefined();
    expect(service.database.roundTrips - before).toBe(1);
  });
});

describe('cost of a request: name-ordered pages', () => {
  /** The operators Neo4j plans for the statement a model page sends (captured, then EXPLAINed). */
  async function planOf(order: SortKey[], after?: unknown[]): Promise<string[]> {
    const sent: Array<{ cypher: string; params: Params }> = [];
    const real = service.database.scope();
    const recording: DbScope = {
      read: (cypher, params = {}) => {
        sent.push({ cypher, params });
        return real.read(cypher, params);
      },
      each: (cypher, params, onRow) => real.each(cypher, params, onRow),
      write: (work) => real.write(work),
      roundTrips: 0,
    };
    const selection = { [EntityType.MODEL]: emptyEntitySelection() };
    await new EntityRepository(recording).list(EntityType.MODEL, { filter: {}, order, first: 10, after, selection, withTotal: false });
    const session = service.database.driver.session({ defaultAccessMode: 'READ' });
    try {
      const { cypher, params } = sent[0]!;
      const result = await session.run(`EXPLAIN ${cypher}`, params);
      const operators: string[] = [];
      const visit = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType.replace(/@.*$/, ''));
        for (const child of plan.children) visit(child as typeof plan);
      };
      visit(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
      return operators;
    } finally {
      await session.close();
    }
  }

  it.each([
    ['ascending, first page', [{ field: 'NAME', direction: 'ASC' }], undefined],
    ['descending, after a cursor', [{ field: 'NAME', direction: 'DESC' }], ['llama', 'llama']],
  ] as Array<[string, SortKey[], unknown[] | undefined]>)(
    'reads them from the sort-name index instead of sorting every model (%s)',
    async (_name, order, after) => {
      const operators = await planOf(order, after);
      expect(operators.some((op) => op.startsWith('NodeIndex'))).toBe(true);
      expect(operators).not.toContain('NodeByLabelScan');
    },
  );

  it('still sorts by release date, which has no such index', async () => {
    expect(await planOf([{ field: 'RELEASE_DATE', direction: 'DESC' }])).toContain('NodeByLabelScan');
  });
});
