import { describe, expect, it } from 'vitest';
import type { NodeMeasures } from '../../../src/domain/measures.js';
import { MeasuresRepository } from '../../../src/repositories/measures.repository.js';
import { Recording } from './recording.js';

const node: NodeMeasures = {
  pageRank: 0.12,
  lineagePageRank: 0.3,
  betweenness: 0.05,
  community: 2,
  lineageDepth: 1,
  lineageHeight: 3,
  descendants: 4,
  fanOut: { FINE_TUNE: 2 },
};

describe('MeasuresRepository: Cypher', () => {
  it('reads the whole graph for the algorithms: entities and domain relationships', async () => {
    const db = new Recording();
    await new MeasuresRepository(db).readGraph();
    expect(db.sent).toMatchSnapshot();
  });

  it("writes a run's summary, each node's measures, then the latest run, each checking the version it starts from", async () => {
    const db = new Recording();
    await new MeasuresRepository(db).write(
      {
        version: '1700000000000',
        computedAt: '2026-12-01T10:00:00.000Z',
        communities: [{ id: 2, label: 'GPT-4, LLaMA', size: 2, leaders: ['gpt-4', 'llama'] }],
        lineage: { depth: [], fanOut: [], families: [] },
        betweennessExact: true,
        betweennessSources: 0,
        modularity: 0.4,
      },
      {
        nodes: new Map([['gpt-4', node]]),
        communities: [],
        betweennessExact: true,
        betweennessSources: 0,
        modularity: 0.4,
      },
    );
    expect(db.sent).toMatchSnapshot();
  });

  it('reads the latest run', async () => {
    const db = new Recording();
    expect(await new MeasuresRepository(db).latestRun()).toBeNull();
    expect(db.sent).toMatchSnapshot();
  });
});
