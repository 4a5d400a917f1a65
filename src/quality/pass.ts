/**
 * The quality pass: after every load and import, the plausibility rules read every claim in the graph,
 * mark the claims that fail them (and clear marks no rule gives any more), and the node values follow:
 * a marked value is never a plain field; the attribute shows another claim's value where one is
 * believed, else null (preferredValue). The whole graph is checked each time, so a parent an import
 * adds later, or a corrected date, is seen.
 */
import type { Database } from '../db/database.js';
import { claimableOf } from '../domain/registry.js';
import { preferredValue } from '../domain/write-rules.js';
import { QualityRepository, type StoredClaim, type StoredEntity, type ValueWrite } from '../repositories/quality.repository.js';
import { type Accepted, readAccepted, withoutAccepted } from './accepted.js';
import { claimKey, type EntityFacts, type Finding, type LineageFact } from './facts.js';
import { checkPlausibility } from './rules.js';

export interface QualitySummary {
  /** Claims the rules read. */
  checked: number;
  /** Claims failing at least one rule, in the whole graph. */
  flagged: number;
  /** Failures by rule (a claim failing two rules counts under both). */
  byRule: Record<string, number>;
  /** Flagged claims by the source making them: an import's report shows its own snapshot's. */
  bySource: Record<string, number>;
  /** Findings a curator's decision accepts (seed/quality-accepted.json). */
  accepted: number;
  /** Claims whose marks this pass set, changed or cleared. */
  changed: number;
}

export interface PassOptions {
  /** ISO date nothing may be released after (default: today). */
  today?: string;
  accepted?: Accepted[];
}

const toFacts = (entity: StoredEntity): EntityFacts => ({
  id: entity.id,
  type: entity.type,
  name: entity.name,
  developers: entity.developers,
  claims: entity.claims.map((c) => ({
    entityId: entity.id,
    ordinal: c.ordinal,
    attribute: c.attribute,
    value: JSON.parse(c.value) as unknown,
    confidence: c.confidence,
    rank: c.rank,
    hedged: c.hedged === true,
    sourceId: c.sourceId,
    quote: c.quote,
    sourceDate: c.sourceDate,
  })),
});

const countBy = (items: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of [...items].sort()) out[item] = (out[item] ?? 0) + 1;
  return out;
};

/** The graph's claims and lineage as the pass reads them (QualityRepository), or as a bulk load collected them. */
export interface PassFacts {
  entities: StoredEntity[];
  lineage: LineageFact[];
}

/**
 * `facts`, when given, are the whole graph's (a bulk load into an empty store holds exactly what it
 * wrote): the pass then judges them without reading the graph back.
 */
export async function runQualityPass(
  db: Database,
  options: PassOptions = {},
  facts?: PassFacts,
): Promise<QualitySummary & { findings: Finding[] }> {
  // A deadline per step, not one for the whole pass: a large graph's read and its flag writes each take their time.
  const repository = () => new QualityRepository(db.scope({ timeoutMs: 120_000 }));
  const entities = facts?.entities ?? (await repository().entities());
  const lineage = facts?.lineage ?? (await repository().lineage());
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const all = checkPlausibility({ entities: entities.map(toFacts), lineage, today });
  const { kept: findings, accepted } = withoutAccepted(all, options.accepted ?? readAccepted());

  const wanted = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = wanted.get(claimKey(f));
    if (list === undefined) wanted.set(claimKey(f), [f]);
    else list.push(f);
  }
  const writes = entities.flatMap((entity) =>
    entity.claims.flatMap((claim: StoredClaim) => {
      const mine = wanted.get(claimKey({ entityId: entity.id, ordinal: claim.ordinal })) ?? [];
      const [rules, reasons] = mine.length === 0 ? [null, null] : [mine.map((f) => f.rule), mine.map((f) => f.reason)];
      const same = JSON.stringify(rules) === JSON.stringify(claim.rules) && JSON.stringify(reasons) === JSON.stringify(claim.reasons);
      return same ? [] : [{ entityId: entity.id, ordinal: claim.ordinal, rules, reasons }];
    }),
  );
  await repository().writeFlags(writes);
  // Node values follow the marks: those that changed, and those still marked (a reload rewrites node values from the files).
  const recompute = new Set([...writes.map((w) => w.entityId), ...findings.map((f) => f.entityId)]);
  await repository().writeValues(entities.filter((e) => recompute.has(e.id)).map((e) => shownValues(e, wanted)));

  const flaggedClaims = [...wanted.values()].map((list) => list[0]!);
  return {
    checked: entities.reduce((sum, e) => sum + e.claims.length, 0),
    flagged: wanted.size,
    byRule: countBy(findings.map((f) => f.rule)),
    bySource: countBy(flaggedClaims.map((f) => f.sourceId)),
    accepted,
    changed: writes.length,
    findings,
  };
}

/** The values an entity's node shows once its claims carry this pass's marks (as SeedRepository.recomputeClaimedValues gives). */
function shownValues(entity: StoredEntity, wanted: Map<string, Finding[]>): ValueWrite {
  const claims = entity.claims.map((c) => ({
    attribute: c.attribute,
    value: JSON.parse(c.value) as unknown,
    confidence: c.confidence,
    rank: c.rank,
    hedged: c.hedged,
    flags: wanted.get(claimKey({ entityId: entity.id, ordinal: c.ordinal }))?.map((f) => f.rule) ?? null,
  }));
  const props = Object.fromEntries(
    claimableOf(entity.type).map((attribute) => [attribute, preferredValue(claims.filter((c) => c.attribute === attribute))]),
  );
  return { id: entity.id, type: entity.type, props };
}
