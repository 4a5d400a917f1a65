import { Field, Float, ObjectType } from 'type-graphql';
import { ClaimRank } from '../../domain/registry.js';
import { QualityFlag, Source } from './citation.type.js';

@ObjectType({ simpleResolvers: true, description: 'One value sources claim for a contested attribute.' })
export class ConflictValue {
  @Field(() => String, { description: 'The claimed value as JSON text, e.g. "2023-03".' })
  value!: string;

  @Field(() => Float, { description: 'The strongest confidence any source gives this value.' })
  confidence!: number;

  @Field(() => Boolean, {
    description: 'Whether the entity shows this value (the best believed claim; hedged and flagged values never are).',
  })
  preferred!: boolean;

  @Field(() => ClaimRank, { description: 'The best rank any claim of this value has.' })
  rank!: ClaimRank;

  @Field(() => Boolean, { description: 'Every source of this value hedges it (a rumour, a leak).' })
  hedged!: boolean;

  @Field(() => [QualityFlag], { description: 'Plausibility rules this value fails.' })
  flags!: QualityFlag[];

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

  @Field(() => Float, {
    description:
      'How far apart the most distant values are, compared at their stated precision: dates in years between them, ' +
      'counts as log10 of their ratio, other values 1. 0 when they differ only in precision (2023-03 and 2023-03-15, 540B and 540.35B).',
  })
  severity!: number;

  @Field(() => [ConflictValue], { description: 'The values, most confident first.' })
  values!: ConflictValue[];
}
