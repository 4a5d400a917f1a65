import { type ClassType, Field, ObjectType } from 'type-graphql';
import { LINK_FIELDS, RELATION_FIELDS } from '../../domain/relation-fields.js';
import { linkedTypeName } from '../selection.js';
import { claimableOf, ENTITY_TYPES, EntityType, KINDS } from '../../domain/registry.js';
import { AttributeClaim, Citation } from './citation.type.js';
import { Entity, type EntityRecord } from './entity.type.js';
import { LineageKind } from './enums.js';
import { propertyScalar } from './property-scalar.js';

/**
 * The GraphQL object type of each entity kind, generated from the registry: its properties with
 * their scalars, `claims` where it has claimable attributes, and one field per relationship end.
 * type-graphql's decorators are plain functions, so they are applied here in a loop.
 */
export const ENTITY_CLASSES = {} as Record<EntityType, ClassType<EntityRecord>>;

export const field = (cls: ClassType, name: string, type: () => unknown, options: { nullable?: boolean; description?: string }) =>
  Field(type as () => ClassType, options)(cls.prototype, name);

for (const type of ENTITY_TYPES) {
  const kind = KINDS[type];
  const cls = { [kind.typeName]: class extends Entity {} }[kind.typeName]!;
  ObjectType(kind.typeName, { simpleResolvers: true, implements: Entity, ...(kind.description && { description: kind.description }) })(cls);
  for (const [name, property] of Object.entries(kind.properties)) {
    const { type: scalar, list } = propertyScalar(property.scalar);
    // Lists are never null (an absent list reads as []); scalars are null where the sources say nothing.
    field(cls, name, scalar, { nullable: !list, ...(property.description && { description: property.description }) });
  }
  if (claimableOf(type).length > 0) {
    field(cls, 'claims', () => [AttributeClaim], { description: 'Every cited value of every attribute, contradictions included.' });
    field(cls, 'withheld', () => [AttributeClaim], {
      description:
        'Cited values of the attributes whose field is null because no claim of them is believed: hedged by their source ' +
        '(GPT-4’s rumoured 1.8T parameters) or failing a plausibility rule (`flags`). Deprecated claims are not listed.',
    });
  }
  for (const [name, relation] of Object.entries(RELATION_FIELDS[type])) {
    const target = relation.link ? () => [LineageLink] : () => [ENTITY_CLASSES[relation.target]];
    field(cls, name, target, relation.description ? { description: relation.description } : {});
  }
  for (const [name, relation] of Object.entries(LINK_FIELDS[type]))
    field(cls, name, () => [LINKED_CLASSES[relation.target]], { description: relation.description });
  ENTITY_CLASSES[type] = cls as unknown as ClassType<EntityRecord>;
}

/** `Linked<Type>` for every kind: an entity reached through a relationship field, with that relationship's citations. */
export const LINKED_CLASSES = Object.fromEntries(
  ENTITY_TYPES.map((type) => {
    const name = linkedTypeName(type);
    const cls = { [name]: class {} }[name]!;
    ObjectType(name, {
      simpleResolvers: true,
      description: `A ${KINDS[type].typeName} reached through a relationship, with the citations of that relationship.`,
    })(cls);
    field(cls, 'node', () => ENTITY_CLASSES[type], {});
    field(cls, 'citations', () => [Citation], { description: 'Where the sources state the relationship.' });
    return [type, cls];
  }),
) as Record<EntityType, ClassType>;

export const Model = ENTITY_CLASSES[EntityType.MODEL];
export const Organization = ENTITY_CLASSES[EntityType.ORGANIZATION];
export const Technique = ENTITY_CLASSES[EntityType.TECHNIQUE];
export const Limitation = ENTITY_CLASSES[EntityType.LIMITATION];
export type Model = EntityRecord;
export type Organization = EntityRecord;
export type Technique = EntityRecord;
export type Limitation = EntityRecord;

@ObjectType({ simpleResolvers: true, description: 'A lineage relationship seen from one model: the other model and how they relate.' })
export class LineageLink {
  @Field(() => ENTITY_CLASSES[EntityType.MODEL])
  model!: EntityRecord;

  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => [Citation])
  citations!: Citation[];
}
