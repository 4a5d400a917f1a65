import { Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { ENTITY_TYPES, type EntityType, KINDS } from '../../domain/registry.js';
import { ENTITY_CLASSES } from './entities.type.js';
import { ModelOrderField, NullsOrder, OrderDirection } from './enums.js';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

/** Relay connection types for one node type. */
function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Opaque keyset cursor; stable when entities are added.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Matches of the filter across all pages; computed only when asked.' })
    totalCount!: number;
  }
  return Connection;
}

/** `${TypeName}Connection` for every kind in the registry. */
export const CONNECTIONS = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, connectionOf(ENTITY_CLASSES[type], KINDS[type].typeName)]),
) as Record<EntityType, ClassType>;

const NAME_CONTAINS =
  'Substring of the name or an alias, ignoring case, spaces, hyphens, underscores and dots ("llama 2" finds "Llama-2-Chinese 13B").';

@InputType()
export class ModelOrder {
  @Field(() => ModelOrderField)
  field!: ModelOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;

  // Nullable, not defaulted: graphql-jit does not fill an input field's default inside a variable's value.
  @Field(() => NullsOrder, {
    nullable: true,
    description: 'Models without the value (no release date, no parameter count) come last in either direction unless FIRST is asked.',
  })
  nulls?: NullsOrder | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class ModelFilter {
  @Field(() => String, { nullable: true, description: NAME_CONTAINS })
  nameContains?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A developing organization, by id or by name (any case, aliases too): "google", "Google", "谷歌". With includeUnits (the default) its labs and divisions count too (PART_OF: Google DeepMind, Google Research… for Google).',
  })
  organization?: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Whether `organization` includes the models of its units (labs, divisions: PART_OF, any depth up to 5).',
  })
  includeUnits?: boolean;

  @Field(() => String, { nullable: true, description: 'Id of a technique the model uses.' })
  technique?: string;

  @Field(() => Boolean, { nullable: true })
  openWeights?: boolean;

  @Field(() => String, { nullable: true, description: 'Released on or after this ISO date (2023, 2023-03, 2023-03-14).' })
  releasedAfter?: string;

  @Field(() => String, { nullable: true, description: 'Released on or before this ISO date.' })
  releasedBefore?: string;

  @Field(() => Number, { nullable: true })
  minParameters?: number;

  @Field(() => Number, { nullable: true })
  maxParameters?: number;
}

@InputType({ description: 'Filter for organizations, techniques and limitations.' })
export class EntityFilter {
  @Field(() => String, { nullable: true, description: NAME_CONTAINS })
  nameContains?: string;
}
