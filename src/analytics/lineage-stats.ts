import type { LineageDistribution, Measures, ValueCount } from '../domain/measures.js';

const FAMILIES = 20;

export function lineageDistribution(measures: Measures): LineageDistribution {
  const depth = new Map<number, number>();
  const fanOut = new Map<string, Map<number, number>>();
  const families: LineageDistribution['families'] = [];
  for (const [id, m] of measures.nodes) {
    if (m.lineageDepth === null) continue;
    increment(depth, m.lineageDepth);
    for (const [kind, children] of Object.entries(m.fanOut)) {
      const byCount = fanOut.get(kind) ?? new Map<number, number>();
      increment(byCount, children);
      fanOut.set(kind, byCount);
    }
    if (m.lineageDepth === 0) families.push({ rootId: id, descendants: m.descendants ?? 0, generations: m.lineageHeight ?? 0 });
  }
  return {
    depth: sorted(depth),
    fanOut: [...fanOut.entries()]
      .map(([kind, counts]) => {
        const distribution = sorted(counts);
        return {
          kind,
          distribution,
          parents: distribution.reduce((sum, d) => sum + d.count, 0),
          children: distribution.reduce((sum, d) => sum + d.value * d.count, 0),
          max: distribution.at(-1)?.value ?? 0,
        };
      })
      .sort((a, b) => b.children - a.children || a.kind.localeCompare(b.kind)),
    families: families.sort((a, b) => b.descendants - a.descendants || a.rootId.localeCompare(b.rootId)).slice(0, FAMILIES),
  };
}

function increment(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sorted(map: Map<number, number>): ValueCount[] {
  return [...map.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}
