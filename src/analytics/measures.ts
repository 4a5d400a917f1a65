import { betweenness } from './betweenness.js';
import { seededRandom } from '../domain/seeded-random.js';
import { Graph, louvain, pagerank } from './graphology.js';
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
  const whole = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const node of nodes) whole.addNode(node.id);
  const lineage = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const undirected = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of nodes) undirected.addNode(node.id);
  for (const edge of edges) {
    if (edge.from === edge.to || !whole.hasNode(edge.from) || !whole.hasNode(edge.to)) continue;
    addWeighted(whole, edge.from, edge.to);
    if (options.symmetricTypes.has(edge.type)) addWeighted(whole, edge.to, edge.from);
    addWeighted(undirected, edge.from, edge.to);
    if (edge.type === options.lineageType) {
      lineage.mergeNode(edge.from);
      lineage.mergeNode(edge.to);
      addWeighted(lineage, edge.from, edge.to);
    }
  }

  const rank = pagerank(whole, { getEdgeWeight: 'weight' });
  const lineageRank = lineage.order > 0 ? pagerank(lineage, { getEdgeWeight: 'weight' }) : {};
  const between = betweenness(undirected, {
    maxExactOrder: options.maxExactBetweenness ?? 5_000,
    samples: options.betweennessSamples ?? 64,
    random,
  });
  const detailed = louvain.detailed(undirected, { getEdgeWeight: 'weight', rng: random });
  const shape = lineageShape(
    edges.filter((e) => e.type === options.lineageType),
    (id) => whole.hasNode(id),
  );

  const result = new Map<string, NodeMeasures>();
  for (const node of nodes) {
    const inLineage = lineage.hasNode(node.id);
    result.set(node.id, {
      pageRank: rank[node.id] ?? 0,
      lineagePageRank: inLineage ? (lineageRank[node.id] ?? 0) : null,
      betweenness: between.values[node.id] ?? 0,
      community: detailed.communities[node.id] ?? -1,
      lineageDepth: inLineage ? (shape.depth.get(node.id) ?? 0) : null,
      lineageHeight: inLineage ? (shape.height.get(node.id) ?? 0) : null,
      descendants: inLineage ? (shape.descendants.get(node.id) ?? 0) : null,
      fanOut: shape.fanOut.get(node.id) ?? {},
    });
  }
  return {
    nodes: result,
    communities: summarise(nodes, result),
    betweennessExact: between.exact,
    betweennessSources: between.sources,
    modularity: detailed.modularity,
  };
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
