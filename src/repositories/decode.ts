import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../domain/registry.js';
import type {
  EntityRow,
  GraphEdgeRow,
  GraphNodeRow,
  LineageStepRow,
  MitigationRowValue,
  ModelComparisonRow,
  OrganizationProfileRow,
  TechniqueAdoptionRow,
  TimelineRow,
} from './rows.js';

/**
 * Decoders for what the driver returns, so a row of another shape fails here with the field it
 * lacks instead of surfacing later as a null in a non-null GraphQL field. An entity map is checked
 * at its top (id and kind); its selected fields are the projection compiler's, checked by the schema.
 */

export const entityRow: z.ZodType<EntityRow> = z.looseObject({ id: z.string(), __type: z.enum(ENTITY_TYPES) });
const count = z.number();
const nullableString = z.string().nullable();

export const graphNodeRow: z.ZodType<GraphNodeRow> = z.looseObject({ id: z.string(), label: z.string(), type: z.string() });
export const graphEdgeRow: z.ZodType<GraphEdgeRow> = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.enum(RELATION_TYPES),
  kind: nullableString,
  citations: z.array(z.unknown()).optional(),
});

export const graphRows = z.looseObject({ nodes: z.array(graphNodeRow), edges: z.array(graphEdgeRow) });

export const lineageStepRow: z.ZodType<LineageStepRow> = z.looseObject({
  model: entityRow,
  depth: count,
  kind: z.string(),
  via: entityRow.nullable(),
  direction: z.enum(['ANCESTORS', 'DESCENDANTS']),
  edge: graphEdgeRow.optional(),
  start: entityRow.optional(),
  modelName: z.string(),
});

export const scoredEntity = z.looseObject({ score: z.number(), entity: entityRow });
export const similarModel = z.looseObject({ model: entityRow, score: z.number(), shared: z.array(entityRow) });

export const timelineRow: z.ZodType<TimelineRow> = z.looseObject({
  date: z.string(),
  event: z.enum(['RELEASED', 'FIRST_ADOPTED']),
  entity: entityRow,
});
export const techniqueAdoptionRow: z.ZodType<TechniqueAdoptionRow> = z.looseObject({
  technique: entityRow,
  modelCount: count,
  organizationCount: count,
  firstAdopter: entityRow.nullable(),
  firstAdoptedOn: nullableString,
  byYear: z.array(z.looseObject({ year: count, count })),
});
export const mitigationRow: z.ZodType<MitigationRowValue> = z.looseObject({ limitation: entityRow, techniques: z.array(entityRow) });
export const organizationProfileRow: z.ZodType<OrganizationProfileRow> = z.looseObject({
  organization: entityRow,
  models: z.array(entityRow),
  favouriteTechniques: z.array(z.looseObject({ technique: entityRow, count })),
  collaborators: z.array(entityRow),
  buildsOnOrganizations: z.array(z.looseObject({ organization: entityRow, count })),
  firstRelease: nullableString,
  latestRelease: nullableString,
});
export const degreeRow = z.looseObject({ entity: entityRow, degree: count });
const comparisonRow = z.looseObject({ entity: entityRow, present: z.array(z.boolean()) });
export const modelComparisonRow: z.ZodType<ModelComparisonRow> = z.looseObject({
  models: z.array(entityRow),
  missing: z.array(z.string()),
  sharedTechniques: z.array(entityRow),
  techniqueRows: z.array(comparisonRow),
  limitationRows: z.array(comparisonRow),
  benchmarkRows: z.array(z.object({ benchmark: entityRow, results: z.array(z.record(z.string(), z.unknown()).nullable()) })),
});
