import { describe, expect, it } from 'vitest';
import { generateHfTree, parentsOf } from '../../bench/hf/tree.js';

describe('the hub-shaped tree of the benchmarks', () => {
  it('gives every model its own repo id, as the hub does, though a fine-tune suffix is also "-v2"', () => {
    const tree = generateHfTree(20_000, 42);
    expect(new Set(tree.repoIds).size).toBe(tree.size);
    expect(tree.repoIds.some((id) => id.endsWith('-v2-v3') || id.endsWith('-v2-v2'))).toBe(true);
  });

  it('derives every model from earlier ones only', () => {
    const tree = generateHfTree(5_000, 7);
    for (let i = 0; i < tree.size; i += 1) for (const p of parentsOf(tree, i)) expect(p).toBeLessThan(i);
  });
});
