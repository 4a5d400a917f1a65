import { describe, expect, it } from 'vitest';
import { EntityType } from '../../../src/domain/graph-model.js';
import { InfluenceMeasure, PeriodBucket, ReleaseGrouping } from '../../../src/domain/measures.js';
import { ResearchRepository } from '../../../src/repositories/research.repository.js';
import { fieldsOf, Recording } from './recording.js';

describe('ResearchRepository: Cypher', () => {
  it('counts adopting models per quarter of their release, techniques in the order asked', async () => {
    const db = new Recording();
    await new ResearchRepository(db.scope()).adoptionCurve(
      ['transformer', 'rlhf'],
      PeriodBucket.QUARTER,
      fieldsOf(EntityType.TECHNIQUE, 'name'),
    );
    expect(db.sent).toMatchSnapshot();
  });

  for (const by of Object.values(ReleaseGrouping)) {
    it(`counts releases per year by ${by}`, async () => {
      const db = new Recording();
      await new ResearchRepository(db.scope()).releasesPerPeriod(by, PeriodBucket.YEAR, 10);
      expect(db.sent).toMatchSnapshot();
    });
  }

  it('links organizations by the models derived across them', async () => {
    const db = new Recording();
    await new ResearchRepository(db.scope()).organizationNetwork(100, fieldsOf(EntityType.ORGANIZATION, 'name'));
    expect(db.sent).toMatchSnapshot();
  });

  it('ranks entities by a stored measure, its property named by the enum only', async () => {
    const db = new Recording();
    await new ResearchRepository(db.scope()).mostInfluential(
      [EntityType.MODEL],
      InfluenceMeasure.LINEAGE_PAGE_RANK,
      10,
      fieldsOf(EntityType.MODEL, 'name'),
    );
    expect(db.sent).toMatchSnapshot();
  });

  it('reads stored measures in the order asked, with the run that wrote them', async () => {
    const db = new Recording();
    await new ResearchRepository(db.scope()).influence(['gpt-4', 'llama']);
    await new ResearchRepository(db.scope()).measureRun();
    expect(db.sent).toMatchSnapshot();
  });
});
