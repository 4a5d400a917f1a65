import { Field, Float, Int, ObjectType } from 'type-graphql';

/** The stored graph measures as GraphQL types: here, apart from the research types, because every entity type has `influence`. */

@ObjectType({ simpleResolvers: true, description: 'A Louvain community of the whole graph, labelled by its most central members.' })
export class Community {
  @Field(() => Int)
  id!: number;

  @Field(() => String, { description: 'Names of its three members with the highest PageRank.' })
  label!: string;

  @Field(() => Int)
  size!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Children of one lineage kind.' })
export class KindCount {
  @Field(() => String)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The stored measures of one entity, as of the measures run named by `version`.' })
export class Influence {
  @Field(() => String)
  id!: string;

  @Field(() => Float, { description: 'PageRank over all domain relationships.' })
  pageRank!: number;

  @Field(() => Float, { nullable: true, description: 'PageRank over DERIVED_FROM only; null outside the lineage.' })
  lineagePageRank!: number | null;

  @Field(() => Float, { description: 'Normalised betweenness (estimated from sampled sources on large graphs).' })
  betweenness!: number;

  @Field(() => Community, { nullable: true })
  community!: Community | null;

  @Field(() => Int, { nullable: true, description: 'Generations above it; null outside the lineage.' })
  lineageDepth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct models derived from it, directly or not.' })
  descendants!: number | null;

  // Its resolver decodes the stored JSON (InfluenceResolver).
  fanOut!: KindCount[];

  @Field(() => String, { description: 'Data version the measures were computed from.' })
  version!: string;

  @Field(() => String, { description: 'When they were computed (ISO timestamp).' })
  computedAt!: string;
}
