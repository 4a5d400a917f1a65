import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { modelIds, relations, seedFile, seriesIds } from './helpers/seed-facts.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService({ API_TOKENS });
});
afterAll(() => service.stop());

type Page = {
  models: {
    totalCount?: number;
    edges: Array<{ cursor: string; node: { id: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

async function allPages(orderBy: unknown, first = 7, start: string | null = null): Promise<string[]> {
  const seen: string[] = [];
  let after = start;
  for (let guard = 0; guard < 100; guard += 1) {
    const result = await graphql<Page>(
      service.url,
      'query($first: Int!, $after: String, $orderBy: [ModelOrder!]) { models(first: $first, after: $after, orderBy: $orderBy) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      { first, after, orderBy },
    );
    expect(result.errors).toBeUndefined();
    seen.push(...result.data!.models.edges.map((e) => e.node.id));
    if (!result.data!.models.pageInfo.hasNextPage) return seen;
    after = result.data!.models.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('entity lookups', () => {
  it('returns a model with its attributes, developers, techniques, lineage links and cited sources', async () => {
    const result = await graphql<{ model: Record<string, unknown> }>(
      service.url,
      `{ model(id: "gpt-3") { id name type parameters releaseDate openWeights modalities
          developers { id } techniques { id } parents { kind model { id } citations { quote source { id file } } }
          sources { quote source { id title file } } claims { attribute value confidence } } }`,
    );
    const model = result.data!.model;
    expect(model).toMatchObject({
      id: 'gpt-3',
      name: 'GPT-3',
      type: 'MODEL',
      parameters: 175_000_000_000,
      releaseDate: '2020',
      modalities: ['text'],
    });
    expect(model.developers).toEqual([{ id: 'openai' }]);
    expect((model.techniques as Array<{ id: string }>).map((t) => t.id).sort()).toEqual(
      relations('uses')
        .filter((r) => r.from === 'gpt-3')
        .map((r) => r.to)
        .sort(),
    );
    expect(model.parents).toMatchObject([{ kind: 'SUCCESSOR', model: { id: 'gpt-2' } }]);
    const parentCitations = (model.parents as Array<{ citations: Array<{ quote: string; source: { file: string | null } }> }>)[0]!
      .citations;
    const cited = seedFile<Array<{ from: string; to: string; citations: Array<{ quote: string }> }>>(
      'relationships/derived_from.json',
    ).find((r) => r.from === 'gpt-3' && r.to === 'gpt-2')!;
    expect(parentCitations.map((c) => c.quote)).toEqual(cited.citations.map((c) => c.quote));
    expect((model.sources as unknown[]).length).toBeGreaterThan(0);
    expect(model.claims).toContainEqual({ attribute: 'parameters', value: '175000000000', confidence: 1 });
  });

  it('keeps contradicting claims visible: ChatGPT release date 2022-11 (shown) and 2020 (low confidence)', async () => {
    const result = await graphql<{
      product: { releaseDate: string; claims: Array<Record<string, unknown>> };
    }>(service.url, '{ product(id: "chatgpt") { releaseDate claims { attribute value confidence rank reason hedged } } }');
    expect(result.data!.product.releaseDate).toBe('2022-11');
    expect(result.data!.product.claims.filter((c) => c.attribute === 'releaseDate')).toEqual([
      { attribute: 'releaseDate', value: '"2022-11"', confidence: 1, rank: 'PREFERRED', reason: null, hedged: false },
      {
        attribute: 'releaseDate',
        value: '"2020"',
        confidence: 0.3,
        rank: 'DEPRECATED',
        reason: expect.stringContaining('confuses ChatGPT with GPT-3'),
        hedged: false,
      },
    ]);
  });

  it('never serves a rumour as a fact: GPT-4’s rumoured size is withheld, marked, beside a null field', async () => {
    const result = await graphql<{ gpt4: any; palm2: any }>(
      service.url,
      `{ gpt4: model(id: "gpt-4") { parameters claims { attribute value rank hedged } withheld { attribute value hedged flags { rule } } }
         palm2: model(id: "palm-2") { parameters claims { attribute value rank reason hedged } withheld { value hedged } } }`,
    );
    expect(result.data!.gpt4.parameters).toBeNull();
    expect(result.data!.gpt4.claims.filter((c: any) => c.attribute === 'parameters')).toEqual([
      { attribute: 'parameters', value: '1800000000000', rank: 'NORMAL', hedged: true },
    ]);
    expect(result.data!.gpt4.withheld).toEqual([{ attribute: 'parameters', value: '1800000000000', hedged: true, flags: [] }]);
    // PaLM 2: the leaked 340B is preferred over the deprecated 14.7B, but a leak is not a fact either.
    expect(result.data!.palm2.parameters).toBeNull();
    expect(result.data!.palm2.claims.find((c: any) => c.value === '14700000000')).toMatchObject({ rank: 'DEPRECATED' });
    expect(result.data!.palm2.withheld).toEqual([{ value: '340000000000', hedged: true }]);
  });

  it('answers null for an absent id and for an id of another kind', async () => {
    const result = await graphql(
      service.url,
      '{ model(id: "no-such-model") { id } organization(id: "gpt-4") { id } technique(id: "rope") { id name } }',
    );
    expect(result.data).toEqual({ model: null, organization: null, technique: { id: 'rope', name: expect.any(String) } });
  });

  it('resolves any kind through entity(id) and the Entity interface', async () => {
    const result = await graphql<{
      a: { __typename: string; type: string };
      b: { __typename: string; mitigatedBy: Array<{ id: string; type: string }> };
    }>(
      service.url,
      '{ a: entity(id: "zhipu-ai") { __typename type } b: entity(id: "hallucination") { __typename ... on Limitation { mitigatedBy { id type } } } }',
    );
    expect(result.data!.a).toEqual({ __typename: 'Organization', type: 'ORGANIZATION' });
    expect(result.data!.b.__typename).toBe('Limitation');
    // Items of a relationship field know their kind too (the query leaves __type out of them).
    expect(new Set(result.data!.b.mitigatedBy.map((t) => t.type))).toEqual(new Set(['TECHNIQUE']));
    expect(result.data!.b.mitigatedBy.map((t) => t.id).sort()).toEqual(
      relations('mitigates')
        .filter((r) => r.to === 'hallucination')
        .map((r) => r.from)
        .sort(),
    );
  });

  it('lists an organization’s models and series and a technique’s users and mitigations', async () => {
    const result = await graphql<{
      organization: { models: Array<{ id: string }>; series: Array<{ id: string }> };
      technique: { usedBy: Array<{ id: string }>; usedByProducts: Array<{ id: string }>; mitigates: Array<{ id: string }> };
    }>(
      service.url,
      '{ organization(id: "zhipu-ai") { models { id } series { id } } technique(id: "rag") { usedBy { id } usedByProducts { id } mitigates { id } } }',
    );
    const models = new Set(modelIds());
    const developed = relations('developed_by').filter((r) => r.to === 'zhipu-ai');
    const ids = (list: Array<{ id: string }>) => list.map((e) => e.id).sort();
    expect(ids(result.data!.organization.models)).toEqual(
      developed
        .filter((r) => models.has(r.from))
        .map((r) => r.from)
        .sort(),
    );
    expect(ids(result.data!.organization.series)).toEqual(
      developed
        .filter((r) => seriesIds().includes(r.from))
        .map((r) => r.from)
        .sort(),
    );
    expect(result.data!.organization.series.map((s) => s.id)).toContain('glm');
    expect(ids(result.data!.technique.mitigates)).toEqual(
      relations('mitigates')
        .filter((r) => r.from === 'rag')
        .map((r) => r.to)
        .sort(),
    );
    const users = relations('uses').filter((r) => r.to === 'rag');
    expect(ids(result.data!.technique.usedBy)).toEqual(
      users
        .filter((r) => models.has(r.from))
        .map((r) => r.from)
        .sort(),
    );
    expect(ids(result.data!.technique.usedByProducts)).toEqual(
      users
        .filter((r) => !models.has(r.from))
        .map((r) => r.from)
        .sort(),
    );
    expect(ids(result.data!.technique.usedByProducts)).toEqual(expect.arrayContaining(['metaso', 'perplexity']));
  });

  it('returns a technique’s limitations, a limitation’s techniques and products, and a series with its members', async () => {
    const result = await graphql<{
      technique: { limitations: Array<{ id: string; sources: unknown[] }> };
      limitation: { affects: Array<{ id: string }>; affectedTechniques: Array<{ id: string }>; affectedProducts: Array<{ id: string }> };
      series: { name: string; members: Array<{ id: string; series: Array<{ id: string }> }>; developers: Array<{ id: string }> };
      model: { series: Array<{ id: string }>; knowledgeCutoff: string | null };
      product: { knowledgeCutoff: string | null; limitations: Array<{ id: string }> };
    }>(
      service.url,
      `{ technique(id: "n-gram") { limitations { id } }
         limitation(id: "vanishing-gradient") { affects { id } affectedTechniques { id } affectedProducts { id } }
         series(id: "claude-series") { name members { id series { id } } developers { id } }
         model(id: "gpt-4-turbo") { series { id } knowledgeCutoff }
         product(id: "chatgpt") { knowledgeCutoff limitations { id } } }`,
    );
    expect(result.errors).toBeUndefined();
    const { technique, limitation, series, model, product } = result.data!;
    const expectedLimits = relations('has_limitation').filter((r) => r.from === 'n-gram');
    expect(technique.limitations.map((l) => l.id).sort()).toEqual(expectedLimits.map((r) => r.to).sort());
    expect(technique.limitations.map((l) => l.id)).toContain('long-range-dependency');
    expect(limitation.affectedTechniques.map((t) => t.id).sort()).toEqual(['lstm', 'rnn']);
    expect(limitation.affects).toEqual([]);
    expect(limitation.affectedProducts).toEqual([]);
    expect(series.name).toBe('Claude series');
    expect(series.members.map((m) => m.id).sort()).toEqual(
      relations('member_of')
        .filter((r) => r.to === 'claude-series')
        .map((r) => r.from)
        .sort(),
    );
    expect(series.members.map((m) => m.id)).toContain('claude');
    for (const member of series.members) expect(member.series.map((s) => s.id)).toContain('claude-series');
    expect(series.developers).toEqual([{ id: 'anthropic' }]);
    expect(model).toEqual({ series: [], knowledgeCutoff: '2023-04' });
    expect(product.knowledgeCutoff).toBe('2021-09');
    expect(product.limitations.map((l) => l.id)).toContain('knowledge-cutoff');
  });
});

describe('connections', () => {
  it.each([
    ['name', undefined],
    ['release date, newest first', [{ field: 'RELEASE_DATE', direction: 'DESC' }]],
    [
      'parameters then name',
      [
        { field: 'PARAMETERS', direction: 'ASC' },
        { field: 'NAME', direction: 'DESC' },
      ],
    ],
  ])('visits every model exactly once, ordered by %s', async (_label, orderBy) => {
    const ids = await allPages(orderBy);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(modelIds().sort());
  });

  it('orders by release date with the newest first', async () => {
    const result = await graphql<{ models: { edges: Array<{ node: { id: string; releaseDate: string | null } }> } }>(
      service.url,
      '{ models(first: 100, orderBy: [{field: RELEASE_DATE, direction: DESC}]) { edges { node { id releaseDate } } } }',
    );
    const dates = result.data!.models.edges.map((e) => e.node.releaseDate ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps cursors stable when models are added between pages', async () => {
    const first = await graphql<Page>(service.url, '{ models(first: 10) { edges { node { id } } pageInfo { endCursor } } }');
    const insert = (id: string, name: string) =>
      graphql(
        service.url,
        'mutation($input: ModelInput!) { upsertModel(input: $input) { id } }',
        { input: { id, name, citation: { url: 'https://example.org/inserted', quote: 'inserted by a test' } } },
        bearer(EDITOR_TOKEN),
      );
    expect((await insert('test-insert-aaa', 'AAA inserted')).errors).toBeUndefined();
    expect((await insert('test-insert-zzz', 'ZZZ inserted')).errors).toBeUndefined();
    try {
      const rest = await allPages(undefined, 50, first.data!.models.pageInfo.endCursor);
      const ids = [...first.data!.models.edges.map((e) => e.node.id), ...rest];
      // One newcomer sorts before the cursor, one after: a keyset page neither repeats nor skips anything.
      expect([...ids].sort()).toEqual([...modelIds(), 'test-insert-zzz'].sort());
    } finally {
      await deleteWrittenEntities(service.database, 'test-insert-');
    }
  });

  it('filters by organization, technique, open weights, dates, parameters and name or alias', async () => {
    const count = async (where: Record<string, unknown>) =>
      (
        await graphql<Page>(
          service.url,
          'query($where: ModelFilter) { models(where: $where, first: 100) { totalCount edges { node { id } } } }',
          { where },
        )
      ).data!.models;
    const zhipu = await count({ organization: 'zhipu-ai' });
    const models = new Set(modelIds());
    expect(zhipu.totalCount).toBe(relations('developed_by').filter((r) => r.to === 'zhipu-ai' && models.has(r.from)).length);
    const rope = await count({ technique: 'rope' });
    expect(rope.edges.map((e) => e.node.id).sort()).toEqual(
      relations('uses')
        .filter((r) => r.to === 'rope')
        .map((r) => r.from)
        .sort(),
    );
    // 通义千问 names the Qwen series and the product, neither of them a model; the series' members are.
    expect((await count({ nameContains: '通义千问' })).edges).toEqual([]);
    expect((await count({ nameContains: 'Qwen-' })).edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(['qwen-7b', 'qwen-14b']));
    const big = await count({ minParameters: 100e9, releasedBefore: '2021' });
    expect(big.edges.map((e) => e.node.id)).toContain('gpt-3');
    const recentOpen = (await count({ openWeights: true, releasedAfter: '2023-06' })).edges;
    expect(recentOpen.length).toBeGreaterThan(0);
    for (const edge of recentOpen) {
      const model = seedFile<Array<{ id: string; claims: Array<{ attribute: string; value: unknown }> }>>('models.json').find(
        (m) => m.id === edge.node.id,
      )!;
      expect(model.claims.find((c) => c.attribute === 'openWeights')?.value).toBe(true);
    }
  });

  it('refuses a page size over the cap, a foreign cursor and a malformed date', async () => {
    const tooMany = await graphql(service.url, '{ models(first: 1000) { edges { cursor } } }');
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'first must be a whole number from 1 to 100, got 1000.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const foreign = await graphql(service.url, '{ models(after: "bm9wZQ") { edges { cursor } } }');
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const date = await graphql(service.url, '{ models(where: {releasedAfter: "March 2023"}) { edges { cursor } } }');
    expect(date.errors?.[0]?.message).toBe(
      'where.releasedAfter must be an ISO date such as 2023, 2023-03 or 2023-03-14, got "March 2023".',
    );
  });

  it('pages organizations, techniques and limitations by name', async () => {
    const result = await graphql<Record<string, { totalCount: number; edges: Array<{ node: { name: string } }> }>>(
      service.url,
      '{ organizations(first: 100) { totalCount edges { node { name } } } techniques(first: 5, where: {nameContains: "attention"}) { totalCount edges { node { name aliases } } } limitations(first: 100) { totalCount } }',
    );
    expect(result.data!.organizations!.totalCount).toBe(seedFile('organizations.json').length);
    const names = result.data!.organizations!.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // nameContains matches names and aliases, case-insensitively; the seed has more such techniques than the page holds.
    const attention = seedFile<Array<{ name: string; aliases?: string[] }>>('techniques.json').filter((t) =>
      [t.name, ...(t.aliases ?? [])].some((n) => /attention/i.test(n)),
    );
    expect(attention.length).toBeGreaterThan(5);
    expect(result.data!.techniques!.totalCount).toBe(attention.length);
    const page = result.data!.techniques!.edges as unknown as Array<{ node: { name: string; aliases: string[] } }>;
    expect(page).toHaveLength(5);
    for (const { node } of page) expect([node.name, ...node.aliases].join(' ')).toMatch(/attention/i);
    expect(result.data!.limitations!.totalCount).toBe(seedFile('limitations.json').length);
  });
});
