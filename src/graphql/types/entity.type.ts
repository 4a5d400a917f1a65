import { Field, ID, InterfaceType } from 'type-graphql';
import { EntityType } from './enums.js';
import { Citation } from './citation.type.js';
import { Influence } from './influence.type.js';
import { TYPE_NAME } from '../selection.js';

/** What repositories return for an entity: its properties, its kind, and any prefetched fields. */
export interface EntityRecord {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  __type: EntityType;
  [field: string]: unknown;
}

/** The GraphQL object type of an entity value, from the kind every projection carries. */
export const resolveEntityType = (value: EntityRecord): string => TYPE_NAME[value.__type];

@InterfaceType({
  description: 'Anything in the graph with an id: models, organizations, techniques and limitations.',
  resolveType: resolveEntityType,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable slug, unique across all kinds, e.g. gpt-4, zhipu-ai, rope.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Other names the sources use, including Chinese names.' })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => [Citation], { description: 'Where the sources mention this entity.' })
  sources!: Citation[];

  @Field(() => Influence, {
    nullable: true,
    description:
      'Its stored graph measures (PageRank, betweenness, community, lineage), read with the entity in the same statement; null until the measures have been computed. Measured on the whole current graph, whatever the query asks as of.',
  })
  influence?: Influence | null;
}
