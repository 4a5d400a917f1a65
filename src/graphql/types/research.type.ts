import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InfluenceMeasure, PeriodBucket, ReleaseGrouping } from '../../domain/measures.js';
import { Entity } from './entity.type.js';
import { Organization, Technique } from './entities.type.js';
import { Community } from './influence.type.js';

export { Community, Influence, KindCount } from './influence.type.js';

registerEnumType(PeriodBucket, { name: 'PeriodBucket', description: 'Calendar periods of a curve: years, or quarters ("2023-Q2").' });
registerEnumType(ReleaseGrouping, { name: 'ReleaseGrouping', description: 'How releases are split into series.' });
registerEnumType(InfluenceMeasure, {
  name: 'InfluenceMeasure',
  description:
    'PAGE_RANK over all domain relationships (pointing at what a node depends on), LINEAGE_PAGE_RANK over DERIVED_FROM only, BETWEENNESS (undirected, normalised), DESCENDANTS (distinct models derived, directly or not).',
});

@ObjectType({ simpleResolvers: true, description: 'One period of a curve.' })
export class PeriodCount {
  @Field(() => String, { description: '"2023" or "2023-Q2".' })
  period!: string;

  @Field(() => Int, { description: 'Events in this period.' })
  count!: number;

  @Field(() => Int, { description: 'Events up to and including this period.' })
  cumulative!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Models adopting a technique, per period of their release.' })
export class AdoptionCurve {
  @Field(() => Technique)
  technique!: Technique;

  @Field(() => [PeriodCount], { description: 'Every period from the earliest to the latest adoption among the techniques asked for.' })
  points!: PeriodCount[];

  @Field(() => Int, { description: 'Users left out: no release date, or one too coarse for the bucket (a bare year for QUARTER).' })
  undated!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Releases of one group (an organization, a country, open or closed weights) per period.',
})
export class ReleaseSeries {
  @Field(() => String, { description: 'Organization id, ISO country code ("unknown" when none), or open / closed / unknown.' })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [PeriodCount])
  points!: PeriodCount[];
}

@ObjectType({ simpleResolvers: true, description: 'Organization `from` builds on `to`: models of `from` are derived from models of `to`.' })
export class OrganizationLink {
  @Field(() => Organization)
  from!: Organization;

  @Field(() => Organization)
  to!: Organization;

  @Field(() => String, { nullable: true })
  fromCountry!: string | null;

  @Field(() => String, { nullable: true })
  toCountry!: string | null;

  @Field(() => Int, { description: 'Models of `from` derived from models of `to`.' })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Derivations between countries, summed over the organization links.' })
export class CountryFlow {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => Int)
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Which organizations build on which, and the flows between countries they imply.' })
export class OrganizationNetwork {
  @Field(() => [OrganizationLink])
  links!: OrganizationLink[];

  @Field(() => [CountryFlow], { description: 'Country to country, unknown countries left out.' })
  countryFlows!: CountryFlow[];
}

@ObjectType({ simpleResolvers: true, description: 'An entity and its score under one influence measure.' })
export class InfluenceRank {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How many of something have a value.' })
export class ValueCount {
  @Field(() => Int)
  value!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Fan-out of one lineage kind: how many parents have 1, 2, … children of that kind.' })
export class FanOutDistribution {
  @Field(() => String, { description: 'The lineage kind, or UNSPECIFIED.' })
  kind!: string;

  @Field(() => [ValueCount])
  distribution!: ValueCount[];

  @Field(() => Int)
  parents!: number;

  @Field(() => Int)
  children!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A lineage family: a root model and how far it spread.' })
export class LineageFamily {
  @Field(() => String)
  rootId!: string;

  @Field(() => Int)
  descendants!: number;

  @Field(() => Int, { description: 'Generations below the root.' })
  generations!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Depth and fan-out of the lineage forest, from the latest measures run.' })
export class LineageStats {
  @Field(() => [ValueCount], { description: 'Models per depth (generations above them).' })
  depth!: ValueCount[];

  @Field(() => [FanOutDistribution])
  fanOut!: FanOutDistribution[];

  @Field(() => [LineageFamily], { description: 'The 20 largest families.' })
  families!: LineageFamily[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'The latest computation of the graph measures, and the data version it was computed from.',
})
export class MeasuresRun {
  @Field(() => String, { description: 'The data version the measures were computed from.' })
  version!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The data version at which the measures describe the graph. Equal to the x-graph-version header of the same response: they are current; different: the graph has changed since, and they are being recomputed. Null for a run written before this field existed.',
  })
  graphVersion!: string | null;

  @Field(() => String, { description: 'ISO timestamp.' })
  computedAt!: string;

  @Field(() => Boolean, { description: 'False when betweenness was estimated from sampled sources (large graphs).' })
  betweennessExact!: boolean;

  @Field(() => Float, { description: 'Modularity of the Louvain partition.' })
  modularity!: number;

  @Field(() => [Community], { description: 'Largest first.' })
  communities!: Community[];

  @Field(() => LineageStats)
  lineage!: LineageStats;
}
