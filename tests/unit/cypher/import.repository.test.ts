import { describe, expect, it } from 'vitest';
import { ImportRepository } from '../../../src/repositories/import.repository.js';
import { Recording, tinyGraphRows } from './recording.js';

describe('ImportRepository: Cypher', () => {
  it('reads every entity an import resolves against in one statement', async () => {
    const db = new Recording([
      [
        '[l IN labels(n) WHERE l IN $labels][0] AS label',
        [{ id: 'gpt-4', label: 'Model', name: 'GPT-4', aliases: [], releaseDate: '2023-03', parameters: null, openWeights: null }],
      ],
    ]);
    expect(await new ImportRepository(db).existingEntities(['Model', 'Organization'])).toEqual([
      { id: 'gpt-4', label: 'Model', name: 'GPT-4', aliases: [], releaseDate: '2023-03', parameters: null, openWeights: null },
    ]);
    expect(db.sent).toMatchSnapshot();
  });

  it('reads the lineage kinds of the pairs a catalogue links', async () => {
    const db = new Recording([[':DERIVED_FROM]->', [{ from: 'alpaca', to: 'llama', kind: 'FINE_TUNE' }]]]);
    const kinds = await new ImportRepository(db).lineageKinds([{ from: 'alpaca', to: 'llama' }]);
    expect([...kinds]).toEqual([['alpaca:DERIVED_FROM:llama', 'FINE_TUNE']]);
    expect(db.sent).toMatchSnapshot();
  });

  it("writes an import through the seed repository, then the catalogue's details on its source", async () => {
    const db = new Recording();
    await new ImportRepository(db).apply(tinyGraphRows(), {
      id: 'catalogue-epoch',
      license: 'CC BY 4.0',
      version: 'sha256:1',
      retrieved: '2026-11-29',
    });
    expect(db.statements.at(-1)).toMatchSnapshot();
  });

  it('bulk-creates a graph into an empty store phase by phase', async () => {
    const db = new Recording();
    const phases = await new ImportRepository(db).bulkCreate(tinyGraphRows());
    expect(phases.map((p) => [p.phase, p.rows])).toEqual([
      ['sources', 1],
      ['Model', 1],
      ['Organization', 1],
      ['CITES', 1],
      ['DEVELOPED_BY', 1],
    ]);
    expect(db.sent).toMatchSnapshot();
  });
});
