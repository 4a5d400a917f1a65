/**
 * A directed graph with weighted edges in compressed rows: node i's out-edges go to
 * `targets[starts[i] .. starts[i + 1])` with those `weights`. Nodes are 0 … order - 1.
 */
export interface WeightedDigraph {
  order: number;
  starts: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
}

/**
 * Collects directed edges (`from[k]` → `to[k]`, k < count) into rows; an edge given twice has weight 2,
 * as the graphology graphs these measures were first computed on counted repeats.
 */
export function weightedDigraph(order: number, from: Uint32Array, to: Uint32Array, count: number): WeightedDigraph {
  const degree = new Uint32Array(order + 1);
  for (let k = 0; k < count; k++) degree[(from[k] as number) + 1] = (degree[(from[k] as number) + 1] as number) + 1;
  for (let i = 0; i < order; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
  // Bucket by source (counting sort), then fold repeated targets of one source into one weighted edge.
  const fill = degree.slice(0, order);
  const bucketed = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const source = from[k] as number;
    bucketed[fill[source] as number] = to[k] as number;
    fill[source] = (fill[source] as number) + 1;
  }
  const starts = new Uint32Array(order + 1);
  const targets = new Uint32Array(count);
  const weights = new Float64Array(count);
  // For each target, the source whose row last took it (-1: none yet) and where in that row.
  const owner = new Int32Array(order).fill(-1);
  const slot = new Uint32Array(order);
  let size = 0;
  for (let i = 0; i < order; i++) {
    starts[i] = size;
    for (let k = degree[i] as number; k < (degree[i + 1] as number); k++) {
      const target = bucketed[k] as number;
      if (owner[target] === i) {
        const at = slot[target] as number;
        weights[at] = (weights[at] as number) + 1;
      } else {
        owner[target] = i;
        slot[target] = size;
        targets[size] = target;
        weights[size] = 1;
        size += 1;
      }
    }
  }
  starts[order] = size;
  return { order, starts, targets: targets.slice(0, size), weights: weights.slice(0, size) };
}

/**
 * Weighted PageRank by power iteration, as graphology-metrics computes it (the same damping,
 * dangling-node mass spread evenly, at most 100 iterations, converged when the summed change is
 * under order × tolerance), over typed arrays: two million models do not fit as graphology graphs
 * beside everything else the measures hold. Throws when it does not converge, as graphology does.
 */
export function pagerank(
  graph: WeightedDigraph,
  options: { alpha?: number; maxIterations?: number; tolerance?: number } = {},
): Float64Array {
  const { order: n, starts, targets, weights } = graph;
  const alpha = options.alpha ?? 0.85;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  if (n === 0) return new Float64Array(0);
  const p = 1 / n;
  const share = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let out = 0;
    for (let j = starts[i] as number; j < (starts[i + 1] as number); j++) out += weights[j] as number;
    if (out === 0) dangling.push(i);
    for (let j = starts[i] as number; j < (starts[i + 1] as number); j++) share[j] = (weights[j] as number) / out;
  }
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i] as number;
    const base = alpha * dangleSum * p + (1 - alpha) * p;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const spread = alpha * (x[i] as number);
      for (let j = starts[i] as number; j < (starts[i + 1] as number); j++) {
        const t = targets[j] as number;
        next[t] = (next[t] as number) + spread * (share[j] as number);
      }
      next[i] = (next[i] as number) + base;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs((next[i] as number) - (x[i] as number));
    [x, next] = [next, x];
    if (error < n * tolerance) return x;
  }
  throw new Error('PageRank did not converge.');
}
