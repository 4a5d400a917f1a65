import { describe, expect, it } from 'vitest';
import { ConflictsRepository } from '../../../src/repositories/conflicts.repository.js';
import { Recording } from './recording.js';

describe('ConflictsRepository: Cypher', () => {
  it('lists attributes whose claims disagree, and benchmark results that do, each capped by a parameter', async () => {
    const db = new Recording();
    await new ConflictsRepository(db.scope()).list(20);
    expect(db.sent).toMatchSnapshot();
  });
});
