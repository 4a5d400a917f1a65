import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { SeedRepository } from '../../../src/repositories/seed.repository.js';
import { Recording, tinyGraphRows, tinyGraphRowsWithResult } from './recording.js';

describe('SeedRepository: Cypher', () => {
  it('asks whether the graph is empty, and whether a load ran to its end', async () => {
    const db = new Recording([
      ['COUNT { (:Entity) }', [{ n: 0 }]],
      ["{id: 'seed'}", [{ n: 1 }]],
    ]);
    const seeds = new SeedRepository(db);
    expect(await seeds.isEmpty()).toBe(true);
    expect(await seeds.isSeeded()).toBe(true);
    expect(db.sent).toMatchSnapshot();
  });

  it('marks a load complete, and empties the graph in batches, the data version kept', async () => {
    const db = new Recording([['DETACH DELETE n RETURN count(*) AS n', [{ n: 0 }]]]);
    const seeds = new SeedRepository(db);
    await seeds.markSeeded('sha256:abc', ['epoch']);
    await seeds.reset();
    expect(db.sent).toMatchSnapshot();
  });

  it('merges rows kind by kind, appends citations after those held, then recomputes claimed values', async () => {
    const db = new Recording([['max(c.ordinal) + 1 AS next', [{ id: 'gpt-4', next: 3 }]]]);
    const batches: Array<[number, number]> = [];
    await new SeedRepository(db).write(tinyGraphRows(), (done, total) => void batches.push([done, total]));
    expect(batches).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(db.sent).toMatchSnapshot();
  });

  it('merges a benchmark result on its pair and key (several results per pair), its properties set from the row', async () => {
    const db = new Recording();
    await new SeedRepository(db).write(tinyGraphRowsWithResult());
    const scored = db.statements.find((s) => s.cypher.includes(':SCORED_ON'));
    expect(scored?.cypher).toContain('MERGE (a)-[r:SCORED_ON {key: row.key}]->(b)');
    expect(scored?.cypher).toContain('SET r += row.props');
    expect(db.statements.find((s) => s.cypher.includes(':DEVELOPED_BY'))?.cypher).not.toContain('row.key');
    expect(scored?.cypher).toMatchSnapshot();
  });

  it('writes node values per kind, each kind through its own label', async () => {
    const db = new Recording();
    await new SeedRepository(db).writeClaimedValues([
      { id: 'llama-2-7b', type: EntityType.MODEL, props: { parameters: null } },
      { id: 'meta', type: EntityType.ORGANIZATION, props: { founded: '2004' } },
      { id: 'llama-2-13b', type: EntityType.MODEL, props: { parameters: 13e9 } },
    ]);
    expect(db.statements).toHaveLength(2);
    expect(db.sent).toMatchSnapshot();
  });

  it('reads the graph back in the seed format, in a stable order', async () => {
    const db = new Recording();
    await new SeedRepository(db).read();
    expect(db.sent).toMatchSnapshot();
  });
});
