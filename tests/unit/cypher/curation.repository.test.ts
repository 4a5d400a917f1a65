import { describe, expect, it } from 'vitest';
import { EntityType, RelationType } from '../../../src/domain/graph-model.js';
import { CurationRepository } from '../../../src/repositories/curation.repository.js';
import { Recording } from './recording.js';

const DOCUMENT = 'OpenAI 于 2023 年 3 月发布了 GPT-4。';
const documents = (file: string | null) => (file === 'one.txt' ? DOCUMENT : null);
const citation = { sourceId: 'src-001', quote: 'OpenAI 于 2023 年 3 月发布了 GPT-4' };

describe('CurationRepository: Cypher', () => {
  it('creates an entity with its citation and a claim, and records the change, in one transaction', async () => {
    const db = new Recording([
      ['RETURN s.file AS file', [{ file: 'one.txt' }]],
      ['AS held', [{ held: [] }]],
    ]);
    await new CurationRepository(db.scope(), documents).upsertEntity(
      EntityType.MODEL,
      {
        id: 'gpt-4',
        name: 'GPT-4',
        aliases: ['gpt4'],
        description: 'A model.',
        props: { releaseDate: '2023-03', parameters: null },
        claims: [{ attribute: 'releaseDate', value: '2023-03' }],
        citation,
      },
      'editor',
    );
    expect(db.sent).toMatchSnapshot();
  });

  it('refuses a quote the cited document does not contain, before writing', async () => {
    const db = new Recording([['RETURN s.file AS file', [{ file: 'one.txt' }]]]);
    const write = new CurationRepository(db.scope(), documents).upsertEntity(
      EntityType.ORGANIZATION,
      { id: 'openai', name: 'OpenAI', props: { country: 'US' }, claims: [], citation: { sourceId: 'src-001', quote: 'not in it' } },
      'editor',
    );
    await expect(write).rejects.toThrow('input.citation.quote does not appear verbatim in src-001.');
    expect(db.statements.every((s) => !s.cypher.includes('MERGE'))).toBe(true);
  });

  it('links two entities after checking their kinds and for a cycle, citing a URL', async () => {
    const db = new Recording([
      ['AS fromType', [{ fromType: 'MODEL', toType: 'MODEL' }]],
      ['AS flag', [{ flag: false }]],
      [
        'AS edge',
        [
          {
            edge: {
              id: 'alpaca:DERIVED_FROM:llama',
              source: 'alpaca',
              target: 'llama',
              type: 'DERIVED_FROM',
              kind: 'FINE_TUNE',
              citations: [],
            },
          },
        ],
      ],
    ]);
    await new CurationRepository(db.scope(), documents).link(
      {
        fromId: 'alpaca',
        toId: 'llama',
        type: RelationType.DERIVED_FROM,
        kind: 'FINE_TUNE',
        citation: { url: 'https://crfm.stanford.edu/2023/03/13/alpaca.html', quote: 'fine-tuned from the LLaMA 7B model' },
      },
      [[EntityType.MODEL], [EntityType.MODEL]],
      'editor',
    );
    expect(db.sent).toMatchSnapshot();
  });

  it('unlinks, deletes and reads the history', async () => {
    const db = new Recording([
      ['DELETE r RETURN count(*) AS n', [{ n: 1 }]],
      ['DETACH DELETE n RETURN relationships, snapshot', [{ relationships: 2, snapshot: { id: 'gpt-4' } }]],
    ]);
    const curation = new CurationRepository(db.scope(), documents);
    await curation.unlink({ fromId: 'gpt-4', type: RelationType.USES, toId: 'rlhf' }, 'admin');
    await curation.deleteEntity('gpt-4', 'admin');
    await curation.history('gpt-4', 20);
    expect(db.sent).toMatchSnapshot();
  });
});
