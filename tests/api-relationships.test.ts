import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { relations, techniquesOf } from './helpers/seed-facts.js';
import { graphql, startTestService } from './helpers/service.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

interface GraphResult {
  nodes: Array<{ id: string; label: string; type: string }>;
  edges: Array<{ id: string; source: string; target: string; type: string; kind: string | null; citations?: Array<{ quote: string }> }>;
  truncated: boolean;
}

/** What a visualization library needs: unique nodes and edges, every edge between nodes of the graph. */
function expectConsistent(graph: GraphResult) {
  const ids = graph.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const edge of graph.edges) {
    expect(ids).toContain(edge.source);
    expect(ids).toContain(edge.target);
  }
}

const STEP = '{ depth kind direction model { id } via { id } }';

describe('lineage', () => {
  // The review removed ChatGLM's chain (ChatGLM3-6B-32K, ChatGLM3-6B-Base and GLM are series members, not
  // derivations), and round 3 the GPT links no source states (GPT-3.5 from GPT-3, GPT-4o from GPT-4 Turbo):
  // the GPT family is two chains, GPT-1 -> GPT-2 -> GPT-3 and GPT-3.5 -> GPT-4 -> GPT-4 Turbo.
  it('walks the GPT family up from GPT-4 Turbo, nearest generation first', async () => {
    const result = await graphql<{ lineage: unknown[] }>(service.url, `{ lineage(modelId: "gpt-4-turbo") ${STEP} }`);
    expect(result.data!.lineage).toEqual([
      { depth: 1, kind: 'VARIANT', direction: 'ANCESTORS', model: { id: 'gpt-4' }, via: null },
      { depth: 2, kind: 'SUCCESSOR', direction: 'ANCESTORS', model: { id: 'gpt-3-5' }, via: { id: 'gpt-4' } },
    ]);
  });

  it('walks down from GPT-3.5 to two generations of descendants, by name within a generation', async () => {
    const result = await graphql<{ lineage: Array<{ depth: number; model: { id: string } }> }>(
      service.url,
      `{ lineage(modelId: "gpt-3-5", direction: DESCENDANTS) ${STEP} }`,
    );
    // ChatGPT, Copilot and Auto-GPT are products POWERED_BY these models, not their descendants.
    expect(result.data!.lineage.map((s) => [s.depth, s.model.id])).toEqual([
      [1, 'gpt-4'],
      [2, 'gpt-4-turbo'],
    ]);
  });

  it('walks both ways, respects maxDepth and filters by kind', async () => {
    const both = await graphql<{ lineage: Array<{ direction: string; model: { id: string } }> }>(
      service.url,
      `{ lineage(modelId: "gpt-3", direction: BOTH, maxDepth: 1) ${STEP} }`,
    );
    expect(both.data!.lineage.map((s) => `${s.direction}:${s.model.id}`).sort()).toEqual(
      [
        ...relations('derived_from')
          .filter((r) => r.from === 'gpt-3')
          .map((r) => `ANCESTORS:${r.to}`),
        ...relations('derived_from')
          .filter((r) => r.to === 'gpt-3')
          .map((r) => `DESCENDANTS:${r.from}`),
      ].sort(),
    );
    const successors = await graphql<{ lineage: Array<{ model: { id: string } }> }>(
      service.url,
      `{ lineage(modelId: "gpt-4-turbo", kinds: [SUCCESSOR]) ${STEP} }`,
    );
    // GPT-4 Turbo is a VARIANT of GPT-4: a SUCCESSOR-only walk stops before it starts.
    expect(successors.data!.lineage.map((s) => s.model.id)).toEqual([]);
    const gpt3 = await graphql<{ lineage: Array<{ model: { id: string } }> }>(
      service.url,
      `{ lineage(modelId: "gpt-3", kinds: [SUCCESSOR]) ${STEP} }`,
    );
    expect(gpt3.data!.lineage.map((s) => s.model.id)).toEqual(['gpt-2', 'gpt-1']);
  });

  it('draws the lineage as a graph whose edges carry their citations', async () => {
    const result = await graphql<{ lineageGraph: GraphResult }>(
      service.url,
      '{ lineageGraph(modelId: "gpt-3") { nodes { id label type } edges { id source target type kind citations { quote } } truncated } }',
    );
    const graph = result.data!.lineageGraph;
    expectConsistent(graph);
    expect(graph.nodes.map((n) => n.id)).toEqual(['gpt-3', 'gpt-2', 'gpt-1']);
    expect(graph.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['gpt-3->gpt-2', 'gpt-2->gpt-1']);
    expect(graph.edges.every((e) => e.type === 'DERIVED_FROM' && (e.citations?.length ?? 0) > 0)).toBe(true);
  });

  it('refuses a depth over the cap', async () => {
    const result = await graphql(service.url, `{ lineage(modelId: "gpt-4", maxDepth: 50) ${STEP} }`);
    expect(result.errors?.[0]).toMatchObject({
      message: 'maxDepth must be a whole number from 1 to 20, got 50.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('shared techniques and similar models', () => {
  it('finds the techniques GPT-3 and LLaMA both use', async () => {
    const result = await graphql<{ sharedTechniques: Array<{ id: string }> }>(
      service.url,
      '{ sharedTechniques(modelIds: ["gpt-3", "llama"]) { id } }',
    );
    const expected = techniquesOf('gpt-3').filter((t) => techniquesOf('llama').includes(t));
    expect(expected.sort()).toEqual(['decoder-only', 'transformer']);
    expect(result.data!.sharedTechniques.map((t) => t.id).sort()).toEqual(expected);
  });

  it('narrows to what all of three models share, and to nothing with an unknown id', async () => {
    const three = await graphql<{ sharedTechniques: Array<{ id: string }> }>(
      service.url,
      '{ sharedTechniques(modelIds: ["gpt-3", "llama", "gpt-4"]) { id } }',
    );
    expect(three.data!.sharedTechniques).toEqual([{ id: 'decoder-only' }]);
    const unknown = await graphql<{ sharedTechniques: unknown[] }>(service.url, '{ sharedTechniques(modelIds: ["gpt-3", "nope"]) { id } }');
    expect(unknown.data!.sharedTechniques).toEqual([]);
  });

  it('ranks similar models by Jaccard similarity of their techniques', async () => {
    const result = await graphql<{ similarModels: Array<{ score: number; model: { id: string }; shared: Array<{ id: string }> }> }>(
      service.url,
      '{ similarModels(modelId: "gpt-3", first: 5) { score model { id } shared { id } } }',
    );
    const mine = new Set(techniquesOf('gpt-3'));
    expect(result.data!.similarModels).toHaveLength(5);
    const scores = result.data!.similarModels.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const hit of result.data!.similarModels) {
      const theirs = new Set(techniquesOf(hit.model.id));
      const shared = [...mine].filter((t) => theirs.has(t));
      expect(hit.shared.map((t) => t.id).sort()).toEqual(shared.sort());
      expect(hit.score).toBeCloseTo(shared.length / new Set([...mine, ...theirs]).size, 10);
    }
  });
});

describe('path', () => {
  it('connects LLaMA to Google, which it is not directly linked to, in two steps through a technique', async () => {
    const result = await graphql<{ path: GraphResult }>(
      service.url,
      '{ path(fromId: "llama", toId: "google") { nodes { id type } edges { id source target type citations { quote } } truncated } }',
    );
    const path = result.data!.path;
    expectConsistent(path);
    expect(path.nodes).toHaveLength(3);
    expect(path.nodes[0]).toEqual({ id: 'llama', type: 'MODEL' });
    expect(path.nodes[2]).toEqual({ id: 'google', type: 'ORGANIZATION' });
    const middle = path.nodes[1]!.id;
    expect(techniquesOf('llama')).toContain(middle);
    expect(relations('proposed_by').some((r) => r.from === middle && r.to === 'google')).toBe(true);
    expect(path.edges.map((e) => e.type)).toEqual(['USES', 'PROPOSED_BY']);
    expect(path.edges.every((e) => (e.citations?.length ?? 0) > 0)).toBe(true);
  });

  it('is null when nothing connects within maxDepth, and over the cap is refused', async () => {
    const none = await graphql<{ path: null }>(service.url, '{ path(fromId: "llama", toId: "google", maxDepth: 1) { nodes { id } } }');
    expect(none.data!.path).toBeNull();
    const missing = await graphql<{ path: null }>(service.url, '{ path(fromId: "llama", toId: "no-such-entity") { nodes { id } } }');
    expect(missing.data!.path).toBeNull();
    const capped = await graphql(service.url, '{ path(fromId: "llama", toId: "google", maxDepth: 11) { nodes { id } } }');
    expect(capped.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('neighbourhood and downstream', () => {
  it('returns hallucination with every entity one relationship away, consistent for a visualization', async () => {
    const result = await graphql<{ neighborhood: GraphResult }>(
      service.url,
      '{ neighborhood(ids: ["hallucination"]) { nodes { id label type } edges { id source target type kind } truncated } }',
    );
    const graph = result.data!.neighborhood;
    expectConsistent(graph);
    const expected = [
      ...relations('has_limitation')
        .filter((r) => r.to === 'hallucination')
        .map((r) => r.from),
      ...relations('mitigates')
        .filter((r) => r.to === 'hallucination')
        .map((r) => r.from),
    ];
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['hallucination', ...new Set(expected)].sort());
    expect(graph.nodes[0]).toMatchObject({ id: 'hallucination', type: 'LIMITATION' });
    expect(graph.truncated).toBe(false);
  });

  it('cuts at the limit, nearest first, and says so', async () => {
    const result = await graphql<{ neighborhood: GraphResult }>(
      service.url,
      '{ neighborhood(ids: ["openai"], depth: 2, limit: 10) { nodes { id } edges { id source target type } truncated } }',
    );
    const graph = result.data!.neighborhood;
    expectConsistent(graph);
    expect(graph.nodes).toHaveLength(10);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0]!.id).toBe('openai');
  });

  it('follows only the requested relationship types', async () => {
    const result = await graphql<{ neighborhood: GraphResult }>(
      service.url,
      '{ neighborhood(ids: ["palm"], depth: 3, types: [DERIVED_FROM]) { nodes { id type } edges { type } } }',
    );
    expect(result.data!.neighborhood.edges.length).toBeGreaterThan(3);
    expect(result.data!.neighborhood.edges.every((e) => e.type === 'DERIVED_FROM')).toBe(true);
    expect(result.data!.neighborhood.nodes.every((n) => n.type === 'MODEL')).toBe(true);
    expect(result.data!.neighborhood.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['palm-2', 'med-palm', 'med-palm-2', 'palm-e']),
    );
  });

  it('refuses depth 4 and 51 start ids', async () => {
    const deep = await graphql(service.url, '{ neighborhood(ids: ["gpt-4"], depth: 4) { truncated } }');
    expect(deep.errors?.[0]?.message).toBe('depth must be a whole number from 0 to 3, got 4.');
    const ids = Array.from({ length: 51 }, (_, i) => `id-${i}`);
    const many = await graphql(service.url, 'query($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }', { ids });
    expect(many.errors?.[0]?.message).toBe('ids must hold from 1 to 50 distinct ids, got 51.');
  });

  // GPT-3 rather than GLM: the review left GLM without derived models.
  it('isolates everything downstream of GPT-3: the models derived from it, generation after generation', async () => {
    const result = await graphql<{ downstream: GraphResult }>(
      service.url,
      '{ downstream(id: "gpt-3") { nodes { id } edges { id source target type } truncated } }',
    );
    const graph = result.data!.downstream;
    expectConsistent(graph);
    expect(graph.truncated).toBe(false);
    const derived = relations('derived_from');
    const expected = new Set<string>(['gpt-3']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of derived) {
        if (expected.has(r.to) && !expected.has(r.from)) {
          expected.add(r.from);
          grew = true;
        }
      }
    }
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
  });
});
