/**
 * The quality pass: after every load and import, the plausibility rules read every claim in the graph,
 * mark the claims that fail them (and clear marks no rule gives any more), and the node values follow:
 * a marked value is never a plain field; the attribute shows another claim's value where one is
 * believed, else null (preferredValue). The whole graph is checked each time, so a parent an import
 * adds later, or a corrected date, is seen.
 */
import type { Database } from '../db/database.js';
import { claimedValues } from '../domain/write-rules.js';
import { type FlagWrite, QualityRepository, type StoredEntity } from '../repositories/quality.repository.js';
import { SeedRepository, type ValueWrite } from '../repositories/seed.repository.js';
import { type Accepted, readAccepted, withoutAccepted } from './accepted.js';
import type { ClaimFact, EntityFacts, Finding, LineageFact } from './facts.js';
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

/** A claim as the pass judges it: its facts, and the marks it carries now (absent or null: none). */
export interface MarkedClaim extends ClaimFact {
  rules?: string[] | null;
  reasons?: string[] | null;
}
export interface MarkedEntity extends EntityFacts {
  claims: MarkedClaim[];
}

const toFacts = (entity: StoredEntity): MarkedEntity => ({
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
    rules: c.rules,
    reasons: c.reasons,
  })),
});

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean =>
  (a ?? null) === (b ?? null) || (a != null && b != null && a.length === b.length && a.every((x, i) => x === b[i]));

const countBy = (items: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of [...items].sort()) out[item] = (out[item] ?? 0) + 1;
  return out;
};

/** The graph's claims and lineage as the pass reads them (QualityRepository), or as a bulk load collected them. */
export interface PassFacts {
  /** Entities with claims, in id order; claims in ordinal order. */
  entities: MarkedEntity[];
  lineage: LineageFact[];
}

/** What the rules decided, before it is written: the marks that change and the node values that follow. */
export interface Judgement {
  summary: QualitySummary;
  findings: Finding[];
  flags: FlagWrite[];
  values: ValueWrite[];
}

/**
 * The rules over the whole graph's facts, in memory: no database. A bulk load runs this while the
 * importer writes the store, and writes the outcome (`writeJudgement`) once the store is up.
 */
export function judge(facts: PassFacts, options: PassOptions = {}): Judgement {
  const { entities, lineage } = facts;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const all = checkPlausibility({ entities, lineage, today });
  const { kept: findings, accepted } = withoutAccepted(all, options.accepted ?? readAccepted());

  // Findings by entity, then claim ordinal: an entity without any is passed over in one look-up.
  const wanted = new Map<string, Map<number, Finding[]>>();
  for (const f of findings) {
    const mine = wanted.get(f.entityId) ?? new Map<number, Finding[]>();
    wanted.set(f.entityId, mine.set(f.ordinal, [...(mine.get(f.ordinal) ?? []), f]));
  }
  const flags: FlagWrite[] = [];
  for (const entity of entities) {
    const mine = wanted.get(entity.id);
    for (const claim of entity.claims) {
      const found = mine?.get(claim.ordinal);
      const [rules, reasons] = found === undefined ? [null, null] : [found.map((f) => f.rule), found.map((f) => f.reason)];
      if (!sameList(rules, claim.rules) || !sameList(reasons, claim.reasons))
        flags.push({ entityId: entity.id, ordinal: claim.ordinal, rules, reasons });
    }
  }
  // Node values follow the marks: those that changed, and those still marked (a reload rewrites node values from the files).
  const recompute = new Set([...flags.map((w) => w.entityId), ...findings.map((f) => f.entityId)]);
  const values = entities.filter((e) => recompute.has(e.id)).map((e) => shownValues(e, wanted.get(e.id)));

  const flaggedClaims = [...wanted.values()].flatMap((mine) => [...mine.values()].map((list) => list[0]!));
  const summary = {
    checked: entities.reduce((sum, e) => sum + e.claims.length, 0),
    flagged: flaggedClaims.length,
    byRule: countBy(findings.map((f) => f.rule)),
    bySource: countBy(flaggedClaims.map((f) => f.sourceId)),
    accepted,
    changed: flags.length,
  };
  return { summary, findings, flags, values };
}

/** Writes a judgement's marks and node values. */
export async function writeJudgement(db: Database, judgement: Judgement): Promise<QualitySummary & { findings: Finding[] }> {
  // A deadline per step, not one for the whole pass: a large graph's flag writes take their time.
  await new QualityRepository(db.scope({ timeoutMs: 120_000 })).writeFlags(judgement.flags);
  await new SeedRepository(db).writeClaimedValues(judgement.values);
  return { ...judgement.summary, findings: judgement.findings };
}

export async function runQualityPass(db: Database, options: PassOptions = {}): Promise<QualitySummary & { findings: Finding[] }> {
  // A deadline per read: a large graph's read takes its time.
  const repository = () => new QualityRepository(db.scope({ timeoutMs: 120_000 }));
  const entities = (await repository().entities()).map(toFacts);
  const lineage = await repository().lineage();
  return writeJudgement(db, judge({ entities, lineage }, options));
}

/** The values an entity's node shows once its claims carry this pass's marks (as SeedRepository.recomputeClaimedValues gives). */
function shownValues(entity: MarkedEntity, found: Map<number, Finding[]> | undefined): ValueWrite {
  const claims = entity.claims.map((c) => ({ ...c, flags: found?.get(c.ordinal)?.map((f) => f.rule) ?? null }));
  return { id: entity.id, type: entity.type, props: claimedValues(entity.type, claims) };
}
