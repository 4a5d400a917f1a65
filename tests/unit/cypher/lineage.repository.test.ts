import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { LineageRepository } from '../../../src/repositories/lineage.repository.js';
import { fieldsOf, Recording } from './recording.js';

describe('LineageRepository: Cypher', () => {
  it('walks ancestors and descendants in one statement, nearest first, kinds as a parameter', async () => {
    const db = new Recording();
    await new LineageRepository(db.scope()).walk({
      modelId: 'gpt-4',
      directions: ['ANCESTORS', 'DESCENDANTS'],
      maxDepth: 5,
      kinds: ['FINE_TUNE'],
      selection: fieldsOf(EntityType.MODEL, 'name'),
      edges: 'none',
      page: { first: 30, after: null },
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('returns the edge that reached each model, with its citations and the start model when asked, as of a day, a page after a cursor', async () => {
    const db = new Recording();
    await new LineageRepository(db.scope()).walk({
      modelId: 'llama',
      directions: ['DESCENDANTS'],
      maxDepth: 2,
      kinds: null,
      selection: fieldsOf(EntityType.MODEL),
      edges: 'cited',
      withStart: true,
      asOf: '2023-12-31',
      page: { first: 10, after: { direction: 'DESCENDANTS', depth: 1, name: 'Alpaca', id: 'alpaca' } },
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('refuses a depth past its cap before writing it into Cypher', async () => {
    const db = new Recording();
    const walk = new LineageRepository(db.scope()).walk({
      modelId: 'gpt-4',
      directions: ['ANCESTORS'],
      maxDepth: 21,
      kinds: null,
      selection: {},
      edges: 'none',
      page: { first: 30, after: null },
    });
    await expect(walk).rejects.toThrow('maxDepth must be a whole number from 1 to 20, got 21.');
    expect(db.statements).toEqual([]);
  });
});
