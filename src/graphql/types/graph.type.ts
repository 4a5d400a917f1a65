import { Field, ID, ObjectType } from 'type-graphql';
import { Citation } from './citation.type.js';
import { EntityType, LineageKind, RelationType } from './enums.js';
import { Influence } from './influence.type.js';

@ObjectType({ simpleResolvers: true, description: 'A node ready for a visualization library.' })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  label!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => Influence, {
    nullable: true,
    description: 'Its stored graph measures, for sizes and colours (PageRank, community); null until computed.',
  })
  influence?: Influence | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When it enters the graph for as-of questions: a release date, a technique’s first adoption; null for kinds without dates (organizations, limitations, datasets) and undated entities.',
  })
  date?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship between two nodes of the same Graph.' })
export class GraphEdge {
  @Field(() => ID, {
    description:
      'Stable across queries and reloads ("source:TYPE:target"); unique even where two nodes are joined by several relationships of different types, so a multigraph library can use it as the edge key.',
  })
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => LineageKind, { nullable: true, description: 'For DERIVED_FROM: how the model derives from its parent; null otherwise.' })
  kind?: LineageKind | null;

  @Field(() => [Citation])
  citations!: Citation[];
}

@ObjectType({ simpleResolvers: true, description: 'Nodes and edges, each once; every edge joins two nodes of this graph.' })
export class Graph {
  @Field(() => [GraphNode], { description: 'For a path: in path order.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the limit cut the result.' })
  truncated!: boolean;
}
