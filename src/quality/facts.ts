/** What the plausibility rules read: every claim of every entity, the lineage between models and the sources' dates. */
import type { EntityType } from '../domain/registry.js';
import { preferredClaim } from '../domain/write-rules.js';

/** Why a value is doubted; one rule per way a catalogue (or a reading of a document) goes wrong. */
export enum QualityRule {
  HEDGED_WORDS = 'HEDGED_WORDS',
  SIZE_IN_NAME = 'SIZE_IN_NAME',
  SIZE_VS_PARENT = 'SIZE_VS_PARENT',
  BEFORE_PARENT = 'BEFORE_PARENT',
  VERSION_ORDER = 'VERSION_ORDER',
  AFTER_SOURCE_DATE = 'AFTER_SOURCE_DATE',
  CUTOFF_AFTER_RELEASE = 'CUTOFF_AFTER_RELEASE',
}

export interface ClaimFact {
  /** Stable within the graph: the entity id and the claim's ordinal among its citations. */
  entityId: string;
  ordinal: number;
  attribute: string;
  value: unknown;
  confidence: number;
  rank: string | null;
  hedged: boolean;
  sourceId: string;
  /** The citation's quote (a document's sentence, a catalogue's note), null where it has none. */
  quote: string | null;
  /** The date of the source that makes the claim (a document's date, a catalogue snapshot's retrieval). */
  sourceDate: string | null;
}

export interface EntityFacts {
  id: string;
  type: EntityType;
  name: string;
  /** Ids of the organizations it is DEVELOPED_BY. */
  developers: string[];
  claims: ClaimFact[];
}

export interface LineageFact {
  from: string;
  to: string;
  kind: string | null;
}

export interface QualityInput {
  entities: EntityFacts[];
  lineage: LineageFact[];
  /** ISO date of the check: nothing is released after it. */
  today: string;
}

/** One claim failing one rule, with the sentence a reader is shown. */
export interface Finding {
  entityId: string;
  ordinal: number;
  attribute: string;
  value: unknown;
  sourceId: string;
  rule: QualityRule;
  reason: string;
}

export const finding = (claim: ClaimFact, rule: QualityRule, reason: string): Finding => ({
  entityId: claim.entityId,
  ordinal: claim.ordinal,
  attribute: claim.attribute,
  value: claim.value,
  sourceId: claim.sourceId,
  rule,
  reason,
});

/** Claims a rule looks at: not already deprecated by a curator, and stated (a hedged value is not served as a fact anyway). */
export const checkable = (entity: EntityFacts, attribute: string): ClaimFact[] =>
  entity.claims.filter((c) => c.attribute === attribute && c.rank !== 'DEPRECATED' && !c.hedged);

/** The value a rule compares others with: the entity's best checkable claim, leaving out those already found doubtful. */
export function reference(
  entity: EntityFacts | undefined,
  attribute: string,
  doubted: ReadonlySet<string> = new Set(),
): ClaimFact | undefined {
  if (entity === undefined) return undefined;
  const claims = checkable(entity, attribute);
  return preferredClaim(doubted.size === 0 ? claims : claims.filter((c) => !doubted.has(claimKey(c))));
}

export const claimKey = (claim: { entityId: string; ordinal: number }): string => `${claim.entityId}#${claim.ordinal}`;

/** 7e10 → "70B", 1.5e6 → "1.5M": sizes as the names write them. */
export function formatCount(n: number): string {
  for (const [unit, size] of [
    ['T', 1e12],
    ['B', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ] as const)
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  return String(n);
}
