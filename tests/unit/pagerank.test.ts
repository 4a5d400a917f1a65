import { describe, expect, it } from 'vitest';
import { Graph, pagerank as graphologyPagerank } from '../../src/analytics/graphology.js';
import { pagerank, weightedDigraph } from '../../src/analytics/pagerank.js';
import { seededRandom } from '../../src/domain/seeded-random.js';

/** The same edges as graphology graphs held them for the measures: a repeat adds 1 to the edge's weight. */
function both(order: number, pairs: Array<[number, number]>) {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (let i = 0; i < order; i++) graph.addNode(`n${i}`);
  for (const [from, to] of pairs)
    graph.updateEdge(`n${from}`, `n${to}`, (a: Record<string, unknown>) => ({ weight: ((a.weight as number | undefined) ?? 0) + 1 }));
  const digraph = weightedDigraph(
    order,
    Uint32Array.from(pairs.map(([from]) => from)),
    Uint32Array.from(pairs.map(([, to]) => to)),
    pairs.length,
  );
  return { graph, digraph };
}

describe('PageRank over compressed rows', () => {
  it.each([
    ['a sparse graph with dangling and isolated nodes', 200, 300],
    ['a dense graph with many repeated edges', 50, 2_000],
  ])('gives what graphology gives on %s', (_, order, edges) => {
    const random = seededRandom(order);
    const pairs: Array<[number, number]> = [];
    while (pairs.length < edges) {
      // Skewed towards low numbers, so some nodes gather many edges and repeats occur.
      const from = Math.floor(random() ** 2 * order);
      const to = Math.floor(random() ** 3 * order);
      if (from !== to) pairs.push([from, to]);
    }
    const { graph, digraph } = both(order, pairs);
    const expected = graphologyPagerank(graph, { getEdgeWeight: 'weight' });
    const ranks = pagerank(digraph);
    expect(digraph.targets.length).toBe(graph.size);
    for (let i = 0; i < order; i++) expect(ranks[i]).toBeCloseTo(expected[`n${i}`] as number, 12);
  });

  it('folds a repeated edge into one of weight 2, and ranks an empty graph as empty', () => {
    const digraph = weightedDigraph(3, Uint32Array.of(0, 0, 0, 2), Uint32Array.of(1, 2, 1, 0), 4);
    expect([...digraph.starts]).toEqual([0, 2, 2, 3]);
    expect([...digraph.targets]).toEqual([1, 2, 0]);
    expect([...digraph.weights]).toEqual([2, 1, 1]);
    expect(pagerank(weightedDigraph(0, new Uint32Array(0), new Uint32Array(0), 0))).toHaveLength(0);
  });
});
