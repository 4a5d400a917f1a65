import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/limits.js';
import { RelationType } from '../../../src/domain/graph-model.js';
import { GraphRepository } from '../../../src/repositories/graph.repository.js';
import { Recording } from './recording.js';

describe('GraphRepository: Cypher', () => {
  it('finds a shortest path over the relationship types asked for, depth written in, ids as parameters', async () => {
    const db = new Recording();
    await new GraphRepository(db.scope()).shortestPath({
      fromId: 'chatglm3-6b',
      toId: 'google',
      maxDepth: 6,
      types: [RelationType.DERIVED_FROM, RelationType.DEVELOPED_BY],
      withCitations: true,
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('answers a path from an entity to itself with the entity alone', async () => {
    const db = new Recording();
    await new GraphRepository(db.scope()).shortestPath({ fromId: 'gpt-4', toId: 'gpt-4', maxDepth: 3, types: [], withCitations: false });
    expect(db.sent).toMatchSnapshot();
  });

  it('expands breadth first, level by level, each node once, capped by parameters', async () => {
    const db = new Recording();
    await new GraphRepository(db.scope()).expand({
      ids: ['hallucination'],
      depth: 2,
      depthLimit: LIMITS.neighborhoodDepth,
      limit: 50,
      types: [],
      direction: 'BOTH',
      withCitations: false,
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('follows one direction with the citations of the edges kept, the nodes with their measures and dates, as of a day', async () => {
    const db = new Recording();
    await new GraphRepository(db.scope()).expand({
      ids: ['transformer'],
      depth: 1,
      depthLimit: LIMITS.downstreamDepth,
      limit: 200,
      types: [RelationType.BUILDS_ON, RelationType.USES],
      direction: 'IN',
      withCitations: true,
      nodes: { influence: true, date: true },
      asOf: '2022-06-30',
    });
    expect(db.sent).toMatchSnapshot();
  });
});
