import { describe, expect, it } from 'vitest';
import { RelationType } from '../../../src/domain/graph-model.js';
import { ImportRepository } from '../../../src/repositories/import.repository.js';
import { Recording, tinyGraphRows, tinyGraphRowsWithResult } from './recording.js';

describe('ImportRepository: Cypher', () => {
  it('reads every entity an import resolves against in one statement, with its owners and citing catalogues', async () => {
    const row = {
      id: 'gpt-4',
      label: 'Model',
      name: 'GPT-4',
      aliases: [],
      props: { releaseDate: '2023-03' },
      developers: ['openai'],
      sources: ['catalogue-epoch-csv-0123456789ab'],
      keys: ['catalogue-models-dev-0123456789ab|openai/gpt-4'],
      uncited: false,
    };
    const db = new Recording([['[l IN labels(n) WHERE l IN $labels][0] AS label', [row]]]);
    const owners = [RelationType.DEVELOPED_BY, RelationType.PART_OF];
    expect(await new ImportRepository(db).existingEntities(['Model', 'Organization'], owners)).toEqual([row]);
    expect(db.sent).toMatchSnapshot();
  });

  it("adds the names an import matched to entities' aliases, keeping the search text in step", async () => {
    const db = new Recording();
    await new ImportRepository(db).addAliases([{ id: 'gpt-4', aliases: ['GPT 4'] }]);
    expect(db.sent).toMatchSnapshot();
  });

  it('reads the lineage kinds of the pairs a catalogue links', async () => {
    const db = new Recording([[':DERIVED_FROM]->', [{ from: 'alpaca', to: 'llama', kind: 'FINE_TUNE' }]]]);
    const kinds = await new ImportRepository(db).lineageKinds([{ from: 'alpaca', to: 'llama' }]);
    expect([...kinds]).toEqual([['alpaca:DERIVED_FROM:llama', 'FINE_TUNE']]);
    expect(db.sent).toMatchSnapshot();
  });

  it('writes an import: the names it adds to matched entities first, then the rows through the seed repository', async () => {
    const db = new Recording();
    await new ImportRepository(db).apply(tinyGraphRows(), [{ id: 'gpt-4', aliases: ['GPT 4'] }]);
    expect(db.statements[0]!.cypher).toContain('SET n.aliases = coalesce(n.aliases, []) + fresh');
    expect(db.statements.length).toBeGreaterThan(1);
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

  it('bulk-creates benchmark results with their keys and properties', async () => {
    const db = new Recording();
    const phases = await new ImportRepository(db).bulkCreate(tinyGraphRowsWithResult());
    expect(phases.map((p) => p.phase)).toContain('SCORED_ON');
    const scored = db.statements.find((s) => s.cypher.includes(':SCORED_ON'));
    expect(scored?.cypher).toContain('SET r.key = row.key, r += row.props');
    expect(scored).toMatchSnapshot();
  });
});
