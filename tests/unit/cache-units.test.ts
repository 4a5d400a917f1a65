import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/graphql/execution/response-cache.js';
import { changedData, DataVersion } from '../../src/db/data-version.js';

const answer = (text: string) => ({ body: Buffer.from(text), headers: {} });

describe('ResponseCache', () => {
  it('holds answers for one data version and forgets them when a newer one is seen', () => {
    const cache = new ResponseCache(1024 * 1024);
    cache.set('a', 1, answer('one'));
    expect(cache.get('a', 1)?.body.toString()).toBe('one');
    expect(cache.get('a', 2)).toBeUndefined();
    // Computed under version 1 but stored after version 2 was seen: it may predate the write.
    cache.set('a', 1, answer('stale'));
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('stays within its size, dropping the least recently used', () => {
    const cache = new ResponseCache(10_000);
    for (let i = 0; i < 100; i += 1) cache.set(`k${i}`, 1, answer('x'.repeat(1_000)));
    expect(cache.size).toBeLessThanOrEqual(8);
    expect(cache.get('k99', 1)).toBeDefined();
    expect(cache.get('k0', 1)).toBeUndefined();
  });

  it('keeps nothing with size 0', () => {
    const cache = new ResponseCache(0);
    cache.set('a', 1, answer('one'));
    expect(cache.enabled).toBe(false);
    expect(cache.get('a', 1)).toBeUndefined();
  });
});

describe('DataVersion', () => {
  it('asks at most once per interval, shares one question, and takes its own writes at once', async () => {
    let asked = 0;
    let stored = 5;
    const version = new DataVersion(50, async () => {
      asked += 1;
      return stored;
    });
    expect(version.fresh()).toBeUndefined();
    expect(await Promise.all([version.current(), version.current()])).toEqual([5, 5]);
    expect(asked).toBe(1);
    stored = 6;
    expect(await version.current()).toBe(5);
    version.advanceTo(7);
    expect(version.fresh()).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(version.fresh()).toBeUndefined();
    // A lagging answer never moves it back.
    expect(await version.current()).toBe(7);
    expect(asked).toBe(2);
  });

  it('counts only changes to data as writes', () => {
    expect(changedData({ nodesCreated: 0, propertiesSet: 0, indexesAdded: 1 })).toBe(false);
    expect(changedData({ propertiesSet: 2 })).toBe(true);
    expect(changedData({ relationshipsDeleted: 1 })).toBe(true);
  });
});
