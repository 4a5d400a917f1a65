/** The import plan's shape: what a catalogue snapshot would change in the graph (plan.ts computes it). */
import type { EntityType, RelationType } from '../domain/registry.js';
import type { NewEntity, ReviewItem } from '../resolve/resolver.js';
import type { AttributeValue, Problem } from './records.js';

export interface PlannedRelationship {
  from: string;
  type: RelationType;
  /** Lineage kind of a DERIVED_FROM. */
  kind?: string;
  to: string;
  rowKey: string;
  /** Why it was typed so, for lineage the catalogue leaves untyped. */
  basis: string;
  /** A link a rule infers (from a name) rather than one the catalogue states: cited by a note, at a lower confidence. */
  inferred?: boolean;
  /** The catalogue's sentence that states it (technique facts), and the confidence its rule gives. */
  quote?: string;
  confidence?: number;
}

export interface PlannedClaim {
  entityId: string;
  /** The entity's kind, whose rule the value must meet. */
  kind: EntityType;
  attribute: string;
  value: AttributeValue;
  rowKey: string;
  quote?: string;
}

export interface Conflict {
  entityId: string;
  attribute: string;
  graphValue: AttributeValue;
  catalogueValue: AttributeValue;
  rowKey: string;
}

export interface Ambiguity {
  rowKey: string;
  name: string;
  /** What the name was: the row's own entity, an organization, or a dependency. */
  role: 'record' | 'organization' | 'dependency';
  candidates: string[];
}

export interface Unresolved {
  rowKey: string;
  name: string;
  relation: string;
  reason: string;
}

export interface Matched {
  rowKey: string;
  name: string;
  id: string;
  by: 'name' | 'decision' | 'key';
  /** What the match rests on (score.ts evidence, or the decision's reason). */
  evidence: string[];
}

/** A benchmark result to write: a SCORED_ON statement from a model to a benchmark, with its key, values and citation. */
export interface PlannedResult {
  from: string;
  to: string;
  /** Unique among the results of its pair: a hash of the catalogue, the row and the field the score stands in. */
  key: string;
  rowKey: string;
  /** The score's column or field, for the locator. */
  field: string;
  /** The score exactly as the catalogue writes it: the citation's quote. */
  quote: string;
  /** The registry's result properties (score, value, metric, setting, date, selfReported, measuredBy, url, …). */
  props: Record<string, unknown>;
  /** How selfReported was decided where the catalogue does not say (a rule's inference, for the note). */
  basis?: string;
}

/** A result a catalogue states that the import could not place, with why (never invented). */
export interface UnplacedResult {
  rowKey: string;
  benchmark: string;
  reason: string;
}

export interface ImportPlan {
  format: string;
  rowsRead: number;
  recordsParsed: number;
  /** Each row that got an entity, with it (a refresh compares them with what the graph holds). */
  rows: Array<{ rowKey: string; id: string; kind: EntityType; name: string }>;
  matched: Matched[];
  /** Existing organizations the rows name (each once). */
  organizationsMatched: string[];
  /**
   * Existing entities a row names without describing them (organizations, training datasets), each
   * with the first row naming it: cited like the entities the import creates, so an import that
   * finds them already written (a resumed load) cites them as one that creates them.
   */
  mentioned: Array<{ id: string; rowKey: string }>;
  toCreate: NewEntity[];
  /** Names a catalogue gives an entity it matched, added to its aliases (so search and the next import find it under them). */
  aliases: Array<{ id: string; aliases: string[] }>;
  ambiguous: Ambiguity[];
  /** Pairs the scores leave to a person (each row became its own entity meanwhile): decide them in seed/resolution.json. */
  review: ReviewItem[];
  relationships: PlannedRelationship[];
  unresolved: Unresolved[];
  claims: PlannedClaim[];
  conflicts: Conflict[];
  /** Benchmark results (the results pass, results/). */
  results: PlannedResult[];
  resultsNotPlaced: UnplacedResult[];
  skipped: Problem[];
  warnings: Problem[];
}
