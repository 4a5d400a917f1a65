/**
 * The shapes of the rows the read repositories return (decode.ts checks them as they arrive): the
 * contract between the Cypher and the resolvers, declared below both so neither imports the other.
 */
import type { EntityType, RelationType } from '../domain/graph-model.js';

export type EntityRow = { id: string; __type: EntityType; [field: string]: unknown };

export interface GraphNodeRow {
  id: string;
  label: string;
  type: string;
}

export interface GraphEdgeRow {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  kind: string | null;
  citations?: unknown[];
}

export interface GraphRows {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

export interface LineageStepRow {
  model: EntityRow;
  depth: number;
  kind: string;
  via: EntityRow | null;
  direction: 'ANCESTORS' | 'DESCENDANTS';
  /** Present when asked for. */
  edge?: GraphEdgeRow;
  /** Present when asked for: the model (or series) the walk started at. */
  start?: EntityRow;
  /** The model's name whatever the selection holds: the order's key, for cursors. */
  modelName: string;
}

export interface TimelineRow {
  date: string;
  event: 'RELEASED' | 'FIRST_ADOPTED';
  entity: EntityRow;
}

export interface TechniqueAdoptionRow {
  technique: EntityRow;
  modelCount: number;
  organizationCount: number;
  firstAdopter: EntityRow | null;
  firstAdoptedOn: string | null;
  byYear: Array<{ year: number; count: number }>;
}

export interface MitigationRowValue {
  limitation: EntityRow;
  techniques: EntityRow[];
}

export interface OrganizationProfileRow {
  organization: EntityRow;
  models: EntityRow[];
  favouriteTechniques: Array<{ technique: EntityRow; count: number }>;
  collaborators: EntityRow[];
  buildsOnOrganizations: Array<{ organization: EntityRow; count: number }>;
  firstRelease: string | null;
  latestRelease: string | null;
}

export interface ComparisonRowValue {
  entity: EntityRow;
  present: boolean[];
}

export interface ModelComparisonRow {
  models: EntityRow[];
  /** Requested ids that name no model; the caller reports them. */
  missing: string[];
  sharedTechniques: EntityRow[];
  techniqueRows: ComparisonRowValue[];
  limitationRows: ComparisonRowValue[];
  benchmarkRows: Array<{ benchmark: EntityRow; results: Array<Record<string, unknown> | null> }>;
}

/** A benchmark's leaderboard page (ResultsRepository.leaderboard): entries in order, each model with its result. */
export interface LeaderboardPageRow {
  benchmark: EntityRow;
  higherIsBetter: boolean | null;
  total: number;
  hasNextPage: boolean;
  entries: Array<{ position: number; key: unknown[]; results: number; model: EntityRow; result: Record<string, unknown> }>;
}

// What `conflicts` lists: attributes whose claims disagree (conflicts.repository.ts), and benchmark results that disagree (result-conflicts.ts).
/** One value of a contested attribute, with the sources that claim it; `preferred` is the value the node shows. */
export interface ConflictValue {
  value: string;
  confidence: number;
  preferred: boolean;
  /** The best rank any claim of the value has. */
  rank: string;
  /** Every claim of the value is hedged by its source. */
  hedged: boolean;
  /** Plausibility rules the value fails (once per rule). */
  flags: Array<{ rule: string; reason: string }>;
  sources: Array<{ id: string; title: string | null; url: string | null; file: string | null }>;
  /** For a disagreement between benchmark results: the keys of the results holding the value. */
  resultKeys: string[];
}
export interface ConflictRow {
  entityId: string;
  entityName: string;
  entityType: string;
  attribute: string;
  /** How far apart the most distant values are at their stated precision (0: they differ only in precision). */
  severity: number;
  values: ConflictValue[];
}
