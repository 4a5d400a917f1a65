import { LRUCache } from 'lru-cache';
import { InvalidInputError } from '../domain/errors.js';
import { CAPS } from '../domain/limits.js';
import type { EntityType } from '../domain/registry.js';
import { computeInWorker } from './compute-in-worker.js';
import { GRAPH_MEASURE_OPTIONS } from './measure-options.js';
import type { MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';

export type RankedMeasure = 'PAGE_RANK' | 'LINEAGE_PAGE_RANK' | 'BETWEENNESS' | 'DESCENDANTS';

/** The measures of the graph as of one day, with the nodes they were computed over. */
export interface DatedMeasures {
  nodes: MeasureNode[];
  measures: Measures;
}

const SCORE: Record<RankedMeasure, (m: NodeMeasures) => number | null> = {
  PAGE_RANK: (m) => m.pageRank,
  LINEAGE_PAGE_RANK: (m) => m.lineagePageRank,
  BETWEENNESS: (m) => m.betweenness,
  DESCENDANTS: (m) => m.descendants,
};

/** The `first` nodes of `types` with the highest score, as the stored ranking orders them (score, then name, then id). */
export function rankNodes(
  dated: DatedMeasures,
  types: EntityType[],
  measure: RankedMeasure,
  first: number,
): Array<{ id: string; score: number }> {
  const wanted = new Set<string>(types);
  return dated.nodes
    .filter((node) => wanted.has(node.type))
    .map((node) => ({ node, score: SCORE[measure](dated.measures.nodes.get(node.id)!) }))
    .filter((row): row is { node: MeasureNode; score: number } => row.score !== null)
    .sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name) || a.node.id.localeCompare(b.node.id))
    .slice(0, first)
    .map(({ node, score }) => ({ id: node.id, score }));
}

/**
 * The graph measures of past dates, computed on request in a worker (the stored measures are of the
 * current graph), and kept for the data version they were computed at: the same question at the
 * same version is answered from memory, and concurrent ones share one computation.
 */
export class AsOfMeasures {
  private readonly cache = new LRUCache<string, Promise<DatedMeasures>>({ max: CAPS.asOfMeasuresKept });

  get(version: string, day: string, read: () => Promise<{ nodes: MeasureNode[]; edges: MeasureEdge[] }>): Promise<DatedMeasures> {
    const key = `${version}|${day}`;
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = (async () => {
        const { nodes, edges } = await read();
        const measures = await computeInWorker(nodes, edges, GRAPH_MEASURE_OPTIONS, {
          timeoutMs: CAPS.asOfMeasuresMs,
          timeoutError: new InvalidInputError(
            `The measures of the graph as of ${day} took longer than ${CAPS.asOfMeasuresMs / 1000} s to compute; ask for a date with a smaller graph.`,
            'asOf',
          ),
        });
        return { nodes, measures };
      })();
      this.cache.set(key, entry);
      // A graph refused as too large stays refused at this version; anything else may pass next time.
      entry.catch((error) => {
        if (!(error instanceof InvalidInputError)) this.cache.delete(key);
      });
    }
    return entry;
  }
}

/** One per process: the measures of a date do not depend on who asks. */
export const asOfMeasures = new AsOfMeasures();
