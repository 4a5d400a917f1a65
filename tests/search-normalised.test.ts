import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService({ API_TOKENS });
});
afterAll(async () => {
  await service.stop();
});

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(service.url, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

type Page = {
  models: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; parameters: number | null; releaseDate: string | null } }>;
  };
};

describe('names as people type them', () => {
  it.each([
    ['qwen 2', 'qwen2'],
    ['Qwen-2', 'qwen2'],
    ['llama3 8b', 'llama-3-8b'],
    ['GPT 4', 'gpt-4'],
  ])('search "%s" puts %s first', async (query, id) => {
    const data = await ok('query($q: String!) { search(query: $q, first: 3) { entity { id } } }', { q: query });
    expect(data.search[0].entity.id).toBe(id);
  });

  it.each([
    ['llama 3 8', ['llama-3-8b']],
    ['LLAMA-65', ['llama-65b']],
    ['qwen 7b', ['qwen-7b', 'qwen-7b-chat']],
    ['chatglm 3', ['chatglm3', 'chatglm3-6b']],
  ])('nameContains "%s" ignores case, spaces, hyphens and dots', async (text, ids) => {
    const data = await ok<Page>('query($t: String) { models(where: {nameContains: $t}, first: 50) { edges { node { id } } } }', {
      t: text,
    });
    expect(data.models.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(ids));
  });

  it('keeps an organization’s filter literal where it has no separators to ignore', async () => {
    const data = await ok('{ organizations(where: {nameContains: "open ai"}, first: 5) { edges { node { id } } } }');
    expect(data.organizations.edges.map((e: any) => e.node.id)).toContain('openai');
  });
});

describe('a Hugging Face repository id', () => {
  it('finds the entity carrying it as one phrase, and falls back to its words when none does', async () => {
    const search = async (q: string) =>
      (await ok('query($q: String!) { search(query: $q, first: 5) { entity { id } } }', { q })).search.map((h: any) => h.entity.id);
    const insert = await graphql(
      service.url,
      'mutation($input: ModelInput!) { upsertModel(input: $input) { id } }',
      {
        input: {
          id: 'test-repo-llama-3-8b',
          name: 'Llama-3-8B',
          aliases: ['test-owner/Llama-3-8B'],
          citation: { url: 'https://example.org/repo', quote: 'a repository' },
        },
      },
      bearer(EDITOR_TOKEN),
    );
    expect(insert.errors, JSON.stringify(insert.errors)).toBeUndefined();
    try {
      // The words alone would rank every Llama 3 8B; the phrase names one repository.
      expect(await search('test-owner/Llama-3-8B')).toEqual(['test-repo-llama-3-8b']);
      expect(await search('Llama 3 8B')).toEqual(expect.arrayContaining(['llama-3-8b', 'test-repo-llama-3-8b']));
      expect(await search('unknown-author/Llama-3-8B')).toEqual(expect.arrayContaining(['llama-3-8b', 'test-repo-llama-3-8b']));
    } finally {
      await deleteWrittenEntities(service.database, 'test-repo-');
    }
  });
});

describe('orderings put missing values last unless asked', () => {
  const page = async (field: string, direction: string, nulls?: string, after?: string, first = 100) =>
    (
      await ok<Page>(
        `query($after: String, $first: Int) { models(first: $first, after: $after, orderBy: [{field: ${field}, direction: ${direction}${nulls ? `, nulls: ${nulls}` : ''}}]) { totalCount edges { cursor node { id parameters releaseDate } } } }`,
        { after, first },
      )
    ).models;

  it.each([
    ['PARAMETERS', 'parameters'],
    ['RELEASE_DATE', 'releaseDate'],
  ] as const)('%s: without a value last in both directions, first when asked', async (field, property) => {
    for (const direction of ['ASC', 'DESC']) {
      const values = (await page(field, direction)).edges.map((e) => e.node[property]);
      const firstMissing = values.indexOf(null);
      expect(firstMissing).toBeGreaterThan(0);
      expect(values.slice(firstMissing).every((v) => v === null)).toBe(true);
      const present = values.slice(0, firstMissing) as Array<string | number>;
      const sorted = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(present).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    }
    const nullsFirst = (await page(field, 'DESC', 'FIRST')).edges.map((e) => e.node[property]);
    expect(nullsFirst[0]).toBeNull();
    expect(nullsFirst.at(-1)).not.toBeNull();
  });

  it.each([
    ['PARAMETERS', 'DESC', undefined],
    ['PARAMETERS', 'ASC', 'FIRST'],
    ['RELEASE_DATE', 'ASC', undefined],
    ['RELEASE_DATE', 'DESC', 'FIRST'],
  ])(
    'pages by %s %s (nulls %s) across the boundary between values and no values without losing or repeating a model',
    async (field, direction, nulls) => {
      const whole = await page(field, direction, nulls);
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const next = await page(field, direction, nulls, after, 7);
        ids.push(...next.edges.map((e) => e.node.id));
        if (next.edges.length < 7) break;
        after = next.edges.at(-1)!.cursor;
      }
      expect(ids).toEqual(whole.edges.map((e) => e.node.id));
    },
  );
});
