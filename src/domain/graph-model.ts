import { ENTITY_TYPES, EntityType, fromKinds, KINDS, RELATION_TYPES, RELATIONS, RelationType } from './registry.js';

/**
 * The graph's vocabulary as Cypher sees it, derived from the registry. Labels and relationship
 * types are never taken from user input: statements get them from the helpers below, which accept
 * only registry values (checked at run time too, since a cast could smuggle anything in).
 */
export { EntityType, LineageKind, RelationType, TechniqueCategory } from './registry.js';

export const LABEL_OF: Record<EntityType, string> = Object.fromEntries(ENTITY_TYPES.map((type) => [type, KINDS[type].label])) as Record<
  EntityType,
  string
>;

export const TYPE_OF_LABEL: Record<string, EntityType> = Object.fromEntries(ENTITY_TYPES.map((type) => [KINDS[type].label, type]));

/** Every entity node carries this label too, so one constraint keeps ids unique across kinds. */
export const ENTITY_LABEL = 'Entity';
export const SOURCE_LABEL = 'Source';
/** Recorded curation writes (`history`). */
export const CHANGE_LABEL = 'Change';
/** Entity → Source citation relationship (mentions and attribute claims). */
export const CITES = 'CITES';
/** The latest run of the graph measures (communities, lineage statistics, the version they are of). */
export const MEASURE_RUN_LABEL = 'MeasureRun';
/** An id merged into another entity (or renamed by the id rule): `(:Redirect {id, to})`, followed by look-ups by id. */
export const REDIRECT_LABEL = 'Redirect';
/** Marks a completed load: written last, so a graph without it is an interrupted load to resume. */
export const GRAPH_META_LABEL = 'GraphMeta';

/**
 * Property holding toLower(name) on every entity, written with the name: lists ordered by name
 * read it from a per-label range index instead of sorting the whole label on every page.
 */
export const SORT_NAME = 'sortName';

const KNOWN_LABELS = new Set([
  ENTITY_LABEL,
  SOURCE_LABEL,
  CHANGE_LABEL,
  GRAPH_META_LABEL,
  MEASURE_RUN_LABEL,
  REDIRECT_LABEL,
  ...Object.values(LABEL_OF),
]);
const KNOWN_RELATIONSHIPS = new Set<string>([CITES, ...RELATION_TYPES]);

/** The label of an entity kind, for splicing into Cypher. */
export function label(type: EntityType): string {
  const name = LABEL_OF[type];
  if (name === undefined) throw new Error(`Unknown entity type ${String(type)}.`);
  return name;
}

/** A label the graph uses (entity kinds, Entity, Source, Change), for splicing into Cypher. */
export function knownLabel(name: string): string {
  if (!KNOWN_LABELS.has(name)) throw new Error(`Unknown label ${name}.`);
  return name;
}

/** A relationship type of the registry (or CITES), for splicing into Cypher. */
export function relType(type: RelationType | typeof CITES): string {
  if (!KNOWN_RELATIONSHIPS.has(type)) throw new Error(`Unknown relationship type ${String(type)}.`);
  return type;
}

/**
 * Which kinds each relationship joins, from → to, naming the first of the `from` kinds where there are
 * several (the synthetic graphs of bench/generator.ts grow each type from that kind only).
 */
export const RELATION_ENDPOINTS: Record<RelationType, [EntityType, EntityType]> = Object.fromEntries(
  RELATION_TYPES.map((type) => [type, [fromKinds(type)[0], RELATIONS[type].to]]),
) as Record<RelationType, [EntityType, EntityType]>;
