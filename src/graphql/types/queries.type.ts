import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './connection.type.js';
import { Entity } from './entity.type.js';
import { Model, Technique } from './entities.type.js';
import { LineageDirection, LineageKind } from './enums.js';

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => Float)
  score!: number;

  @Field(() => Entity)
  entity!: Entity;
}

@ObjectType({ simpleResolvers: true, description: 'One model reached by a lineage walk.' })
export class LineageStep {
  @Field(() => Model)
  model!: Model;

  @Field(() => Int, { description: 'Generations away from the start model (1 = parent or child).' })
  depth!: number;

  @Field(() => LineageKind, { description: 'Kind of the link that reached this model.' })
  kind!: LineageKind;

  @Field(() => Model, { nullable: true, description: 'The model one step closer to the start; null for direct links.' })
  via?: Model | null;

  @Field(() => LineageDirection, { description: 'ANCESTORS or DESCENDANTS.' })
  direction!: LineageDirection;
}

@ObjectType({ simpleResolvers: true })
export class LineageStepEdge {
  @Field(() => String, { description: 'Opaque cursor of this step; pass it as `after` for the steps that follow.' })
  cursor!: string;

  @Field(() => LineageStep)
  node!: LineageStep;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of a lineage, nearest first; `pageInfo.hasNextPage` says the page was cut and more steps follow.',
})
export class LineageStepConnection {
  @Field(() => [LineageStepEdge])
  edges!: LineageStepEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ simpleResolvers: true })
export class SimilarModel {
  @Field(() => Model)
  model!: Model;

  @Field(() => Float, { description: 'Jaccard similarity of the two models’ technique sets.' })
  score!: number;

  @Field(() => [Technique])
  shared!: Technique[];
}
