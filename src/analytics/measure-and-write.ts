import type { MeasuresRepository } from '../repositories/measures.repository.js';
import { lineageDistribution } from './lineage-stats.js';
import { computeMeasures } from './measures.js';

/** What one recomputation of the stored measures is asked for. */
export interface MeasuresRequest {
  /** The data version the graph was at when the run was decided. */
  version: string;
  lineageType: string;
  /** Relationship types read in both directions. */
  symmetricTypes: string[];
}

/** What one recomputation did. */
export interface MeasuresOutcome {
  /** The data version the graph is at once the measures are written, and whether anyone else wrote meanwhile. */
  written: { version: number | undefined; changedMeanwhile: boolean };
  /** Where the time went: reading the graph, computing, writing back. */
  phases: { readMs: number; computeMs: number; writeMs: number };
  nodes: number;
  edges: number;
}

/**
 * Reads the whole graph, computes its measures and writes them back (MeasuresRepository.write). Runs in
 * the measures' own process (measures.process.ts): millions of nodes never enter the service's heap.
 */
export async function measureAndWrite(repository: MeasuresRepository, request: MeasuresRequest): Promise<MeasuresOutcome> {
  const started = Date.now();
  const { nodes, edges } = await repository.readGraph();
  const read = Date.now();
  const measures = computeMeasures(nodes, edges, {
    lineageType: request.lineageType,
    symmetricTypes: new Set(request.symmetricTypes),
  });
  const lineage = lineageDistribution(measures);
  const computed = Date.now();
  const written = await repository.write(
    {
      version: request.version,
      computedAt: new Date().toISOString(),
      communities: measures.communities,
      lineage,
      betweennessExact: measures.betweennessExact,
      betweennessSources: measures.betweennessSources,
      modularity: measures.modularity,
    },
    measures,
  );
  return {
    written,
    phases: { readMs: read - started, computeMs: computed - read, writeMs: Date.now() - computed },
    nodes: nodes.length,
    edges: edges.length,
  };
}
