/**
 * The graph's vocabulary. Labels and relationship types are never taken from user input: Cypher
 * that needs one as an identifier picks it from these enums.
 */
export enum EntityType {
  MODEL = 'MODEL',
  ORGANIZATION = 'ORGANIZATION',
  TECHNIQUE = 'TECHNIQUE',
  LIMITATION = 'LIMITATION',
}

export const LABEL_OF: Record<EntityType, string> = {
  [EntityType.MODEL]: 'Model',
  [EntityType.ORGANIZATION]: 'Organization',
  [EntityType.TECHNIQUE]: 'Technique',
  [EntityType.LIMITATION]: 'Limitation',
};

export const TYPE_OF_LABEL: Record<string, EntityType> = Object.fromEntries(
  Object.entries(LABEL_OF).map(([type, label]) => [label, type as EntityType]),
);

/** Every entity node carries this label too, so one constraint keeps ids unique across kinds. */
export const ENTITY_LABEL = 'Entity';
export const SOURCE_LABEL = 'Source';

/**
 * Property holding toLower(name) on every entity, written with the name: lists ordered by name
 * read it from a per-label range index instead of sorting the whole label on every page.
 */
export const SORT_NAME = 'sortName';

export enum RelationType {
  DEVELOPED_BY = 'DEVELOPED_BY',
  DERIVED_FROM = 'DERIVED_FROM',
  USES = 'USES',
  HAS_LIMITATION = 'HAS_LIMITATION',
  MITIGATES = 'MITIGATES',
  BUILDS_ON = 'BUILDS_ON',
  COMPETES_WITH = 'COMPETES_WITH',
  COLLABORATES_WITH = 'COLLABORATES_WITH',
  INVESTS_IN = 'INVESTS_IN',
  PROPOSED_BY = 'PROPOSED_BY',
}

/** Which labels each relationship joins, from → to. */
export const RELATION_ENDPOINTS: Record<RelationType, [EntityType, EntityType]> = {
  [RelationType.DEVELOPED_BY]: [EntityType.MODEL, EntityType.ORGANIZATION],
  [RelationType.DERIVED_FROM]: [EntityType.MODEL, EntityType.MODEL],
  [RelationType.USES]: [EntityType.MODEL, EntityType.TECHNIQUE],
  [RelationType.HAS_LIMITATION]: [EntityType.MODEL, EntityType.LIMITATION],
  [RelationType.MITIGATES]: [EntityType.TECHNIQUE, EntityType.LIMITATION],
  [RelationType.BUILDS_ON]: [EntityType.TECHNIQUE, EntityType.TECHNIQUE],
  [RelationType.COMPETES_WITH]: [EntityType.MODEL, EntityType.MODEL],
  [RelationType.COLLABORATES_WITH]: [EntityType.ORGANIZATION, EntityType.ORGANIZATION],
  [RelationType.INVESTS_IN]: [EntityType.ORGANIZATION, EntityType.ORGANIZATION],
  [RelationType.PROPOSED_BY]: [EntityType.TECHNIQUE, EntityType.ORGANIZATION],
};

export enum LineageKind {
  SUCCESSOR = 'SUCCESSOR',
  FINE_TUNE = 'FINE_TUNE',
  VARIANT = 'VARIANT',
  SCALE_UP = 'SCALE_UP',
  MULTIMODAL = 'MULTIMODAL',
  LONG_CONTEXT = 'LONG_CONTEXT',
  PRODUCT = 'PRODUCT',
  DISTILLATION = 'DISTILLATION',
}
