export interface LineageEdge {
  from: string;
  to: string;
  kind?: string | null;
}

export interface LineageShape {
  /** Generations above a model: 0 for a root, 1 for a model derived from a root, … (longest chain). */
  depth: Map<string, number>;
  /** Distinct models derived from a model, directly or not. */
  descendants: Map<string, number>;
  /** Generations below a model (longest chain down to a leaf): how deep its family grows. */
  height: Map<string, number>;
  /** Direct children by lineage kind. */
  fanOut: Map<string, Record<string, number>>;
}

/**
 * Depth, descendants and fan-out of the lineage forest (child DERIVED_FROM parent). Lineage is
 * kept acyclic by the write rules; a cycle that slipped in anyway ends the walk instead of looping.
 */
export function lineageShape(edges: LineageEdge[], exists: (id: string) => boolean): LineageShape {
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const fanOut = new Map<string, Record<string, number>>();
  for (const { from, to, kind } of edges) {
    if (from === to || !exists(from) || !exists(to)) continue;
    push(parents, from, to);
    push(children, to, from);
    const counts = fanOut.get(to) ?? {};
    const key = kind ?? 'UNSPECIFIED';
    counts[key] = (counts[key] ?? 0) + 1;
    fanOut.set(to, counts);
  }
  const nodes = new Set([...parents.keys(), ...children.keys()]);
  return {
    depth: longestChains(nodes, parents),
    height: longestChains(nodes, children),
    descendants: descendantCounts(nodes, children, parents),
    fanOut,
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Longest chain along `next` (parents: depth; children: height), iteratively: chains can be deeper than the call stack. */
function longestChains(nodes: Set<string>, parents: Map<string, string[]>): Map<string, number> {
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  for (const start of nodes) {
    if (depth.has(start)) continue;
    const stack: string[] = [start];
    while (stack.length > 0) {
      const id = stack[stack.length - 1] as string;
      onPath.add(id);
      const pending = (parents.get(id) ?? []).filter((p) => !depth.has(p) && !onPath.has(p));
      if (pending.length > 0) {
        for (const p of pending) stack.push(p);
        continue;
      }
      stack.pop();
      onPath.delete(id);
      if (depth.has(id)) continue;
      const above = (parents.get(id) ?? []).map((p) => depth.get(p) ?? 0);
      depth.set(id, above.length === 0 ? 0 : Math.max(...above) + 1);
    }
  }
  return depth;
}

/**
 * Distinct descendants. Where everything below a model has a single parent (most of a lineage
 * forest) the count is the children's counts summed, in one post-order pass; only below merges,
 * where a model would be counted twice, is the subtree walked to count it exactly.
 */
function descendantCounts(nodes: Set<string>, children: Map<string, string[]>, parents: Map<string, string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  const tree = new Set<string>();
  const onPath = new Set<string>();
  for (const start of nodes) {
    if (counts.has(start)) continue;
    const stack: string[] = [start];
    while (stack.length > 0) {
      const id = stack[stack.length - 1] as string;
      onPath.add(id);
      const pending = (children.get(id) ?? []).filter((c) => !counts.has(c) && !onPath.has(c));
      if (pending.length > 0) {
        for (const p of pending) stack.push(p);
        continue;
      }
      stack.pop();
      onPath.delete(id);
      if (counts.has(id)) continue;
      const below = children.get(id) ?? [];
      if (below.every((c) => tree.has(c) && (parents.get(c)?.length ?? 0) === 1)) {
        counts.set(
          id,
          below.reduce((sum, c) => sum + (counts.get(c) ?? 0) + 1, 0),
        );
        tree.add(id);
      } else counts.set(id, walk(id, children));
    }
  }
  return counts;
}

function walk(id: string, children: Map<string, string[]>): number {
  const seen = new Set<string>([id]);
  const queue = [...(children.get(id) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const child = queue[i] as string;
    if (seen.has(child)) continue;
    seen.add(child);
    for (const grandchild of children.get(child) ?? []) if (!seen.has(grandchild)) queue.push(grandchild);
  }
  return seen.size - 1;
}
