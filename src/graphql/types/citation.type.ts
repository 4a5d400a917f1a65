import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ClaimRank } from '../../domain/registry.js';

registerEnumType(ClaimRank, {
  name: 'ClaimRank',
  description: 'How a claim ranks among competing values of its attribute (as Wikidata ranks statements).',
});

@ObjectType({ simpleResolvers: true, description: 'A source document, or a public web page for facts the documents do not state.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'File name of the source document.' })
  file?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true })
  date?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Where a fact comes from: text copied from a source, and/or a curator’s note about a web page.',
})
export class Citation {
  @Field(() => Source)
  source!: Source;

  @Field(() => String, {
    nullable: true,
    description: 'Text copied verbatim from the source; null when the citation holds only a curator’s note.',
  })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'The curator’s own words about the source; never a quote.' })
  note?: string | null;

  @Field(() => Float, { description: '1 when the source states the fact plainly; lower where it hedges.' })
  confidence!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One cited value of a model attribute; contradicting sources give several claims.' })
export class AttributeClaim extends Citation {
  @Field(() => String)
  attribute!: string;

  @Field(() => String, { description: 'The claimed value as JSON text, e.g. 175000000000 or "2023-03".' })
  value!: string;

  @Field(() => ClaimRank, { description: 'The attribute field returns the best-ranked value; a hedged one never beats a stated one.' })
  rank!: ClaimRank;

  @Field(() => String, { nullable: true, description: 'Why a DEPRECATED claim is kept but not believed.' })
  reason?: string | null;

  @Field(() => Boolean, { description: 'The source hedges: a rumour, a guess, "reportedly".' })
  hedged!: boolean;
}
