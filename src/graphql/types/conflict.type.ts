import { Field, Float, ObjectType } from 'type-graphql';
import { Source } from './citation.type.js';

@ObjectType({ simpleResolvers: true, description: 'One value sources claim for a contested attribute.' })
export class ConflictValue {
  @Field(() => String, { description: 'The claimed value as JSON text, e.g. "2023-03".' })
  value!: string;

  @Field(() => Float, { description: 'The strongest confidence any source gives this value.' })
  confidence!: number;

  @Field(() => Boolean, { description: 'Whether the entity shows this value (the most confident claim).' })
  preferred!: boolean;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'An attribute of an entity whose sources disagree: a document and a catalogue, or two documents.',
})
export class Conflict {
  @Field(() => String)
  entityId!: string;

  @Field(() => String)
  entityName!: string;

  @Field(() => String, { description: 'The entity kind, e.g. MODEL.' })
  entityType!: string;

  @Field(() => String)
  attribute!: string;

  @Field(() => [ConflictValue], { description: 'The values, most confident first.' })
  values!: ConflictValue[];
}
