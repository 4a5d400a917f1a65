import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EntityType, RelationType } from '../../domain/registry.js';
import { PageInfo } from './connection.type.js';
import { ENTITY_CLASSES, STATEMENT_CLASSES } from './entities.type.js';
import type { EntityRecord } from './entity.type.js';

const BenchmarkResult = STATEMENT_CLASSES[RelationType.SCORED_ON];

@InputType({ description: 'Which results enter a leaderboard; all given conditions must hold.' })
export class LeaderboardFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only models whose weights are open (true) or closed (false).' })
  openWeights?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'A developing organization, by id or by name (any case, aliases too); its labs and divisions count too unless includeUnits is false.',
  })
  developer?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  includeUnits?: boolean;

  @Field(() => String, { nullable: true, description: 'Models released on or before this ISO date (2024, 2024-06, 2024-06-30).' })
  releasedBefore?: string;

  @Field(() => String, { nullable: true, description: 'Models released on or after this ISO date.' })
  releasedAfter?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only self-reported results (true), or only independently measured ones (false).' })
  selfReported?: boolean;

  @Field(() => String, { nullable: true, description: 'Only results on this version or subset of the benchmark ("2025-02-28 Private").' })
  benchmarkVersion?: string;
}

@ObjectType({ simpleResolvers: true, description: 'A model’s place on a benchmark’s leaderboard, with the result that puts it there.' })
export class LeaderboardEntry {
  @Field(() => Int, { description: '1 for the best score (by the benchmark’s direction), among the entries the filter keeps.' })
  position!: number;

  @Field(() => ENTITY_CLASSES[EntityType.MODEL])
  model!: EntityRecord;

  @Field(() => BenchmarkResult, {
    description: 'Its best-ranked result among those the filter keeps (independently measured over self-reported, then newer over older).',
  })
  result!: Record<string, unknown>;

  @Field(() => Int, { description: 'How many of its results on the benchmark the filter keeps.' })
  results!: number;
}

@ObjectType({ simpleResolvers: true })
export class LeaderboardEdge {
  @Field(() => String, { description: 'Opaque keyset cursor.' })
  cursor!: string;

  @Field(() => LeaderboardEntry)
  node!: LeaderboardEntry;
}

@ObjectType('LeaderboardConnection', { simpleResolvers: true, description: 'A benchmark’s results, ranked, a page at a time.' })
export class Leaderboard {
  @Field(() => ENTITY_CLASSES[EntityType.BENCHMARK])
  benchmark!: EntityRecord;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether a higher score is better (the order of the entries); null when nobody curated the benchmark (ordered as if true).',
  })
  higherIsBetter?: boolean | null;

  @Field(() => [LeaderboardEdge])
  edges!: LeaderboardEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Entries across all pages.' })
  totalCount!: number;
}
