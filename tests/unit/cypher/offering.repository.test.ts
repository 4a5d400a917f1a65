import { describe, expect, it } from 'vitest';
import { EntityType, OfferingStatus } from '../../../src/domain/registry.js';
import { OfferingRepository } from '../../../src/repositories/offering.repository.js';
import { fieldsOf, Recording } from './recording.js';

describe('OfferingRepository: Cypher', () => {
  it("pages a model's offerings cheapest first, withdrawn ones left out, one more row than asked telling a next page", async () => {
    const rows = [1, 2, 3].map((i) => ({ node: { id: `o${i}`, __type: EntityType.OFFERING }, key: [i, `o${i}`] }));
    const db = new Recording([['RETURN rows, total', [{ rows, total: 3 }]]]);
    const page = await new OfferingRepository(db.scope()).list({
      filter: { model: 'gpt-4o' },
      order: { field: 'INPUT_PRICE', direction: 'ASC' },
      first: 2,
      selection: fieldsOf(EntityType.OFFERING, 'name', 'inputPrice'),
      withTotal: true,
    });
    expect(page).toEqual({ rows: rows.slice(0, 2), hasNextPage: true, total: 3 });
    expect(db.sent).toMatchSnapshot();
  });

  it("pages a provider's offerings of one status by name, descending, after a cursor, without a total", async () => {
    const db = new Recording();
    await new OfferingRepository(db.scope()).list({
      filter: { provider: 'openrouter', status: OfferingStatus.WITHDRAWN },
      order: { field: 'NAME', direction: 'DESC' },
      first: 5,
      after: ['gpt-4o (openrouter)', 'openrouter-gpt-4o'],
      selection: fieldsOf(EntityType.OFFERING, 'name'),
      withTotal: false,
    });
    expect(db.sent).toMatchSnapshot();
  });
});
