/** The import plan's shape: what a catalogue snapshot would change in the graph (plan.ts computes it). */
import type { EntityType, RelationType } from '../domain/registry.js';
import type { NewEntity, ReviewItem } from '../resolve/resolver.js';
import type { Problem } from './records.js';

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
  value: string | number | boolean;
  rowKey: string;
  quote?: string;
}

export interface Conflict {
  entityId: string;
  attribute: string;
  graphValue: string | number | boolean;
  catalogueValue: string | number | boolean;
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
  by: 'name' | 'decision';
  /** What the match rests on (score.ts evidence, or the decision's reason). */
  evidence: string[];
}

export interface ImportPlan {
  format: string;
  rowsRead: number;
  recordsParsed: number;
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
  skipped: Problem[];
  warnings: Problem[];
}
