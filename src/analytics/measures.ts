import { betweenness } from './betweenness.js';
import { seededRandom } from '../domain/seeded-random.js';
import { Graph, louvain } from './graphology.js';
import { pagerank, weightedDigraph, type WeightedDigraph } from './pagerank.js';
import { lineageShape } from './lineage-shape.js';
import type { CommunitySummary, MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';

export interface MeasureOptions {
  lineageType: string;
  /** Relationship types read in both directions (COMPETES_WITH, COLLABORATES_WITH). */
  symmetricTypes: ReadonlySet<string>;
  maxExactBetweenness?: number;
  betweennessSamples?: number;
  seed?: number;
}

const LABEL_LEADERS = 3;

/**
 * Influence and structure of the whole graph, computed in the service (Neo4j Community has no graph
 * algorithms). Deterministic for a given graph and seed, so two replicas agree.
 */
export function computeMeasures(nodes: MeasureNode[], edges: MeasureEdge[], options: MeasureOptions): Measures {
  // Seeded, so Louvain and sampled betweenness give the same answer on every run and replica.
  const random = seededRandom(options.seed ?? 2026);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  // Lineage ranks over the models lineage joins, numbered as met.
  const lineageIndex = new Map<string, number>();
  const lineageNumber = (id: string) => {
    const known = lineageIndex.get(id);
    if (known !== undefined) return known;
    lineageIndex.set(id, lineageIndex.size);
    return lineageIndex.size - 1;
  };
  const whole = new EdgeList(edges.length * 2);
  const lineage = new EdgeList(edges.length);
  const undirected = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of nodes) undirected.addNode(node.id);
  for (const edge of edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (edge.from === edge.to || from === undefined || to === undefined) continue;
    whole.add(from, to);
    if (options.symmetricTypes.has(edge.type)) whole.add(to, from);
    addWeighted(undirected, edge.from, edge.to);
    if (edge.type === options.lineageType) lineage.add(lineageNumber(edge.from), lineageNumber(edge.to));
  }

  const rank = pagerank(whole.digraph(nodes.length));
  const lineageRank = lineageIndex.size > 0 ? pagerank(lineage.digraph(lineageIndex.size)) : new Float64Array(0);
  const between = betweenness(undirected, {
    maxExactOrder: options.maxExactBetweenness ?? 5_000,
    samples: options.betweennessSamples ?? 64,
    random,
  });
  const detailed = louvain.detailed(undirected, { getEdgeWeight: 'weight', rng: random });
  const shape = lineageShape(
    edges.filter((e) => e.type === options.lineageType),
    (id) => index.has(id),
  );

  const result = new Map<string, NodeMeasures>();
  nodes.forEach((node, i) => {
    const inLineage = lineageIndex.get(node.id);
    result.set(node.id, {
      pageRank: rank[i] ?? 0,
      lineagePageRank: inLineage === undefined ? null : (lineageRank[inLineage] ?? 0),
      betweenness: between.values[node.id] ?? 0,
      community: detailed.communities[node.id] ?? -1,
      lineageDepth: inLineage === undefined ? null : (shape.depth.get(node.id) ?? 0),
      lineageHeight: inLineage === undefined ? null : (shape.height.get(node.id) ?? 0),
      descendants: inLineage === undefined ? null : (shape.descendants.get(node.id) ?? 0),
      fanOut: shape.fanOut.get(node.id) ?? {},
    });
  });
  return {
    nodes: result,
    communities: summarise(nodes, result),
    betweennessExact: between.exact,
    betweennessSources: between.sources,
    modularity: detailed.modularity,
  };
}

/** Directed edges by node number, gathered for weightedDigraph. */
class EdgeList {
  private readonly from: Uint32Array;
  private readonly to: Uint32Array;
  private count = 0;

  constructor(capacity: number) {
    this.from = new Uint32Array(capacity);
    this.to = new Uint32Array(capacity);
  }

  add(from: number, to: number): void {
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.count += 1;
  }

  digraph(order: number): WeightedDigraph {
    return weightedDigraph(order, this.from, this.to, this.count);
  }
}

function addWeighted(graph: Graph, from: string, to: string): void {
  graph.updateEdge(from, to, (attributes: Record<string, unknown>) => ({
    ...attributes,
    weight: ((attributes.weight as number | undefined) ?? 0) + 1,
  }));
}

function summarise(nodes: MeasureNode[], measures: Map<string, NodeMeasures>): CommunitySummary[] {
  const members = new Map<number, MeasureNode[]>();
  for (const node of nodes) {
    const id = measures.get(node.id)?.community ?? -1;
    const list = members.get(id);
    if (list) list.push(node);
    else members.set(id, [node]);
  }
  const byRank = (a: MeasureNode, b: MeasureNode) =>
    (measures.get(b.id)?.pageRank ?? 0) - (measures.get(a.id)?.pageRank ?? 0) || a.name.localeCompare(b.name);
  return [...members.entries()]
    .map(([id, list]) => {
      const leaders = [...list]
        .sort(byRank)
        .slice(0, LABEL_LEADERS)
        .map((n) => n.name);
      return { id, label: leaders.join(' · '), size: list.length, leaders };
    })
    .sort((a, b) => b.size - a.size || a.id - b.id);
}
