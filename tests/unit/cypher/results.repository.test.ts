import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { resultConflicts } from '../../../src/repositories/result-conflicts.js';
import { ResultsRepository } from '../../../src/repositories/results.repository.js';
import { fieldsOf, Recording } from './recording.js';

const selections = {
  benchmark: fieldsOf(EntityType.BENCHMARK, 'name', 'scale'),
  model: fieldsOf(EntityType.MODEL, 'name'),
  result: { citations: true },
};

describe('ResultsRepository: Cypher', () => {
  it('pages a leaderboard in one statement: the filters as fixed clauses, each model’s best-ranked result, a keyset cursor', async () => {
    const db = new Recording([
      ['AS remaining', [{ benchmark: { id: 'mmlu', __type: 'BENCHMARK' }, higherIsBetter: true, total: 3, remaining: 2, entries: [] }]],
    ]);
    const page = await new ResultsRepository(db.scope()).leaderboard('mmlu', {
      filter: { openWeights: true, selfReported: false, organization: 'openai' },
      perModel: true,
      first: 1,
      after: [-0.9, 'gpt-4', 'gpt-4', 'epoch-run-1'],
      selections,
    });
    expect(page).toMatchObject({ total: 3, hasNextPage: true, entries: [] });
    expect(db.sent).toMatchSnapshot();
  });

  it('answers null for an id that names no benchmark, and filters nothing when no filter is given', async () => {
    const db = new Recording();
    expect(
      await new ResultsRepository(db.scope()).leaderboard('no-such', { filter: {}, perModel: false, first: 20, selections }),
    ).toBeNull();
    expect(db.statements[0]!.cypher).toContain('WHERE true');
    expect(db.statements[0]!.params).toMatchObject({ benchmark: 'no-such', perModel: false, after: null });
  });
});

describe('resultConflicts: Cypher', () => {
  const result = (key: string, value: number, extra: Record<string, unknown> = {}) => ({
    key,
    value,
    shots: null,
    benchmarkVersion: null,
    stderr: null,
    sources: [{ id: `src-${key}`, title: key, url: null, file: null }],
    ...extra,
  });

  it('groups each model’s results on a benchmark in rank order and lists those apart beyond their noise, the preferred value first', async () => {
    const group = (results: unknown[]) => ({ modelId: 'gpt-4', modelName: 'GPT-4', benchmark: 'MMLU', scale: 'FRACTION', results });
    const db = new Recording([
      [
        'size(results) > 1',
        [
          // 0.864 (preferred) and 0.80 disagree beyond 2 points; 0.86 sits within the noise of the preferred one.
          group([result('epoch', 0.864), result('paper', 0.8), result('leaderboard', 0.86)]),
          // Different shot counts are not comparable: no conflict.
          { ...group([result('a', 0.9, { shots: 0 }), result('b', 0.7, { shots: 5 })]), modelId: 'gpt-4o', modelName: 'GPT-4o' },
        ],
      ],
    ]);
    const conflicts = await resultConflicts(db.scope());
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ entityId: 'gpt-4', attribute: 'score on MMLU' });
    expect(conflicts[0]!.values.map((v) => [v.value, v.preferred, v.resultKeys])).toEqual([
      ['0.864', true, ['epoch']],
      ['0.8', false, ['paper']],
      ['0.86', false, ['leaderboard']],
    ]);
    expect(db.sent).toMatchSnapshot();
  });
});
