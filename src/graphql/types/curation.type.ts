import { type ClassType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ENTITY_TYPES, type EntityType, KINDS } from '../../domain/registry.js';
import { field } from './entities.type.js';
import { LineageKind, RelationType } from './enums.js';
import { propertyScalar } from './property-scalar.js';

@InputType({ description: 'Where a written fact comes from: a source id (its quote is checked verbatim) or a public URL.' })
export class CitationInput {
  @Field(() => ID, { nullable: true })
  sourceId?: string;

  @Field(() => String, { nullable: true })
  url?: string;

  @Field(() => String)
  quote!: string;
}

/** Fields every entity input has; type-graphql copies them into each subclass input. */
@InputType('EntityInput')
class EntityInput {
  @Field(() => ID, { description: 'Slug such as gpt-4; creates the entity or updates the one with this id.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases when given.' })
  aliases?: string[];

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => CitationInput)
  citation!: CitationInput;
}

/** `${TypeName}Input` for every kind: the common fields and the kind's properties, all optional but id and name. */
export const ENTITY_INPUTS = {} as Record<EntityType, ClassType>;
for (const type of ENTITY_TYPES) {
  const kind = KINDS[type];
  const name = `${kind.typeName}Input`;
  const cls = { [name]: class extends EntityInput {} }[name]!;
  InputType(name)(cls);
  for (const [property, spec] of Object.entries(kind.properties))
    field(cls, property, propertyScalar(spec.scalar).type, { nullable: true });
  ENTITY_INPUTS[type] = cls;
}

@InputType()
export class LinkInput {
  @Field(() => ID)
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => LineageKind, { nullable: true, description: 'Required for DERIVED_FROM.' })
  kind?: LineageKind;

  @Field(() => CitationInput)
  citation!: CitationInput;
}

/** Every action a change record can name, derived from the kinds and relationship types. */
export const ChangeAction = Object.fromEntries(
  [
    ...ENTITY_TYPES.map((type) => `UPSERT_${type}`),
    ...Object.values(RelationType).flatMap((type) => [`LINK_${type}`, `UNLINK_${type}`]),
    'DELETE',
    // npm run resolve: otherId merged into entityId (details: the merged node as it was), and its undoing.
    'MERGE',
    'UNMERGE',
  ].map((action) => [action, action]),
);
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description:
    'UPSERT_<EntityType>, LINK_<RelationType>, UNLINK_<RelationType>, DELETE, or MERGE / UNMERGE (`npm run resolve`: otherId merged into entityId, or restored).',
});

@ObjectType({ simpleResolvers: true, description: 'One recorded write: who, when, what.' })
export class ChangeRecord {
  @Field(() => String, { description: 'ISO date-time.' })
  at!: string;

  @Field(() => String, { description: 'Role and token fingerprint of the writer (never the token).' })
  actor!: string;

  @Field(() => ChangeAction)
  action!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => ID, { nullable: true })
  otherId?: string | null;

  @Field(() => String, { description: 'The write as JSON.' })
  details!: string;
}
