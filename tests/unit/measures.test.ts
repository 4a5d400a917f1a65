import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/analytics/measures.js';
import { lineageShape } from '../../src/analytics/lineage-shape.js';
import type { MeasureEdge, MeasureNode } from '../../src/domain/measures.js';

const options = { lineageType: 'DERIVED_FROM', symmetricTypes: new Set(['COMPETES_WITH']) };
const node = (id: string, type = 'MODEL'): MeasureNode => ({ id, type, name: id.toUpperCase() });
const derived = (from: string, to: string, kind = 'FINE_TUNE'): MeasureEdge => ({ from, to, type: 'DERIVED_FROM', kind });

describe('lineage shape', () => {
  it('measures depth as the longest chain, descendants without double counting, fan-out by kind', () => {
    // base ← a ← c, base ← b ← c (c merges a and b), base ← d (quantized)
    const edges = [
      derived('a', 'base'),
      derived('b', 'base'),
      derived('c', 'a', 'MERGE'),
      derived('c', 'b', 'MERGE'),
      derived('d', 'base', 'QUANTIZED'),
    ];
    const shape = lineageShape(edges, () => true);
    expect(Object.fromEntries(shape.depth)).toEqual({ base: 0, a: 1, b: 1, c: 2, d: 1 });
    expect(shape.descendants.get('base')).toBe(4);
    expect(shape.descendants.get('a')).toBe(1);
    expect(shape.descendants.get('c')).toBe(0);
    expect(shape.fanOut.get('base')).toEqual({ FINE_TUNE: 2, QUANTIZED: 1 });
    expect(shape.fanOut.get('a')).toEqual({ MERGE: 1 });
    expect(shape.height.get('base')).toBe(2);
    expect(shape.height.get('c')).toBe(0);
  });

  it('ends the walk on a cycle instead of looping, and handles chains deeper than the call stack', { timeout: 60_000 }, () => {
    const cycle = lineageShape([derived('x', 'y'), derived('y', 'x')], () => true);
    expect(cycle.depth.size).toBe(2);
    const chain = Array.from({ length: 20_000 }, (_, i) => derived(`m${i + 1}`, `m${i}`));
    expect(lineageShape(chain, () => true).depth.get('m20000')).toBe(20_000);
  });
});

describe('graph measures', () => {
  // Two clusters joined by one bridge: t1-t2 cluster of models using a technique, and a lineage tree.
  const nodes = ['base', 'ft1', 'ft2', 'ft3', 'tech', 'u1', 'u2', 'u3'].map((id) => node(id, id === 'tech' ? 'TECHNIQUE' : 'MODEL'));
  const edges: MeasureEdge[] = [
    derived('ft1', 'base'),
    derived('ft2', 'base'),
    derived('ft3', 'ft1'),
    { from: 'u1', to: 'tech', type: 'USES' },
    { from: 'u2', to: 'tech', type: 'USES' },
    { from: 'u3', to: 'tech', type: 'USES' },
    { from: 'u1', to: 'u2', type: 'COMPETES_WITH' },
    { from: 'base', to: 'tech', type: 'USES' },
  ];

  it('ranks the depended-on nodes highest and finds the two communities', () => {
    const m = computeMeasures(nodes, edges, options);
    const rank = (id: string) => m.nodes.get(id)?.pageRank ?? 0;
    expect(rank('tech')).toBeGreaterThan(rank('u1'));
    expect(rank('base')).toBeGreaterThan(rank('ft3'));
    expect(m.nodes.get('base')?.lineagePageRank).toBeGreaterThan(m.nodes.get('ft2')?.lineagePageRank ?? 1);
    expect(m.nodes.get('u1')?.lineagePageRank).toBeNull();
    // base is the only bridge between the two halves.
    const top = [...m.nodes.entries()].sort((a, b) => b[1].betweenness - a[1].betweenness)[0]?.[0];
    expect(['base', 'tech']).toContain(top);
    expect(m.betweennessExact).toBe(true);
    expect(m.nodes.get('ft1')?.community).toBe(m.nodes.get('ft3')?.community);
    expect(m.nodes.get('u1')?.community).toBe(m.nodes.get('u2')?.community);
    expect(m.nodes.get('u1')?.community).not.toBe(m.nodes.get('ft3')?.community);
    expect(m.communities.reduce((sum, c) => sum + c.size, 0)).toBe(nodes.length);
    for (const c of m.communities) expect(c.label.length).toBeGreaterThan(0);
  });

  it('gives the same answer twice (seeded), and estimates betweenness from samples past the exact bound', () => {
    const a = computeMeasures(nodes, edges, options);
    const b = computeMeasures(nodes, edges, options);
    expect([...b.nodes.entries()]).toEqual([...a.nodes.entries()]);
    const sampled = computeMeasures(nodes, edges, { ...options, maxExactBetweenness: 4, betweennessSamples: 8 });
    expect(sampled.betweennessExact).toBe(false);
    expect(sampled.nodes.get('base')?.betweenness).toBeCloseTo(a.nodes.get('base')?.betweenness ?? 0, 6);
  });

  it('copes with a graph without edges', () => {
    const m = computeMeasures([node('lonely')], [], options);
    expect(m.nodes.get('lonely')).toMatchObject({ pageRank: 1, betweenness: 0, lineageDepth: null, descendants: null });
  });
});
