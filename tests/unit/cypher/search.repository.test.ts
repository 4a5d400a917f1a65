import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { SearchRepository } from '../../../src/repositories/search.repository.js';
import { fieldsOf, Recording } from './recording.js';

describe('SearchRepository: Cypher', () => {
  it('queries the full-text index with the text escaped for Lucene, exact and prefix names first', async () => {
    const db = new Recording();
    await new SearchRepository(db.scope()).search(' GPT-4 (turbo) ', [EntityType.MODEL, EntityType.TECHNIQUE], 8, {
      ...fieldsOf(EntityType.MODEL, 'name'),
      ...fieldsOf(EntityType.TECHNIQUE, 'name'),
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('searches a repository id as one phrase first, its words only when the phrase finds nothing', async () => {
    const db = new Recording();
    await new SearchRepository(db.scope()).search('01-ai/Yi-6B', [EntityType.MODEL], 10, fieldsOf(EntityType.MODEL, 'name'));
    expect(db.sent).toMatchSnapshot();
  });
});
