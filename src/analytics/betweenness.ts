import { betweennessCentrality, createUnweightedIndexedBrandes, type Graph } from './graphology.js';

interface Stack {
  size: number;
  items: ArrayLike<number>;
  pop(): number;
}
type Brandes = ((source: number) => [Stack, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};

/** Whether betweenness was computed from every node or estimated from a sample of sources. */
export interface Betweenness {
  values: Record<string, number>;
  exact: boolean;
  sources: number;
}

/**
 * Normalised betweenness. Exact Brandes costs O(V·E), hours at 100,000 models; past `maxExactOrder`
 * nodes it is estimated from `samples` pivot sources drawn with `random` and scaled by V / samples
 * (Brandes & Pich 2007), the same accumulation graphology runs for every source.
 */
export function betweenness(graph: Graph, options: { maxExactOrder: number; samples: number; random: () => number }): Betweenness {
  const order = graph.order;
  if (order <= options.maxExactOrder) return { values: betweennessCentrality(graph, { normalized: true }), exact: true, sources: order };
  const brandes = createUnweightedIndexedBrandes(graph as never) as unknown as Brandes;
  const delta = new Float64Array(order);
  const centrality = new Float64Array(order);
  const sources = pickSources(order, options.samples, options.random);
  for (const source of sources) {
    const [stack, predecessors, sigma] = brandes(source);
    for (let j = 0; j < stack.size; j++) delta[stack.items[j] as number] = 0;
    while (stack.size !== 0) {
      const w = stack.pop();
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] ?? []) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      if (w !== source) centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
  }
  const scale = order / sources.length / ((order - 1) * (order - 2));
  for (let i = 0; i < order; i++) centrality[i] = (centrality[i] as number) * scale;
  return { values: brandes.index.collect(centrality), exact: false, sources: sources.length };
}

function pickSources(order: number, samples: number, random: () => number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(samples, order)) picked.add(Math.floor(random() * order));
  return [...picked];
}
