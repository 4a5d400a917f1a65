import { describe, expect, it } from 'vitest';
import { StatsRepository } from '../../../src/repositories/stats.repository.js';
import { Recording } from './recording.js';

describe('StatsRepository: Cypher', () => {
  it('counts nodes by label and relationships by type', async () => {
    const db = new Recording();
    await new StatsRepository(db.scope()).counts();
    expect(db.sent).toMatchSnapshot();
  });
});
