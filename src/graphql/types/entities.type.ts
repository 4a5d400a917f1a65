import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AttributeClaim, Citation } from './citation.type.js';
import { Entity } from './entity.type.js';
import { LineageKind } from './enums.js';

@ObjectType({ implements: Entity, description: 'A large language model or a product built on one.' })
export class Model extends Entity {
  @Field(() => Float, { nullable: true, description: 'Total parameter count, e.g. 175000000000.' })
  parameters?: number | null;

  @Field(() => Int, { nullable: true, description: 'Context window in tokens.' })
  contextWindow?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO date, as precise as the source: 2023, 2023-03 or 2023-11-07.' })
  releaseDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  openWeights?: boolean | null;

  @Field(() => [String])
  modalities!: string[];

  @Field(() => Float, { nullable: true })
  trainingTokens?: number | null;

  @Field(() => [AttributeClaim], { description: 'Every cited value of every attribute, contradictions included.' })
  claims!: AttributeClaim[];

  @Field(() => [Organization])
  developers!: Organization[];

  @Field(() => [Technique])
  techniques!: Technique[];

  @Field(() => [Limitation])
  limitations!: Limitation[];

  @Field(() => [Model], { description: 'Models a source sets against this one.' })
  competitors!: Model[];

  @Field(() => [LineageLink], { description: 'Models this one derives from.' })
  parents!: LineageLink[];

  @Field(() => [LineageLink], { description: 'Models derived from this one.' })
  children!: LineageLink[];
}

@ObjectType({ implements: Entity })
export class Organization extends Entity {
  @Field(() => String, { nullable: true, description: 'ISO 3166 country code.' })
  country?: string | null;

  @Field(() => [Model])
  models!: Model[];

  @Field(() => [Organization])
  collaborators!: Organization[];

  @Field(() => [Organization])
  investsIn!: Organization[];

  @Field(() => [Organization])
  investors!: Organization[];

  @Field(() => [Technique])
  proposedTechniques!: Technique[];
}

@ObjectType({ implements: Entity })
export class Technique extends Entity {
  @Field(() => String, { nullable: true, description: 'ARCHITECTURE, TRAINING, ALIGNMENT, INFERENCE, DATA, APPLICATION or EFFICIENCY.' })
  category?: string | null;

  @Field(() => [Model])
  usedBy!: Model[];

  @Field(() => [Limitation])
  mitigates!: Limitation[];

  @Field(() => [Technique])
  buildsOn!: Technique[];

  @Field(() => [Technique])
  builtUponBy!: Technique[];

  @Field(() => [Organization])
  proposedBy!: Organization[];
}

@ObjectType({ implements: Entity })
export class Limitation extends Entity {
  @Field(() => [Technique])
  mitigatedBy!: Technique[];

  @Field(() => [Model])
  affects!: Model[];
}

@ObjectType({ description: 'A lineage relationship seen from one model: the other model and how they relate.' })
export class LineageLink {
  @Field(() => Model)
  model!: Model;

  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => [Citation])
  citations!: Citation[];
}
