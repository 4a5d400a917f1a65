import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, measureSeed } from '../bench/generator.js';
import { existingFromDatabase, existingFromSeed } from '../src/import/existing.js';
import { ImportRepository } from '../src/repositories/import.repository.js';
import { toGraphRows } from '../src/seed/graph-rows.js';
import { testDatabase } from './helpers/database.js';

const db = testDatabase(60_000);
const repository = new ImportRepository(db);
const SYNTHETIC = '^(m|o|t|l|p|d)-\\d+$';
const removeSynthetic = () =>
  db.scope().write(async (tx) => {
    await tx.run('MATCH (n:Entity) WHERE n.id =~ $pattern DETACH DELETE n', { pattern: SYNTHETIC });
    await tx.run("MATCH (s:Source) WHERE s.id STARTS WITH 'syn-src-' DETACH DELETE s");
  });
afterAll(async () => {
  await removeSynthetic();
  await db.close();
});

describe('ImportRepository', () => {
  it('reads the entities an import resolves against: the same ids, names and aliases as the seed', async () => {
    const fromDb = await existingFromDatabase(db);
    const fromSeed = existingFromSeed(fileURLToPath(new URL('../seed/', import.meta.url)));
    const shape = (list: typeof fromDb) => list.map((e) => `${e.kind} ${e.id} ${e.name} ${[...e.aliases].sort().join('|')}`).sort();
    expect(shape(fromDb)).toEqual(shape(fromSeed));
    expect(fromDb.find((e) => e.id === 'gpt-4')?.values.releaseDate).toBe(fromSeed.find((e) => e.id === 'gpt-4')?.values.releaseDate);
  });

  it('bulk-creates a generated graph: every row becomes one node or relationship', async () => {
    const graph = generate({ models: 30, seed: 7, profile: measureSeed() });
    const rows = toGraphRows(graph.dataset);
    let lastProgress = 0;
    await repository.bulkCreate(rows, (done) => {
      lastProgress = done;
    });
    const [counts] = await db.scope().read(
      `MATCH (n:Entity) WHERE n.id =~ $pattern
       RETURN count(n) AS nodes,
              sum(COUNT { (n)-[r]->(:Entity) WHERE r.id IS NOT NULL }) AS relationships,
              sum(COUNT { (n)-[:CITES]->(:Source) }) AS cites,
              sum(CASE WHEN n.sortName = toLower(n.name) THEN 1 ELSE 0 END) AS sorted`,
      { pattern: SYNTHETIC },
    );
    const entities = Object.values(rows.entities).reduce((n, l) => n + l.length, 0);
    const relationships = Object.values(rows.relationships).reduce((n, l) => n + l.length, 0);
    expect(counts).toEqual({ nodes: entities, relationships, cites: rows.citations.length, sorted: entities });
    expect(lastProgress).toBe(rows.sources.length + entities + rows.citations.length + relationships);
  });
});
