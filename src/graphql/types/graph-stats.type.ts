import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'How many nodes carry a label, or how many relationships have a type.' })
export class LabelCount {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Which data the service serves: cite the release when there is one, else the data version and how the graph was loaded.',
})
export class DataVersion {
  @Field(() => String, { description: 'The data version every response carries in x-graph-version; every write moves it.' })
  graphVersion!: string;

  @Field(() => String, { nullable: true, description: 'When the graph was loaded (ISO timestamp); null before the first load finished.' })
  loadedAt?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The data release the graph was loaded from (`npm run release -- --load`), e.g. 2026.12.07.',
  })
  release?: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the documents’ dataset (seed/) the graph was loaded from.' })
  seedHash?: string | null;

  @Field(() => [String], { description: 'Catalogues loaded with the documents (DEFAULT_CATALOGUES), e.g. ["epoch"].' })
  catalogues!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'Size of the knowledge graph.' })
export class GraphStats {
  @Field(() => [LabelCount])
  nodes!: LabelCount[];

  @Field(() => [LabelCount])
  relationships!: LabelCount[];
}
