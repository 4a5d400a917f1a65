import {
  type Direction,
  ENTITY_TYPES,
  type EntityType,
  fromKinds,
  inFieldOf,
  KINDS,
  RELATION_TYPES,
  RELATIONS,
  type RelationType,
} from './registry.js';

export type { Direction } from './registry.js';

/** A GraphQL field that follows one relationship type from an entity to entities of one kind. */
export interface RelationField {
  type: RelationType;
  direction: Direction;
  target: EntityType;
  description?: string;
  /** Lineage links carry the relationship's kind and citations around the target model. */
  link?: boolean;
  /** A `<field>Links` field: each target with the citations of the relationship that reaches it. */
  cited?: boolean;
}

function fieldsOf(type: EntityType): Record<string, RelationField> {
  const out: Record<string, RelationField> = {};
  for (const relation of RELATION_TYPES) {
    const spec = RELATIONS[relation];
    const link = spec.kind !== undefined ? { link: true } : {};
    const from = fromKinds(relation);
    if (from.includes(type) && spec.outField)
      out[spec.outField.name] = { type: relation, direction: 'OUT', target: spec.to, description: spec.outField.description, ...link };
    if (spec.to === type)
      for (const source of from) {
        const inField = inFieldOf(relation, source);
        if (inField) out[inField.name] = { type: relation, direction: 'IN', target: source, description: inField.description, ...link };
      }
    if (from.includes(type) && spec.bothField)
      out[spec.bothField.name] = { type: relation, direction: 'BOTH', target: spec.to, description: spec.bothField.description, ...link };
  }
  return out;
}

/**
 * Every relationship field of the schema, per entity kind, derived from the registry. The Cypher
 * compiler and the GraphQL types both read this table, so a field's meaning is stated once.
 */
export const RELATION_FIELDS: Record<EntityType, Record<string, RelationField>> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, fieldsOf(type)]),
) as Record<EntityType, Record<string, RelationField>>;

/** GraphQL fields that read a node property of the same name, per kind; only requested ones are fetched. */
export const PROPERTY_FIELDS: Record<EntityType, ReadonlySet<string>> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, new Set(['id', 'name', 'aliases', 'description', ...Object.keys(KINDS[type].properties)])]),
) as unknown as Record<EntityType, ReadonlySet<string>>;

/** The name of the field returning a relationship field's entities with the relationships' citations. */
const linksFieldName = (field: string): string => `${field}Links`;

/**
 * For every relationship field that returns entities (lineage fields already return links), a
 * `<field>Links` field returning `{ node, citations }`: the relationships' evidence in the request
 * that reads them (Model.techniquesLinks, Organization.modelsLinks, …).
 */
export const LINK_FIELDS: Record<EntityType, Record<string, RelationField>> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [
    type,
    Object.fromEntries(
      Object.entries(RELATION_FIELDS[type])
        .filter(([, relation]) => !relation.link)
        .map(([name, relation]) => [
          linksFieldName(name),
          {
            ...relation,
            cited: true,
            description: `${relation.description ?? `The ${name}`}, each with the citations of the relationship.`,
          },
        ]),
    ),
  ]),
) as Record<EntityType, Record<string, RelationField>>;

/** The relationship field (plain, lineage or links) a GraphQL field name of `type` stands for. */
export const relationFieldOf = (type: EntityType, field: string): RelationField | undefined =>
  RELATION_FIELDS[type][field] ?? LINK_FIELDS[type][field];
