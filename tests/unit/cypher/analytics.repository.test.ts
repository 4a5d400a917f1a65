import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { AnalyticsRepository } from '../../../src/repositories/analytics.repository.js';
import { fieldsOf, Recording } from './recording.js';

const model = fieldsOf(EntityType.MODEL, 'name');
const technique = fieldsOf(EntityType.TECHNIQUE, 'name');

describe('AnalyticsRepository: Cypher', () => {
  it('builds the timeline from the kinds asked for, dates compared at their own precision', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).timeline({
      from: '2020',
      to: '2023-06',
      types: [EntityType.MODEL, EntityType.TECHNIQUE],
      first: 50,
      selection: { ...model, ...technique },
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('sends nothing for a timeline of kinds without dates', async () => {
    const db = new Recording();
    expect(await new AnalyticsRepository(db.scope()).timeline({ from: null, to: null, types: [], first: 10, selection: {} })).toEqual([]);
    expect(db.statements).toEqual([]);
  });

  it('ranks techniques by adoption, the category as a parameter', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).techniqueAdoption({
      first: 10,
      category: 'ALIGNMENT',
      techniqueSelection: technique,
      modelSelection: model,
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('finds the limitations of a model that none of its techniques mitigates', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).unmitigatedLimitations('gpt-4', fieldsOf(EntityType.LIMITATION, 'name'));
    expect(db.sent).toMatchSnapshot();
  });

  it('builds the mitigation matrix', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).mitigationMatrix(20, fieldsOf(EntityType.LIMITATION, 'name'), technique);
    expect(db.sent).toMatchSnapshot();
  });

  it('profiles an organization in one statement, each list capped', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).organizationProfile('openai', {
      organization: fieldsOf(EntityType.ORGANIZATION, 'name', 'country'),
      models: model,
      techniques: technique,
      collaborators: fieldsOf(EntityType.ORGANIZATION, 'name'),
      buildsOn: fieldsOf(EntityType.ORGANIZATION, 'name'),
    });
    expect(db.sent).toMatchSnapshot();
  });

  it('ranks entities of the kinds asked for by their domain degree', async () => {
    const db = new Recording();
    await new AnalyticsRepository(db.scope()).mostConnected(10, [EntityType.MODEL, EntityType.TECHNIQUE], { ...model, ...technique });
    expect(db.sent).toMatchSnapshot();
  });

  it('compares models side by side, in the order given, naming the ids that are no model, with each one’s best-ranked result per benchmark', async () => {
    const db = new Recording([
      [
        'AS missing',
        [{ missing: ['no-such'], models: [], sharedTechniques: [], techniqueRows: [], limitationRows: [], benchmarkRows: [] }],
      ],
    ]);
    const comparison = await new AnalyticsRepository(db.scope()).compareModels(['gpt-4', 'no-such'], {
      models: model,
      shared: technique,
      techniqueRows: technique,
      limitationRows: fieldsOf(EntityType.LIMITATION, 'name'),
      benchmarkRows: fieldsOf(EntityType.BENCHMARK, 'name'),
      results: { citations: true },
    });
    expect(comparison.missing).toEqual(['no-such']);
    expect(db.sent).toMatchSnapshot();
  });
});
