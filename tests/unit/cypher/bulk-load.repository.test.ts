import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { RelationType } from '../../../src/domain/registry.js';
import { BulkLoadRepository } from '../../../src/repositories/bulk-load.repository.js';
import { Recording } from './recording.js';

describe('BulkLoadRepository: Cypher', () => {
  it('calls a store holding only the data version empty', async () => {
    const db = new Recording([['RETURN all, versions', [{ all: 1, versions: 1 }]]]);
    expect(await new BulkLoadRepository(db).isEmptyStore()).toBe(true);
    expect(db.sent).toMatchSnapshot();
  });

  it('fills missing aliases in id-ordered batches, and stops at an empty batch', async () => {
    const db = new Recording([['RETURN size(batch) AS size', [{ size: 0, last: null, fixed: 0 }]]]);
    expect(await new BulkLoadRepository(db).setMissingAliases(EntityType.MODEL)).toBe(0);
    expect(db.sent).toMatchSnapshot();
  });

  it('sets what the CSV files cannot state on nodes and relationships, then moves the data version on', async () => {
    const db = new Recording();
    const bulk = new BulkLoadRepository(db);
    await bulk.applyNodeFixups([{ id: 'gpt-4', props: { aliases: [] } }]);
    await bulk.applyRelationshipFixups([{ from: 'gpt-4', to: 'openai', type: RelationType.DEVELOPED_BY, props: { citationSources: [] } }]);
    await bulk.advanceVersion();
    expect(db.sent).toMatchSnapshot();
  });
});
