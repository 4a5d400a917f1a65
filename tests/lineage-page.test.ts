import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { testDatabase } from './helpers/database.js';
import { graphql, startTestService } from './helpers/service.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

interface Page {
  edges: Array<{ cursor: string; node: { depth: number; direction: string; model: { id: string }; via: { id: string } | null } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE = `query P($id: ID!, $first: Int!, $after: String) {
  lineagePage(modelId: $id, direction: BOTH, maxDepth: 20, first: $first, after: $after) {
    edges { cursor node { depth direction model { id } via { id } } } pageInfo { hasNextPage endCursor } } }`;

type Step = Page['edges'][number]['node'];

/** The model with the most lineage steps in the graph, so there are several pages. */
async function longestLineage(): Promise<{ id: string; steps: Step[] }> {
  const db = testDatabase();
  try {
    const [row] = await db
      .scope()
      .read(
        'MATCH (m:Model) RETURN m.id AS id ORDER BY COUNT { (m)-[:DERIVED_FROM*1..20]->(:Model) } + COUNT { (m)<-[:DERIVED_FROM*1..20]-(:Model) } DESC, m.id LIMIT 1',
      );
    const id = String(row?.id);
    const result = await graphql<{ lineage: Step[] }>(
      service.url,
      `{ lineage(modelId: "${id}", direction: BOTH, maxDepth: 20) { depth direction model { id } via { id } } }`,
    );
    return { id, steps: result.data!.lineage };
  } finally {
    await db.close();
  }
}

describe('lineagePage', () => {
  it('pages through the whole lineage in the order of `lineage`, saying when more follow', async () => {
    const whole = await longestLineage();
    expect(whole.steps.length).toBeGreaterThanOrEqual(3);
    const seen: Step[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const result: { data?: { lineagePage: Page } } = await graphql<{ lineagePage: Page }>(service.url, PAGE, {
        id: whole.id,
        first: 2,
        after,
      });
      const page: Page = result.data!.lineagePage;
      seen.push(...page.edges.map((e) => e.node));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(2);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.steps);
  });

  it('refuses a cursor it did not give and a page past its cap', async () => {
    const bad = await graphql(service.url, PAGE, { id: 'gpt-4', first: 2, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const big = await graphql(service.url, PAGE, { id: 'gpt-4', first: 1001, after: null });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});
