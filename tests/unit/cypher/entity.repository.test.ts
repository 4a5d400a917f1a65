import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { EntityRepository } from '../../../src/repositories/entity.repository.js';
import { fieldsOf, Recording } from './recording.js';

const page = { filter: {}, order: [{ field: 'NAME' as const, direction: 'ASC' as const }], first: 10, withTotal: false };

describe('EntityRepository: Cypher', () => {
  it('looks an entity up by id among the kinds asked for', async () => {
    const db = new Recording();
    await new EntityRepository(db.scope()).byId('gpt-4', [EntityType.MODEL], fieldsOf(EntityType.MODEL, 'name', 'releaseDate'));
    expect(db.sent).toMatchSnapshot();
  });

  it('looks several up in the order given', async () => {
    const db = new Recording();
    await new EntityRepository(db.scope()).byIds(['gpt-4', 'openai'], [EntityType.MODEL, EntityType.ORGANIZATION], {
      ...fieldsOf(EntityType.MODEL, 'name'),
      ...fieldsOf(EntityType.ORGANIZATION, 'country'),
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('reads a first page by name from the sort-name index, one row at a time', async () => {
    const db = new Recording();
    await new EntityRepository(db.scope()).list(EntityType.MODEL, { ...page, selection: fieldsOf(EntityType.MODEL, 'name') });
    expect(db.sent).toMatchSnapshot();
  });

  it('reads a first page by parameters from the (parameters, id) index, and models without a value only when it falls short', async () => {
    const db = new Recording();
    await new EntityRepository(db.scope()).list(EntityType.MODEL, {
      ...page,
      order: [{ field: 'PARAMETERS', direction: 'DESC' }],
      selection: fieldsOf(EntityType.MODEL, 'parameters'),
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('pages after a cursor with every filter as a parameter, and counts in the same statement', async () => {
    const db = new Recording([['AS total', [{ rows: [], total: 0 }]]]);
    await new EntityRepository(db.scope()).list(EntityType.MODEL, {
      filter: {
        nameContains: 'llama',
        organization: 'meta',
        technique: 'rope',
        openWeights: true,
        releasedAfter: '2023',
        releasedBefore: '2024-06',
        minParameters: 1e9,
        maxParameters: 1e11,
      },
      order: [
        { field: 'RELEASE_DATE', direction: 'DESC' },
        { field: 'PARAMETERS', direction: 'ASC' },
      ],
      first: 20,
      after: [0, '2023-07', 0, 7e9, 'llama-2-7b'],
      selection: fieldsOf(EntityType.MODEL),
      withTotal: true,
    });
    expect(db.sent).toMatchSnapshot();
  });
});
