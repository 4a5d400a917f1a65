import { describe, expect, it } from 'vitest';
import { computeInWorker } from '../../src/analytics/compute-in-worker.js';
import { computeMeasures } from '../../src/analytics/measures.js';
import { MEASURES_CHUNK } from '../../src/analytics/worker-messages.js';
import type { MeasureEdge, MeasureNode } from '../../src/domain/measures.js';

const options = { lineageType: 'DERIVED_FROM', symmetricTypes: new Set<string>() };

describe('measures in a worker', () => {
  it('sends a graph of several chunks over and brings every node back, as computed in place', { timeout: 120_000 }, async () => {
    const order = Math.floor(MEASURES_CHUNK * 2.5);
    const nodes: MeasureNode[] = Array.from({ length: order }, (_, i) => ({ id: `m${i}`, type: 'MODEL', name: `M${i}` }));
    // A forest of lineage: model i derives from model floor(i / 3); a few models share a developer.
    const edges: MeasureEdge[] = nodes
      .slice(1)
      .map((_, k) => ({ from: `m${k + 1}`, to: `m${Math.floor((k + 1) / 3)}`, type: 'DERIVED_FROM', kind: 'FINE_TUNE' }));
    const inWorker = await computeInWorker(nodes, edges, options);
    const inPlace = computeMeasures(nodes, edges, options);
    expect(inWorker.nodes.size).toBe(order);
    expect([...inWorker.nodes.keys()]).toEqual(nodes.map((n) => n.id));
    for (const id of ['m0', 'm1', `m${order - 1}`]) expect(inWorker.nodes.get(id)).toEqual(inPlace.nodes.get(id));
    expect(inWorker.communities).toEqual(inPlace.communities);
    expect(inWorker.modularity).toBe(inPlace.modularity);
  });
});
