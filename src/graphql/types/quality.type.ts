import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { QualityRule } from '../../quality/facts.js';
import { Source } from './citation.type.js';
import { PageInfo } from './connection.type.js';
import { EntityType } from './enums.js';

@InputType({ description: 'All given conditions must hold.' })
export class DataQualityFilter {
  @Field(() => QualityRule, { nullable: true })
  rule?: QualityRule;

  @Field(() => EntityType, { nullable: true, description: 'The kind of entity, e.g. MODEL.' })
  type?: EntityType;

  @Field(() => String, { nullable: true, description: 'The attribute, e.g. parameters or releaseDate.' })
  attribute?: string;

  @Field(() => ID, { nullable: true })
  entityId?: string;
}

@ObjectType({ simpleResolvers: true, description: 'A cited value a plausibility rule doubts: kept as a claim, not served as a fact.' })
export class QualityIssue {
  @Field(() => ID)
  entityId!: string;

  @Field(() => String)
  entityName!: string;

  @Field(() => EntityType)
  entityType!: EntityType;

  @Field(() => String)
  attribute!: string;

  @Field(() => String, { description: 'The doubted value as JSON text, e.g. 70000000000 or "2024-01-31".' })
  value!: string;

  @Field(() => QualityRule)
  rule!: QualityRule;

  @Field(() => String, { description: 'Why the rule doubts it, naming what it disagrees with.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The value the attribute shows instead (JSON text), from a believed claim; null when it shows none.',
  })
  shownInstead?: string | null;

  @Field(() => Source, { description: 'The source making the claim.' })
  source!: Source;
}

@ObjectType({ simpleResolvers: true })
export class QualityIssueEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => QualityIssue)
  node!: QualityIssue;
}

@ObjectType({ simpleResolvers: true })
export class RuleCount {
  @Field(() => QualityRule)
  rule!: QualityRule;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class QualityIssueConnection {
  @Field(() => [QualityIssueEdge])
  edges!: QualityIssueEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Doubted values matching the filter across all pages (a value failing two rules counts twice).' })
  totalCount!: number;

  @Field(() => [RuleCount], { description: 'The matches by rule.' })
  byRule!: RuleCount[];
}
