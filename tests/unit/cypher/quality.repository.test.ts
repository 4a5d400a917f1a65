import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { QualityRepository } from '../../../src/repositories/quality.repository.js';
import { Recording } from './recording.js';

const issue = {
  entityId: 'llama-2-7b',
  entityName: 'Llama 2-7B',
  labels: ['Entity', 'Model'],
  attribute: 'parameters',
  value: '70000000000',
  rule: 'SIZE_IN_NAME',
  reason: 'the name says 7B',
  shown: 7_000_000_000,
  ordinal: 2,
  source: { id: 'src-epoch-ai', title: 'Epoch AI', url: null, file: null },
};

describe('QualityRepository: Cypher', () => {
  it('reads the claims the rules judge and the lineage they compare dates along', async () => {
    const db = new Recording();
    const quality = new QualityRepository(db.scope());
    await quality.entities();
    await quality.lineage();
    expect(db.sent).toMatchSnapshot();
  });

  it('writes flags by claim ordinal in batches', async () => {
    const db = new Recording();
    await new QualityRepository(db.scope()).writeFlags([
      { entityId: 'llama-2-7b', ordinal: 2, rules: ['SIZE_IN_NAME'], reasons: ['the name says 7B'] },
    ]);
    expect(db.sent).toMatchSnapshot();
  });

  it('pages flagged values after a keyset, one more row than asked tells a next page, and counts by rule', async () => {
    const db = new Recording([
      ['ORDER BY entityId, ordinal, rule', [issue, { ...issue, rule: 'VERSION_ORDER' }]],
      ['RETURN rule, count(*)', [{ rule: 'SIZE_IN_NAME', count: 1 }]],
    ]);
    const quality = new QualityRepository(db.scope());
    const page = await quality.list({ type: EntityType.MODEL, attribute: 'parameters' }, 1, ['gpt-4', 0, 'HEDGED_WORDS']);
    expect(page.hasNextPage).toBe(true);
    expect(page.rows).toEqual([
      expect.objectContaining({ entityType: EntityType.MODEL, shownInstead: '7000000000', key: ['llama-2-7b', 2, 'SIZE_IN_NAME'] }),
    ]);
    expect(await quality.countByRule({ rule: 'SIZE_IN_NAME' })).toEqual([{ rule: 'SIZE_IN_NAME', count: 1 }]);
    expect(db.sent).toMatchSnapshot();
  });
});
