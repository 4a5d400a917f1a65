import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EntityType, LineageKind, RelationType } from './enums.js';

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

@InputType()
export class ModelInput extends EntityInput {
  @Field(() => Float, { nullable: true })
  parameters?: number;

  @Field(() => Int, { nullable: true })
  contextWindow?: number;

  @Field(() => String, { nullable: true })
  releaseDate?: string;

  @Field(() => Boolean, { nullable: true })
  openWeights?: boolean;

  @Field(() => [String], { nullable: true })
  modalities?: string[];

  @Field(() => Float, { nullable: true })
  trainingTokens?: number;
}

@InputType()
export class OrganizationInput extends EntityInput {
  @Field(() => String, { nullable: true })
  country?: string;
}

@InputType()
export class TechniqueInput extends EntityInput {
  @Field(() => String, { nullable: true })
  category?: string;
}

@InputType()
export class LimitationInput extends EntityInput {}

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
    ...Object.values(EntityType).map((type) => `UPSERT_${type}`),
    ...Object.values(RelationType).flatMap((type) => [`LINK_${type}`, `UNLINK_${type}`]),
    'DELETE',
  ].map((action) => [action, action]),
);
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'UPSERT_<EntityType>, LINK_<RelationType>, UNLINK_<RelationType> or DELETE.',
});

@ObjectType({ description: 'One recorded write: who, when, what.' })
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
