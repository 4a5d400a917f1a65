import { describe, expect, it } from 'vitest';
import type { CitationRow, RelationshipRow } from '../../src/domain/graph-rows.js';
import { EntityType, RelationType } from '../../src/domain/registry.js';
import { CollectedFacts } from '../../src/quality/collected-facts.js';
import { judge } from '../../src/quality/pass.js';

const claim = (entityId: string, ordinal: number, attribute: string | null, value: unknown, sourceId = 'dump'): CitationRow => ({
  entityId,
  sourceId,
  ordinal,
  quote: null,
  note: null,
  confidence: 0.5,
  attribute,
  value: attribute === null ? null : JSON.stringify(value),
  rank: null,
  reason: null,
  hedged: null,
});
const link = (from: string, to: string, kind: string | null = null): RelationshipRow => ({
  id: `${from}:${to}`,
  from,
  to,
  kind,
  citationSources: ['dump'],
  citationQuotes: [''],
  citationNotes: [''],
  citationConfidences: [0.5],
  confidence: 0.5,
});
const entity = (id: string, name = id) => ({ id, name, aliases: [], aliasText: '', description: null, props: {} });

describe('the facts a bulk load collects for the quality pass', () => {
  const collected = new CollectedFacts();
  // Rows as a streamed import hands them over: a derivative before its base, a citation before its source.
  collected.entity(EntityType.MODEL, entity('b-tune', 'B-1B-ft'));
  collected.citation(claim('b-tune', 1, 'releaseDate', '2022-01-01'));
  collected.citation(claim('b-tune', 0, null, null));
  collected.citation(claim('b-tune', 2, 'parameters', 1e9, 'nowhere'));
  collected.source({ id: 'dump', date: '2026-01-01' });
  collected.entity(EntityType.MODEL, entity('a-base', 'Base-70B'));
  collected.citation(claim('a-base', 0, 'releaseDate', '2024-05-01'));
  collected.entity(EntityType.ORGANIZATION, entity('someone'));
  collected.relationship(RelationType.DEVELOPED_BY, link('b-tune', 'someone'));
  collected.relationship(RelationType.DEVELOPED_BY, link('b-tune', 'not-loaded'));
  collected.relationship(RelationType.DERIVED_FROM, link('b-tune', 'a-base', 'FINE_TUNE'));
  collected.relationship(RelationType.DERIVED_FROM, link('b-tune', 'not-loaded', 'FINE_TUNE'));
  const facts = collected.facts();

  it('holds entities with claims in id order, claims with their source date, and only links whose ends were loaded', () => {
    expect(facts.entities.map((e) => e.id)).toEqual(['a-base', 'b-tune']);
    const tune = facts.entities[1]!;
    expect(tune.developers).toEqual(['someone']);
    // The mention (no attribute) and the claim whose source is no node of the load are not claims the graph holds.
    expect(tune.claims).toEqual([
      expect.objectContaining({ entityId: 'b-tune', ordinal: 1, value: '2022-01-01', sourceDate: '2026-01-01', hedged: false }),
    ]);
    expect(facts.lineage).toEqual([{ from: 'b-tune', to: 'a-base', kind: 'FINE_TUNE' }]);
  });

  it('is what the rules judge: the fine-tune dated before its base is marked and its node shows no date', () => {
    const judged = judge(facts, { today: '2026-12-07', accepted: [] });
    expect(judged.flags).toEqual([{ entityId: 'b-tune', ordinal: 1, rules: ['BEFORE_PARENT'], reasons: [expect.any(String)] }]);
    expect(judged.values).toEqual([{ id: 'b-tune', type: EntityType.MODEL, props: expect.objectContaining({ releaseDate: null }) }]);
  });
});
