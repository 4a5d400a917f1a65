import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClaimRank } from '../../domain/registry.js';
import { QualityRule } from '../../quality/facts.js';

registerEnumType(ClaimRank, {
  name: 'ClaimRank',
  description: 'How a claim ranks among competing values of its attribute (as Wikidata ranks statements).',
});

registerEnumType(QualityRule, {
  name: 'QualityRule',
  description: 'A plausibility rule a value can fail; a failing value is kept as a claim but not served as a fact.',
  valuesConfig: {
    HEDGED_WORDS: { description: 'The citation’s own words hedge the value: a leak, a rumour, a guess.' },
    SIZE_IN_NAME: { description: 'The parameter count is three or more times away from the size in the model’s name.' },
    SIZE_VS_PARENT: { description: 'A fine-tune, adapter or quantization twenty or more times away from its parent’s size.' },
    AFTER_SOURCE_DATE: { description: 'A date after its source was written (or after today).' },
    VERSION_ORDER: { description: 'A later version of a developer’s line dated over a month before an earlier version’s first release.' },
    BEFORE_PARENT: { description: 'Released over a month before a model it derives from.' },
    CUTOFF_AFTER_RELEASE: { description: 'A knowledge cut-off after the release.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'Why a plausibility rule doubts a value.' })
export class QualityFlag {
  @Field(() => QualityRule)
  rule!: QualityRule;

  @Field(() => String, { description: 'One sentence naming what disagrees, e.g. "70B parameters, 10× above the 7B in the name".' })
  reason!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A source document, or a public web page for facts the documents do not state.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'File name of the source document.' })
  file?: string | null;

  // Its resolver points a document at /documents/<file> (SourceResolver).
  url?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The terms the source is shared under, as its publisher states them ("CC BY 4.0"); null when it states none.',
  })
  license?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Where in its source a quote stands: in a document, its lines and character offsets (checked against the served text); in a catalogue, its row and column.',
})
export class Locator {
  @Field(() => Int, { nullable: true, description: 'Document: the line (1-based) the quote starts on.' })
  line?: number | null;

  @Field(() => Int, { nullable: true, description: 'Document: the line the quote ends on.' })
  endLine?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Document: offset of the quote’s first character, in Unicode code points from the start of the document (0-based).',
  })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'Document: offset just past the quote’s last character (end exclusive).' })
  end?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Catalogue: the row key, as the importer names it ("row 457": CSV record 457, header = 0; "assets/ai2.yaml#3").',
  })
  row?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue: the column the fact was read from ("Parameters", "Base model").' })
  column?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where to read it: /documents/<file>#L69-L70 on this service for a document (the lines are highlighted), the catalogue’s page otherwise.',
  })
  url?: string | null;
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

  // Computed by CitationResolver from the source and the quote.
  locator?: Locator | null;
}

@ObjectType({ simpleResolvers: true, description: 'One cited value of a model attribute; contradicting sources give several claims.' })
export class AttributeClaim extends Citation {
  @Field(() => String)
  attribute!: string;

  @Field(() => String, { description: 'The claimed value as JSON text, e.g. 175000000000 or "2023-03".' })
  value!: string;

  @Field(() => ClaimRank, {
    description:
      'The attribute field returns the best-ranked believed value: never a hedged, deprecated or flagged one (null if no claim is believed).',
  })
  rank!: ClaimRank;

  @Field(() => String, { nullable: true, description: 'Why a DEPRECATED claim is kept but not believed.' })
  reason?: string | null;

  @Field(() => Boolean, { description: 'The source hedges: a rumour, a guess, "reportedly". A hedged value is never served as a fact.' })
  hedged!: boolean;

  @Field(() => [QualityFlag], { description: 'Plausibility rules the value fails; a flagged value is never served as a fact.' })
  flags!: QualityFlag[];
}
