import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'How many nodes carry a label, or how many relationships have a type.' })
export class LabelCount {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Size of the knowledge graph.' })
export class GraphStats {
  @Field(() => [LabelCount])
  nodes!: LabelCount[];

  @Field(() => [LabelCount])
  relationships!: LabelCount[];
}
