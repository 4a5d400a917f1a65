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
  start: EntityRow;
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
}
