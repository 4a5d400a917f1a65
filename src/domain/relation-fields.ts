import { EntityType, RelationType } from './graph-model.js';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** A GraphQL field that follows one relationship type from an entity to entities of one kind. */
export interface RelationField {
  type: RelationType;
  direction: Direction;
  target: EntityType;
  /** Lineage links carry the relationship's kind and citations around the target model. */
  link?: boolean;
}

/**
 * Every relationship field of the schema, per entity kind. The Cypher compiler and the batch
 * loaders both read this table, so a field's meaning is stated once.
 */
export const RELATION_FIELDS: Record<EntityType, Record<string, RelationField>> = {
  [EntityType.MODEL]: {
    developers: { type: RelationType.DEVELOPED_BY, direction: 'OUT', target: EntityType.ORGANIZATION },
    techniques: { type: RelationType.USES, direction: 'OUT', target: EntityType.TECHNIQUE },
    limitations: { type: RelationType.HAS_LIMITATION, direction: 'OUT', target: EntityType.LIMITATION },
    competitors: { type: RelationType.COMPETES_WITH, direction: 'BOTH', target: EntityType.MODEL },
    parents: { type: RelationType.DERIVED_FROM, direction: 'OUT', target: EntityType.MODEL, link: true },
    children: { type: RelationType.DERIVED_FROM, direction: 'IN', target: EntityType.MODEL, link: true },
  },
  [EntityType.ORGANIZATION]: {
    models: { type: RelationType.DEVELOPED_BY, direction: 'IN', target: EntityType.MODEL },
    collaborators: { type: RelationType.COLLABORATES_WITH, direction: 'BOTH', target: EntityType.ORGANIZATION },
    investsIn: { type: RelationType.INVESTS_IN, direction: 'OUT', target: EntityType.ORGANIZATION },
    investors: { type: RelationType.INVESTS_IN, direction: 'IN', target: EntityType.ORGANIZATION },
    proposedTechniques: { type: RelationType.PROPOSED_BY, direction: 'IN', target: EntityType.TECHNIQUE },
  },
  [EntityType.TECHNIQUE]: {
    usedBy: { type: RelationType.USES, direction: 'IN', target: EntityType.MODEL },
    mitigates: { type: RelationType.MITIGATES, direction: 'OUT', target: EntityType.LIMITATION },
    buildsOn: { type: RelationType.BUILDS_ON, direction: 'OUT', target: EntityType.TECHNIQUE },
    builtUponBy: { type: RelationType.BUILDS_ON, direction: 'IN', target: EntityType.TECHNIQUE },
    proposedBy: { type: RelationType.PROPOSED_BY, direction: 'OUT', target: EntityType.ORGANIZATION },
  },
  [EntityType.LIMITATION]: {
    mitigatedBy: { type: RelationType.MITIGATES, direction: 'IN', target: EntityType.TECHNIQUE },
    affects: { type: RelationType.HAS_LIMITATION, direction: 'IN', target: EntityType.MODEL },
  },
};

/** GraphQL fields that read a node property of the same name, per kind; only requested ones are fetched. */
const COMMON_PROPERTIES = ['id', 'name', 'aliases', 'description'];
export const PROPERTY_FIELDS: Record<EntityType, ReadonlySet<string>> = {
  [EntityType.MODEL]: new Set([
    ...COMMON_PROPERTIES,
    'parameters',
    'contextWindow',
    'releaseDate',
    'openWeights',
    'modalities',
    'trainingTokens',
  ]),
  [EntityType.ORGANIZATION]: new Set([...COMMON_PROPERTIES, 'country']),
  [EntityType.TECHNIQUE]: new Set([...COMMON_PROPERTIES, 'category']),
  [EntityType.LIMITATION]: new Set(COMMON_PROPERTIES),
};
