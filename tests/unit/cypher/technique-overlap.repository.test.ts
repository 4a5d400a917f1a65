import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { TechniqueOverlapRepository } from '../../../src/repositories/technique-overlap.repository.js';
import { fieldsOf, Recording } from './recording.js';

describe('TechniqueOverlapRepository: Cypher', () => {
  it('finds the techniques every model given uses', async () => {
    const db = new Recording();
    await new TechniqueOverlapRepository(db.scope()).shared(['gpt-3', 'llama'], fieldsOf(EntityType.TECHNIQUE, 'name', 'category'));
    expect(db.sent).toMatchSnapshot();
  });

  it('ranks models by the Jaccard similarity of their techniques', async () => {
    const db = new Recording();
    await new TechniqueOverlapRepository(db.scope()).similar(
      'llama',
      5,
      fieldsOf(EntityType.MODEL, 'name'),
      fieldsOf(EntityType.TECHNIQUE, 'name'),
    );
    expect(db.sent).toMatchSnapshot();
  });
});
