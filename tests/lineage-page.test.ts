import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import type { DbScope } from '../src/db/database.js';
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

/** The model with the most lineage paths (of these kinds, when given) in the graph. */
async function mostLineage(scope: DbScope, kinds: string[] | null): Promise<string> {
  const [row] = await scope.read(
    `MATCH (m:Model) WITH m, [rs IN [(m)-[up:DERIVED_FROM*1..20]->(:Model) | up] + [(m)<-[down:DERIVED_FROM*1..20]-(:Model) | down]
       WHERE all(r IN rs WHERE $kinds IS NULL OR r.kind IN $kinds)] AS paths WITH m, size(paths) AS steps
     RETURN m.id AS id ORDER BY steps DESC, id LIMIT 1`,
    { kinds },
  );
  return String(row?.id);
}

/** The model with the most lineage steps in the graph, so there are several pages. */
async function longestLineage(): Promise<{ id: string; steps: Step[] }> {
  const db = testDatabase();
  try {
    const id = await mostLineage(db.scope(), null);
    const result = await graphql<{ lineage: Step[] }>(
      service.url,
      `{ lineage(modelId: "${id}", direction: BOTH, maxDepth: 20) { depth direction model { id } via { id } } }`,
    );
    return { id, steps: result.data!.lineage };
  } finally {
    await db.close();
  }
}

/** Nearest depth of every model from `roots` (one breadth-first search per root, the least depth kept), by an independent walk. */
function nearest(roots: string[], next: Map<string, string[]>, start: string, maxDepth: number): Map<string, number> {
  const best = new Map<string, number>();
  for (const root of roots) {
    const seen = new Set([root]);
    let frontier = [root];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
      frontier = frontier.flatMap((id) => (next.get(id) ?? []).filter((n) => !seen.has(n) && seen.add(n)));
      for (const id of frontier) if (id !== start && !(best.get(id)! <= depth)) best.set(id, depth);
    }
  }
  return best;
}

describe('lineage against an independent breadth-first walk', () => {
  it.each([
    ['the model with the longest lineage', null],
    ['the series whose members have the most lineage', null],
    ['the model with the longest lineage, successors only', ['SUCCESSOR']],
  ])('%s: each model once, at its nearest depth', async (which, kinds) => {
    const db = testDatabase();
    try {
      const scope = db.scope();
      const edges = await scope.read(
        'MATCH (c:Model)-[r:DERIVED_FROM]->(p:Model) WHERE $kinds IS NULL OR r.kind IN $kinds RETURN c.id AS child, p.id AS parent',
        { kinds },
      );
      const series = which.startsWith('the series')
        ? (
            await scope.read(
              `MATCH (s:Series)<-[:MEMBER_OF]-(m:Model)
               WITH s, collect(m.id) AS members, sum(COUNT { (m)-[:DERIVED_FROM]-() }) AS links
               RETURN s.id AS id, members ORDER BY links DESC, id LIMIT 1`,
            )
          )[0]
        : undefined;
      const start = series ? String(series.id) : await mostLineage(scope, kinds);
      const roots = series ? (series.members as string[]) : [start];
      const up = new Map<string, string[]>();
      const down = new Map<string, string[]>();
      for (const { child, parent } of edges as Array<{ child: string; parent: string }>) {
        up.set(child, [...(up.get(child) ?? []), parent]);
        down.set(parent, [...(down.get(parent) ?? []), child]);
      }
      const expected = [
        ...[...nearest(roots, up, start, 20)].map(([id, depth]) => `ANCESTORS ${depth} ${id}`),
        ...[...nearest(roots, down, start, 20)].map(([id, depth]) => `DESCENDANTS ${depth} ${id}`),
      ].sort();
      expect(expected.length).toBeGreaterThanOrEqual(2);
      const kindList = kinds === null ? '' : `, kinds: [${kinds.join(', ')}]`;
      const result = await graphql<{ lineage: Step[] }>(
        service.url,
        `{ lineage(modelId: "${start}", direction: BOTH, maxDepth: 20${kindList}) { depth direction model { id } via { id } } }`,
      );
      expect(result.data!.lineage.map((s) => `${s.direction} ${s.depth} ${s.model.id}`).sort()).toEqual(expected);
      // `via` is the model one step nearer on a shortest walk: a start's member at depth 1 for a series, none for a model.
      const depths = { ANCESTORS: nearest(roots, up, start, 20), DESCENDANTS: nearest(roots, down, start, 20) };
      for (const step of result.data!.lineage) {
        const direction = step.direction as keyof typeof depths;
        const before = step.via?.id;
        if (step.depth === 1) expect(before).toEqual(series ? expect.toSatisfy((id: string) => roots.includes(id)) : undefined);
        else expect(depths[direction].get(before!)).toBe(step.depth - 1);
        if (before !== undefined) expect((direction === 'ANCESTORS' ? up : down).get(before)).toContain(step.model.id);
      }
    } finally {
      await db.close();
    }
  });
});

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
