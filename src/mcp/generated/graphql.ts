/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a claim ranks among competing values of its attribute (as Wikidata ranks statements). */
export type ClaimRank =
  | 'DEPRECATED'
  | 'NORMAL'
  | 'PREFERRED';

/** All given conditions must hold. */
export type DataQualityFilter = {
  /** The attribute, e.g. parameters or releaseDate. */
  attribute?: string | null | undefined;
  entityId?: string | number | null | undefined;
  rule?: QualityRule | null | undefined;
  /** The kind of entity, e.g. MODEL. */
  type?: EntityType | null | undefined;
};

/** The kinds of entity in the graph. */
export type EntityType =
  | 'BENCHMARK'
  | 'DATASET'
  | 'LIMITATION'
  | 'MODEL'
  | 'OFFERING'
  | 'ORGANIZATION'
  | 'PRODUCT'
  | 'SERIES'
  | 'TECHNIQUE';

/** Which results enter a leaderboard; all given conditions must hold. */
export type LeaderboardFilter = {
  /** Only results on this version or subset of the benchmark ("2025-02-28 Private"). */
  benchmarkVersion?: string | null | undefined;
  /** A developing organization, by id or by name (any case, aliases too); its labs and divisions count too unless includeUnits is false. */
  developer?: string | null | undefined;
  includeUnits?: boolean | null | undefined;
  /** Only models whose weights are open (true) or closed (false). */
  openWeights?: boolean | null | undefined;
  /** Models released on or after this ISO date. */
  releasedAfter?: string | null | undefined;
  /** Models released on or before this ISO date (2024, 2024-06, 2024-06-30). */
  releasedBefore?: string | null | undefined;
  /** Only self-reported results (true), or only independently measured ones (false). */
  selfReported?: boolean | null | undefined;
};

export type LineageDirection =
  | 'ANCESTORS'
  | 'BOTH'
  | 'DESCENDANTS';

/** How a model derives from its parent. */
export type LineageKind =
  | 'ADAPTER'
  | 'DISTILLATION'
  | 'FINE_TUNE'
  | 'LONG_CONTEXT'
  | 'MERGE'
  | 'MULTIMODAL'
  | 'QUANTIZED'
  | 'SCALE_UP'
  | 'SUCCESSOR'
  | 'VARIANT';

/** A plausibility rule a value can fail; a failing value is kept as a claim but not served as a fact. */
export type QualityRule =
  /** A date after its source was written (or after today). */
  | 'AFTER_SOURCE_DATE'
  /** Released over a month before a model it derives from. */
  | 'BEFORE_PARENT'
  /** A knowledge cut-off after the release. */
  | 'CUTOFF_AFTER_RELEASE'
  /** The citation’s own words hedge the value: a leak, a rumour, a guess. */
  | 'HEDGED_WORDS'
  /** The parameter count is three or more times away from the size in the model’s name. */
  | 'SIZE_IN_NAME'
  /** A fine-tune, adapter or quantization twenty or more times away from its parent’s size. */
  | 'SIZE_VS_PARENT'
  /** A later version of a developer’s line dated over a month before an earlier version’s first release. */
  | 'VERSION_ORDER';

/** Relationship types between entities. */
export type RelationType =
  | 'BUILDS_ON'
  | 'COLLABORATES_WITH'
  | 'COMPETES_WITH'
  | 'DERIVED_FROM'
  | 'DEVELOPED_BY'
  | 'HAS_LIMITATION'
  | 'INVESTS_IN'
  | 'MEMBER_OF'
  | 'MITIGATES'
  | 'OFFERED_BY'
  | 'PART_OF'
  | 'POWERED_BY'
  | 'PROPOSED_BY'
  | 'SCORED_ON'
  | 'SERVES'
  | 'TRAINED_ON'
  | 'USES';

/** What part of building or running a model a technique concerns. */
export type TechniqueCategory =
  | 'ALIGNMENT'
  | 'APPLICATION'
  | 'ARCHITECTURE'
  | 'DATA'
  | 'EFFICIENCY'
  | 'INFERENCE'
  | 'TRAINING';

export type McpCitationFragment = { quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null };

export type McpClaimFragment = { attribute: string, value: string, rank: ClaimRank, hedged: boolean, quote: string | null, note: string | null, flags: Array<{ rule: QualityRule, reason: string }>, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null };

export type McpGraphFragment = { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null }>, edges: Array<{ source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> };

export type McpModelFactsFragment = { id: string, name: string, releaseDate: string | null, parameters: number | null, contextWindow: number | null, openWeights: boolean | null, claims: Array<{ attribute: string, value: string, rank: ClaimRank, hedged: boolean, quote: string | null, note: string | null, flags: Array<{ rule: QualityRule, reason: string }>, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }>, developersLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> };

export type McpSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  types?: Array<EntityType> | EntityType | null | undefined;
}>;


export type McpSearchQuery = { search: Array<{ score: number, entity:
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { releaseDate: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, developers: Array<{ name: string }> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
     }> };

export type McpEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type McpEntityQuery = { entity:
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, releaseDate: string | null, parameters: number | null, contextWindow: number | null, openWeights: boolean | null, parents: Array<{ kind: LineageKind, model: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, techniquesLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, limitationsLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }>, claims: Array<{ attribute: string, value: string, rank: ClaimRank, hedged: boolean, quote: string | null, note: string | null, flags: Array<{ rule: QualityRule, reason: string }>, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }>, developersLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { country: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, claims: Array<{ attribute: string, value: string, rank: ClaimRank, hedged: boolean, quote: string | null, note: string | null, flags: Array<{ rule: QualityRule, reason: string }>, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }>, partOfLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
    | { category: TechniqueCategory | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, proposedByLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, mitigatesLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }
   | null };

export type McpLineageQueryVariables = Exact<{
  modelId: string | number;
  direction?: LineageDirection | null | undefined;
  maxDepth?: number | null | undefined;
}>;


export type McpLineageQuery = { model: { id: string, name: string } | null, lineageGraph: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null }>, edges: Array<{ source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> } };

export type McpPathQueryVariables = Exact<{
  fromId: string | number;
  toId: string | number;
  maxDepth?: number | null | undefined;
}>;


export type McpPathQuery = { from:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, to:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, path: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null }>, edges: Array<{ source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> } | null };

export type McpNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  types?: Array<RelationType> | RelationType | null | undefined;
}>;


export type McpNeighbourhoodQuery = { entity:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null }>, edges: Array<{ source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> } };

export type McpSharedTechniquesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type McpSharedTechniquesQuery = { compareModels: { models: Array<{ id: string, name: string, techniquesLinks: Array<{ node: { id: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> }>, sharedTechniques: Array<{ id: string, name: string }> } };

export type McpCompareQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type McpCompareQuery = { compareModels: { models: Array<{ id: string, name: string, releaseDate: string | null, parameters: number | null, contextWindow: number | null, openWeights: boolean | null, claims: Array<{ attribute: string, value: string, rank: ClaimRank, hedged: boolean, quote: string | null, note: string | null, flags: Array<{ rule: QualityRule, reason: string }>, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }>, developersLinks: Array<{ node: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> }>, techniqueRows: Array<{ present: Array<boolean>, entity:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }>, limitationRows: Array<{ present: Array<boolean>, entity:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };

export type McpConflictsQueryVariables = Exact<{
  first?: number | null | undefined;
  includePrecision?: boolean | null | undefined;
}>;


export type McpConflictsQuery = { conflicts: Array<{ entityId: string, entityName: string, entityType: string, attribute: string, severity: number, values: Array<{ value: string, rank: ClaimRank, preferred: boolean, hedged: boolean, sources: Array<{ id: string, title: string | null, file: string | null, url: string | null }> }> }> };

export type McpDataQualityQueryVariables = Exact<{
  where?: DataQualityFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type McpDataQualityQuery = { dataQuality: { totalCount: number, byRule: Array<{ rule: QualityRule, count: number }>, edges: Array<{ node: { entityId: string, entityName: string, entityType: EntityType, attribute: string, value: string, rule: QualityRule, reason: string, shownInstead: string | null, source: { id: string, title: string | null, file: string | null, url: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type McpResultFragment = { score: string, metric: string | null, rank: number, selfReported: boolean, measuredBy: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, modelVersion: string | null, scorer: string | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> };

export type McpLeaderboardQueryVariables = Exact<{
  benchmark: string | number;
  first: number;
  after?: string | null | undefined;
  where?: LeaderboardFilter | null | undefined;
}>;


export type McpLeaderboardQuery = { leaderboard: { higherIsBetter: boolean | null, totalCount: number, benchmark: { id: string, name: string, metric: string | null }, edges: Array<{ node: { position: number, results: number, model: { id: string, name: string, releaseDate: string | null }, result: { score: string, metric: string | null, rank: number, selfReported: boolean, measuredBy: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, modelVersion: string | null, scorer: string | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type McpModelResultsQueryVariables = Exact<{
  id: string | number;
}>;


export type McpModelResultsQuery = { entity:
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType, benchmarks: Array<{ score: string, metric: string | null, rank: number, selfReported: boolean, measuredBy: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, modelVersion: string | null, scorer: string | null, benchmark: { id: string, name: string }, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null }, locator: { line: number | null, row: string | null, column: string | null, url: string | null } | null }> }> }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
    | { id: string, name: string, type: EntityType }
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const McpCitationFragmentDoc = new TypedDocumentString(`
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
    `, {"fragmentName":"McpCitation"}) as unknown as TypedDocumentString<McpCitationFragment, unknown>;
export const McpGraphFragmentDoc = new TypedDocumentString(`
    fragment McpGraph on Graph {
  nodes {
    id
    label
    type
    date
  }
  edges {
    source
    target
    type
    kind
    citations {
      ...McpCitation
    }
  }
  truncated
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}`, {"fragmentName":"McpGraph"}) as unknown as TypedDocumentString<McpGraphFragment, unknown>;
export const McpClaimFragmentDoc = new TypedDocumentString(`
    fragment McpClaim on AttributeClaim {
  attribute
  value
  rank
  hedged
  flags {
    rule
    reason
  }
  quote
  note
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
    `, {"fragmentName":"McpClaim"}) as unknown as TypedDocumentString<McpClaimFragment, unknown>;
export const McpModelFactsFragmentDoc = new TypedDocumentString(`
    fragment McpModelFacts on Model {
  id
  name
  releaseDate
  parameters
  contextWindow
  openWeights
  claims {
    ...McpClaim
  }
  developersLinks {
    node {
      id
      name
    }
    citations {
      ...McpCitation
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpClaim on AttributeClaim {
  attribute
  value
  rank
  hedged
  flags {
    rule
    reason
  }
  quote
  note
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}`, {"fragmentName":"McpModelFacts"}) as unknown as TypedDocumentString<McpModelFactsFragment, unknown>;
export const McpResultFragmentDoc = new TypedDocumentString(`
    fragment McpResult on BenchmarkResult {
  score
  metric
  rank
  selfReported
  measuredBy
  date
  shots
  benchmarkVersion
  modelVersion
  scorer
  citations {
    ...McpCitation
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}`, {"fragmentName":"McpResult"}) as unknown as TypedDocumentString<McpResultFragment, unknown>;
export const McpSearchDocument = new TypedDocumentString(`
    query McpSearch($query: String!, $first: Int, $types: [EntityType!]) {
  search(query: $query, first: $first, types: $types) {
    score
    entity {
      id
      name
      type
      aliases
      ... on Model {
        releaseDate
        developers {
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:b3e019c2975dacfa88d00982ef975f8d55645977eb2c7157053deb7308329d43"}) as unknown as TypedDocumentString<McpSearchQuery, McpSearchQueryVariables>;
export const McpEntityDocument = new TypedDocumentString(`
    query McpEntity($id: ID!) {
  entity(id: $id) {
    id
    name
    type
    aliases
    description
    sources {
      ...McpCitation
    }
    ... on Model {
      ...McpModelFacts
      parents {
        kind
        model {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
      techniquesLinks {
        node {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
      limitationsLinks {
        node {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
    }
    ... on Organization {
      country
      claims {
        ...McpClaim
      }
      partOfLinks {
        node {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
    }
    ... on Technique {
      category
      proposedByLinks {
        node {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
      mitigatesLinks {
        node {
          id
          name
        }
        citations {
          ...McpCitation
        }
      }
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpClaim on AttributeClaim {
  attribute
  value
  rank
  hedged
  flags {
    rule
    reason
  }
  quote
  note
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpModelFacts on Model {
  id
  name
  releaseDate
  parameters
  contextWindow
  openWeights
  claims {
    ...McpClaim
  }
  developersLinks {
    node {
      id
      name
    }
    citations {
      ...McpCitation
    }
  }
}`, {"hash":"sha256:525f2610efc8470cb9281a019bdaf0910e61b764b6d51f14b194656da6b34d80"}) as unknown as TypedDocumentString<McpEntityQuery, McpEntityQueryVariables>;
export const McpLineageDocument = new TypedDocumentString(`
    query McpLineage($modelId: ID!, $direction: LineageDirection, $maxDepth: Int) {
  model(id: $modelId) {
    id
    name
  }
  lineageGraph(modelId: $modelId, direction: $direction, maxDepth: $maxDepth) {
    ...McpGraph
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpGraph on Graph {
  nodes {
    id
    label
    type
    date
  }
  edges {
    source
    target
    type
    kind
    citations {
      ...McpCitation
    }
  }
  truncated
}`, {"hash":"sha256:3d3d6963d49534ef01b41a1d5ab03f7d11477f0a6a32e51b79d932186b56318e"}) as unknown as TypedDocumentString<McpLineageQuery, McpLineageQueryVariables>;
export const McpPathDocument = new TypedDocumentString(`
    query McpPath($fromId: ID!, $toId: ID!, $maxDepth: Int) {
  from: entity(id: $fromId) {
    id
    name
  }
  to: entity(id: $toId) {
    id
    name
  }
  path(fromId: $fromId, toId: $toId, maxDepth: $maxDepth) {
    ...McpGraph
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpGraph on Graph {
  nodes {
    id
    label
    type
    date
  }
  edges {
    source
    target
    type
    kind
    citations {
      ...McpCitation
    }
  }
  truncated
}`, {"hash":"sha256:b8bbee937e18bf72fc15467a732b265a5d1a49f9507870a0675907c64a38c459"}) as unknown as TypedDocumentString<McpPathQuery, McpPathQueryVariables>;
export const McpNeighbourhoodDocument = new TypedDocumentString(`
    query McpNeighbourhood($id: ID!, $depth: Int, $limit: Int, $types: [RelationType!]) {
  entity(id: $id) {
    id
    name
  }
  neighborhood(ids: [$id], depth: $depth, limit: $limit, types: $types) {
    ...McpGraph
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpGraph on Graph {
  nodes {
    id
    label
    type
    date
  }
  edges {
    source
    target
    type
    kind
    citations {
      ...McpCitation
    }
  }
  truncated
}`, {"hash":"sha256:08d89d2f6501225c34ede7835890c2462a00108d329bb0809e816c17e5876a98"}) as unknown as TypedDocumentString<McpNeighbourhoodQuery, McpNeighbourhoodQueryVariables>;
export const McpSharedTechniquesDocument = new TypedDocumentString(`
    query McpSharedTechniques($ids: [ID!]!) {
  compareModels(ids: $ids) {
    models {
      id
      name
      techniquesLinks {
        node {
          id
        }
        citations {
          ...McpCitation
        }
      }
    }
    sharedTechniques {
      id
      name
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}`, {"hash":"sha256:30f0b1a1266f9a370e99ca338a7bce89decade84ab3636ad19ae4f304b224d65"}) as unknown as TypedDocumentString<McpSharedTechniquesQuery, McpSharedTechniquesQueryVariables>;
export const McpCompareDocument = new TypedDocumentString(`
    query McpCompare($ids: [ID!]!) {
  compareModels(ids: $ids) {
    models {
      ...McpModelFacts
    }
    techniqueRows {
      entity {
        id
        name
      }
      present
    }
    limitationRows {
      entity {
        id
        name
      }
      present
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpClaim on AttributeClaim {
  attribute
  value
  rank
  hedged
  flags {
    rule
    reason
  }
  quote
  note
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpModelFacts on Model {
  id
  name
  releaseDate
  parameters
  contextWindow
  openWeights
  claims {
    ...McpClaim
  }
  developersLinks {
    node {
      id
      name
    }
    citations {
      ...McpCitation
    }
  }
}`, {"hash":"sha256:40a73d6e1f56d0e9082f5522f9aaf2b23c075c9ba51ca4c43049ff4afbddc182"}) as unknown as TypedDocumentString<McpCompareQuery, McpCompareQueryVariables>;
export const McpConflictsDocument = new TypedDocumentString(`
    query McpConflicts($first: Int, $includePrecision: Boolean) {
  conflicts(first: $first, includePrecision: $includePrecision) {
    entityId
    entityName
    entityType
    attribute
    severity
    values {
      value
      rank
      preferred
      hedged
      sources {
        id
        title
        file
        url
      }
    }
  }
}
    `, {"hash":"sha256:bc8ec846c5877b9add91f32cd575a555aec68dd83d935eaff4ba663212222d9d"}) as unknown as TypedDocumentString<McpConflictsQuery, McpConflictsQueryVariables>;
export const McpDataQualityDocument = new TypedDocumentString(`
    query McpDataQuality($where: DataQualityFilter, $first: Int, $after: String) {
  dataQuality(where: $where, first: $first, after: $after) {
    totalCount
    byRule {
      rule
      count
    }
    edges {
      node {
        entityId
        entityName
        entityType
        attribute
        value
        rule
        reason
        shownInstead
        source {
          id
          title
          file
          url
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:460dafdca1706d2308b6d96d0ed508dab86d6cf1d1ed5cc50e16dc971655fee9"}) as unknown as TypedDocumentString<McpDataQualityQuery, McpDataQualityQueryVariables>;
export const McpLeaderboardDocument = new TypedDocumentString(`
    query McpLeaderboard($benchmark: ID!, $first: Int!, $after: String, $where: LeaderboardFilter) {
  leaderboard(benchmark: $benchmark, first: $first, after: $after, where: $where) {
    benchmark {
      id
      name
      metric
    }
    higherIsBetter
    totalCount
    edges {
      node {
        position
        results
        model {
          id
          name
          releaseDate
        }
        result {
          ...McpResult
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpResult on BenchmarkResult {
  score
  metric
  rank
  selfReported
  measuredBy
  date
  shots
  benchmarkVersion
  modelVersion
  scorer
  citations {
    ...McpCitation
  }
}`, {"hash":"sha256:19e40a61e0c58320cf4f35037f20210b256d48fcc251aebebb584a4565b66f5b"}) as unknown as TypedDocumentString<McpLeaderboardQuery, McpLeaderboardQueryVariables>;
export const McpModelResultsDocument = new TypedDocumentString(`
    query McpModelResults($id: ID!) {
  entity(id: $id) {
    id
    name
    type
    ... on Model {
      benchmarks {
        ...McpResult
        benchmark {
          id
          name
        }
      }
    }
  }
}
    fragment McpCitation on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
  }
  locator {
    line
    row
    column
    url
  }
}
fragment McpResult on BenchmarkResult {
  score
  metric
  rank
  selfReported
  measuredBy
  date
  shots
  benchmarkVersion
  modelVersion
  scorer
  citations {
    ...McpCitation
  }
}`, {"hash":"sha256:ef302e3ce4366e29f9d154843c9cee9434c240c90a9f5b077e94f7d7d6371fa1"}) as unknown as TypedDocumentString<McpModelResultsQuery, McpModelResultsQueryVariables>;