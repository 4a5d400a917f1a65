import { describe, expect, it } from 'vitest';
import { EntityType, RelationType } from '../../../src/domain/registry.js';
import { CatalogueRepository } from '../../../src/repositories/catalogue.repository.js';
import { Recording } from './recording.js';

const citation = (sourceId: string) => ({
  sourceId,
  snapshot: '2026-07-02',
  rowKey: 'openai/gpt-4o',
  attribute: 'contextWindow',
  value: '128000',
  note: null,
});

describe('CatalogueRepository: Cypher', () => {
  it("reads what the graph holds from one catalogue's snapshots, other catalogues' citations left out", async () => {
    const db = new Recording([
      [
        'AS links',
        [
          {
            id: 'gpt-4o',
            label: 'Model',
            citations: [citation('catalogue-models-dev-0123456789ab'), citation('catalogue-models-dev-extra-0123456789ab')],
            links: [],
          },
          { id: 'other', label: 'Model', citations: [citation('catalogue-models-dev-extra-0123456789ab')], links: [] },
        ],
      ],
    ]);
    const held = await new CatalogueRepository(db).holdings('models-dev', 'withdrawn', [RelationType.DEVELOPED_BY]);
    expect(held).toEqual([{ id: 'gpt-4o', kind: EntityType.MODEL, citations: [citation('catalogue-models-dev-0123456789ab')], links: [] }]);
    expect(db.sent).toMatchSnapshot();
  });

  it('supersedes older snapshots’ values the newest does not give, then recomputes the values of the entities touched', async () => {
    const db = new Recording([
      ['RETURN count(s) AS n', [{ n: 2 }]],
      ['RETURN collect(DISTINCT n.id) AS ids', [{ ids: ['gpt-4o'] }]],
    ]);
    expect(await new CatalogueRepository(db).supersedeOlder('models-dev')).toBe(1);
    expect(db.sent).toMatchSnapshot();
  });

  it('leaves a catalogue of one snapshot alone without walking its claims', async () => {
    const db = new Recording([['RETURN count(s) AS n', [{ n: 1 }]]]);
    expect(await new CatalogueRepository(db).supersedeOlder('hf-model-tree')).toBe(0);
    expect(db.statements).toHaveLength(1);
  });
});
