import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from './entity.type.js';
import { EntityType, RelationType } from '../../domain/registry.js';
import { ENTITY_CLASSES, Limitation, Model, Organization, STATEMENT_CLASSES, Technique } from './entities.type.js';
import type { EntityRecord } from './entity.type.js';

export enum TimelineEvent {
  RELEASED = 'RELEASED',
  FIRST_ADOPTED = 'FIRST_ADOPTED',
}
registerEnumType(TimelineEvent, {
  name: 'TimelineEvent',
  description: 'RELEASED for a model; FIRST_ADOPTED for a technique, dated by its earliest dated user.',
});

@ObjectType({ simpleResolvers: true, description: 'One dated event of the timeline.' })
export class TimelineEntry {
  @Field(() => String, { description: 'ISO date, as precise as the source: 2023, 2023-03 or 2023-03-14.' })
  date!: string;

  @Field(() => Entity, { description: 'A model (RELEASED) or a technique (FIRST_ADOPTED).' })
  entity!: Entity;

  @Field(() => TimelineEvent)
  event!: TimelineEvent;
}

@ObjectType({ simpleResolvers: true, description: 'How many models of a year use something.' })
export class YearCount {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How widely a technique is used, and since when.' })
export class TechniqueAdoption {
  @Field(() => Technique)
  technique!: Technique;

  @Field(() => Int, { description: 'Models that use it.' })
  modelCount!: number;

  @Field(() => Int, { description: 'Distinct developers of the models that use it.' })
  organizationCount!: number;

  @Field(() => Model, {
    nullable: true,
    description: 'The earliest-released model using it; null when none of its users has a release date.',
  })
  firstAdopter?: Model | null;

  @Field(() => String, { nullable: true, description: 'Release date of firstAdopter.' })
  firstAdoptedOn?: string | null;

  @Field(() => [YearCount], { description: 'Dated models using it, per release year, oldest first.' })
  byYear!: YearCount[];
}

@ObjectType({ simpleResolvers: true, description: 'A limitation and the techniques that mitigate it.' })
export class MitigationRow {
  @Field(() => Limitation)
  limitation!: Limitation;

  @Field(() => [Technique], { description: 'Empty when nothing in the graph mitigates it.' })
  techniques!: Technique[];
}

@ObjectType({ simpleResolvers: true, description: 'A technique and how many models use it.' })
export class TechniqueCount {
  @Field(() => Technique)
  technique!: Technique;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An organization and how many derivation links lead to its models.' })
export class OrganizationCount {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An organization’s models, techniques, partners and the work it builds on.' })
export class OrganizationProfile {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => [Model], { description: 'Models it developed, by name.' })
  models!: Model[];

  @Field(() => [TechniqueCount], { description: 'Techniques its models use most, with the number of its models using each; at most 10.' })
  favouriteTechniques!: TechniqueCount[];

  @Field(() => [Organization])
  collaborators!: Organization[];

  @Field(() => [OrganizationCount], {
    description: 'Other organizations whose models its models derive from (DERIVED_FROM), counting the derivation links; most first.',
  })
  buildsOnOrganizations!: OrganizationCount[];

  @Field(() => String, { nullable: true, description: 'Earliest release date of its models.' })
  firstRelease?: string | null;

  @Field(() => String, { nullable: true, description: 'Latest release date of its models.' })
  latestRelease?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An entity and its number of domain relationships (citations excluded).' })
export class EntityDegree {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int)
  degree!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A technique or limitation, and whether each compared model has it.' })
export class ComparisonRow {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => [Boolean], { description: 'present[i] is for models[i].' })
  present!: boolean[];
}

@ObjectType({ simpleResolvers: true, description: 'A benchmark, and each compared model’s best-ranked result on it.' })
export class BenchmarkComparisonRow {
  @Field(() => ENTITY_CLASSES[EntityType.BENCHMARK])
  benchmark!: EntityRecord;

  @Field(() => [STATEMENT_CLASSES[RelationType.SCORED_ON]], {
    nullable: 'items',
    description:
      'results[i] is models[i]’s preferred result (independently measured over self-reported, then newer); null when it has none.',
  })
  results!: Array<Record<string, unknown> | null>;
}

@ObjectType({ simpleResolvers: true, description: 'Models side by side.' })
export class ModelComparison {
  @Field(() => [Model], { description: 'In the order of the ids given.' })
  models!: Model[];

  @Field(() => [Technique], { description: 'Techniques every one of the models uses.' })
  sharedTechniques!: Technique[];

  @Field(() => [ComparisonRow], { description: 'One row per technique any of the models uses, by name.' })
  techniqueRows!: ComparisonRow[];

  @Field(() => [ComparisonRow], { description: 'One row per limitation any of the models has, by name.' })
  limitationRows!: ComparisonRow[];

  @Field(() => [BenchmarkComparisonRow], { description: 'One row per benchmark any of the models has a result on, by name.' })
  benchmarkRows!: BenchmarkComparisonRow[];
}
