/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a benchmark measures, broadly. */
export type BenchmarkArea =
  | 'AGENTS'
  | 'CHAT'
  | 'CODING'
  | 'FACTUALITY'
  | 'INSTRUCTION_FOLLOWING'
  | 'KNOWLEDGE'
  | 'LANGUAGE'
  | 'LONG_CONTEXT'
  | 'MATHEMATICS'
  | 'MULTIMODAL'
  | 'REASONING'
  | 'WRITING';

/** What a benchmark’s scores are: a share of items, or another quantity. */
export type BenchmarkScale =
  | 'FRACTION'
  | 'POINTS';

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

/** All given conditions must hold. */
export type ModelFilter = {
  /** Whether `organization` includes the models of its units (labs, divisions: PART_OF, any depth up to 5). */
  includeUnits?: boolean | null | undefined;
  maxParameters?: number | null | undefined;
  minParameters?: number | null | undefined;
  /** Substring of the name or an alias, ignoring case, spaces, hyphens, underscores and dots ("llama 2" finds "Llama-2-Chinese 13B"). */
  nameContains?: string | null | undefined;
  openWeights?: boolean | null | undefined;
  /** A developing organization, by id or by name (any case, aliases too): "google", "Google", "谷歌". With includeUnits (the default) its labs and divisions count too (PART_OF: Google DeepMind, Google Research… for Google). */
  organization?: string | null | undefined;
  /** Released on or after this ISO date (2023, 2023-03, 2023-03-14). */
  releasedAfter?: string | null | undefined;
  /** Released on or before this ISO date. */
  releasedBefore?: string | null | undefined;
  /** Id of a technique the model uses. */
  technique?: string | null | undefined;
};

export type ModelOrder = {
  direction?: OrderDirection;
  field: ModelOrderField;
  /** Models without the value (no release date, no parameter count) come last in either direction unless FIRST is asked. */
  nulls?: NullsOrder | null | undefined;
};

export type ModelOrderField =
  | 'NAME'
  | 'PARAMETERS'
  | 'RELEASE_DATE';

/** Where entities without the ordered value go. */
export type NullsOrder =
  | 'FIRST'
  | 'LAST';

/** Whether a provider serves an offering, as a catalogue states it. */
export type OfferingStatus =
  | 'ALPHA'
  | 'BETA'
  | 'DEPRECATED'
  | 'LISTED'
  | 'WITHDRAWN';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** Calendar periods of a curve: years, or quarters ("2023-Q2"). */
export type PeriodBucket =
  | 'QUARTER'
  | 'YEAR';

/** What kind of thing people use a product as. */
export type ProductKind =
  | 'AGENT'
  | 'ASSISTANT'
  | 'BROWSER_EXTENSION'
  | 'CHAT_APP'
  | 'CODING_TOOL'
  | 'CONTENT_TOOL'
  | 'DEVELOPER_PLATFORM'
  | 'DEVICE'
  | 'SEARCH_ENGINE';

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

/** How releases are split into series. */
export type ReleaseGrouping =
  | 'COUNTRY'
  | 'OPEN_WEIGHTS'
  | 'ORGANIZATION';

/** What part of building or running a model a technique concerns. */
export type TechniqueCategory =
  | 'ALIGNMENT'
  | 'APPLICATION'
  | 'ARCHITECTURE'
  | 'DATA'
  | 'EFFICIENCY'
  | 'INFERENCE'
  | 'TRAINING';

export type BenchmarkResultFieldsFragment = { key: string, score: string, value: number, rank: number, selfReported: boolean, measuredBy: string | null, url: string | null, logUrl: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, scorer: string | null, modelVersion: string | null, citations: Array<{ source: { id: string, title: string | null } }> };

export type BenchmarksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BenchmarksQuery = { benchmarks: { edges: Array<{ node: { id: string, name: string, area: BenchmarkArea | null, metric: string | null, higherIsBetter: boolean | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LeaderboardQueryVariables = Exact<{
  benchmark: string | number;
  where?: LeaderboardFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: { totalCount: number, higherIsBetter: boolean | null, benchmark: { id: string, name: string, description: string | null, metric: string | null, url: string | null, area: BenchmarkArea | null, scale: BenchmarkScale | null }, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { position: number, results: number, model: { id: string, name: string, releaseDate: string | null, openWeights: boolean | null, developers: Array<{ id: string, name: string, type: EntityType }> }, result: { key: string, score: string, value: number, rank: number, selfReported: boolean, measuredBy: string | null, url: string | null, logUrl: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, scorer: string | null, modelVersion: string | null, citations: Array<{ source: { id: string, title: string | null } }> } } }> } };

export type EntityQueryVariables = Exact<{
  id: string | number;
}>;


export type EntityQuery = { entity:
    | { area: BenchmarkArea | null, metric: string | null, higherIsBetter: boolean | null, scale: BenchmarkScale | null, url: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { parameters: number | null, contextWindow: number | null, releaseDate: string | null, openWeights: boolean | null, modalities: Array<string>, knowledgeCutoff: string | null, maxOutputTokens: number | null, inputModalities: Array<string>, outputModalities: Array<string>, reasoning: boolean | null, toolCalling: boolean | null, structuredOutput: boolean | null, attachments: boolean | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, developers: Array<{ id: string, name: string, type: EntityType }>, withheld: Array<{ attribute: string, value: string, hedged: boolean, flags: Array<{ rule: QualityRule, reason: string }> }>, benchmarks: Array<{ key: string, score: string, value: number, rank: number, selfReported: boolean, measuredBy: string | null, url: string | null, logUrl: string | null, date: string | null, shots: number | null, benchmarkVersion: string | null, scorer: string | null, modelVersion: string | null, benchmark: { id: string, name: string, scale: BenchmarkScale | null }, citations: Array<{ source: { id: string, title: string | null } }> }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { inputPrice: number | null, outputPrice: number | null, cacheReadPrice: number | null, contextWindow: number | null, maxOutputTokens: number | null, status: OfferingStatus | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, serves: Array<{ id: string, name: string, type: EntityType }>, offeredBy: Array<{ id: string, name: string, type: EntityType }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { country: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { productKind: ProductKind | null, url: string | null, releaseDate: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, poweredBy: Array<{ id: string, name: string, type: EntityType }>, offeredBy: Array<{ id: string, name: string, type: EntityType }>, withheld: Array<{ attribute: string, value: string, hedged: boolean, flags: Array<{ rule: QualityRule, reason: string }> }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
    | { category: TechniqueCategory | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }
   | null };

export type CompareQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  a: string | number;
}>;


export type CompareQuery = { sharedTechniques: Array<{ id: string, name: string, type: EntityType }>, similarModels: Array<{ score: number, model: { id: string, name: string, type: EntityType } }> };

export type ModelsQueryVariables = Exact<{
  where?: ModelFilter | null | undefined;
  orderBy?: Array<ModelOrder> | ModelOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ModelsQuery = { models: { totalCount: number, edges: Array<{ node: { id: string, name: string, releaseDate: string | null, parameters: number | null, openWeights: boolean | null, influence: { pageRank: number } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AsOfQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  asOf?: string | null | undefined;
}>;


export type AsOfQuery = { neighborhood: { nodes: Array<{ id: string }> } };

export type DataVersionQueryVariables = Exact<{ [key: string]: never; }>;


export type DataVersionQuery = { dataVersion: { graphVersion: string, release: string | null, catalogues: Array<string>, loadedAt: string | null, sources: Array<{ id: string, title: string | null, catalogue: string | null, date: string | null, retrieved: string | null }> } };

export type CitationFieldsFragment = { quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } };

export type GraphFieldsFragment = { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> };

export type NeighborhoodQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  depth?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> } };

export type UsesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type UsesQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> } };

export type LineageQueryVariables = Exact<{
  id: string | number;
}>;


export type LineageQuery = { lineageGraph: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> } };

export type DownstreamQueryVariables = Exact<{
  id: string | number;
}>;


export type DownstreamQuery = { downstream: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> } };

export type PathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
}>;


export type PathQuery = { path: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType, date: string | null, influence: { pageRank: number, community: { id: number, label: string } | null } | null }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null, retrieved: string | null } }> }> } | null };

export type GraphMeasuresQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type GraphMeasuresQuery = { influence: Array<{ id: string, pageRank: number, version: string, community: { id: number, label: string } | null }> };

export type CommunitiesQueryVariables = Exact<{
  first: number;
}>;


export type CommunitiesQuery = { communities: Array<{ id: number, label: string, size: number }> };

export type TechniqueChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type TechniqueChoicesQuery = { techniqueAdoption: Array<{ modelCount: number, firstAdoptedOn: string | null, technique: { id: string, name: string, type: EntityType } }> };

export type AdoptionCurveQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  bucket: PeriodBucket;
}>;


export type AdoptionCurveQuery = { adoptionCurve: Array<{ undated: number, technique: { id: string, name: string, type: EntityType }, points: Array<{ period: string, count: number, cumulative: number }> }> };

export type ReleasesPerPeriodQueryVariables = Exact<{
  by: ReleaseGrouping;
  bucket: PeriodBucket;
  first: number;
}>;


export type ReleasesPerPeriodQuery = { releasesPerPeriod: Array<{ key: string, label: string, total: number, points: Array<{ period: string, count: number, cumulative: number }> }> };

export type OrganizationNetworkQueryVariables = Exact<{
  first: number;
}>;


export type OrganizationNetworkQuery = { organizationNetwork: { links: Array<{ weight: number, fromCountry: string | null, toCountry: string | null, from: { id: string, name: string, type: EntityType }, to: { id: string, name: string, type: EntityType } }>, countryFlows: Array<{ from: string, to: string, weight: number }> } };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ score: number, entity:
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
      | { id: string, name: string, type: EntityType, aliases: Array<string> }
     }> };

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
export const BenchmarkResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment BenchmarkResultFields on BenchmarkResult {
  key
  score
  value
  rank
  selfReported
  measuredBy
  url
  logUrl
  date
  shots
  benchmarkVersion
  scorer
  modelVersion
  citations {
    source {
      id
      title
    }
  }
}
    `, {"fragmentName":"BenchmarkResultFields"}) as unknown as TypedDocumentString<BenchmarkResultFieldsFragment, unknown>;
export const CitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
    `, {"fragmentName":"CitationFields"}) as unknown as TypedDocumentString<CitationFieldsFragment, unknown>;
export const GraphFieldsFragmentDoc = new TypedDocumentString(`
    fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}`, {"fragmentName":"GraphFields"}) as unknown as TypedDocumentString<GraphFieldsFragment, unknown>;
export const BenchmarksDocument = new TypedDocumentString(`
    query Benchmarks($first: Int, $after: String) {
  benchmarks(first: $first, after: $after) {
    edges {
      node {
        id
        name
        area
        metric
        higherIsBetter
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:04d9d6bca051e00cf4b06f83130fba8be9ad93207f523330db20764ab9efc6b7"}) as unknown as TypedDocumentString<BenchmarksQuery, BenchmarksQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($benchmark: ID!, $where: LeaderboardFilter, $first: Int, $after: String) {
  leaderboard(benchmark: $benchmark, where: $where, first: $first, after: $after) {
    totalCount
    higherIsBetter
    benchmark {
      id
      name
      description
      metric
      url
      area
      scale
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        position
        results
        model {
          id
          name
          releaseDate
          openWeights
          developers {
            id
            name
            type
          }
        }
        result {
          ...BenchmarkResultFields
        }
      }
    }
  }
}
    fragment BenchmarkResultFields on BenchmarkResult {
  key
  score
  value
  rank
  selfReported
  measuredBy
  url
  logUrl
  date
  shots
  benchmarkVersion
  scorer
  modelVersion
  citations {
    source {
      id
      title
    }
  }
}`, {"hash":"sha256:cac1653c4098f345c1e757734ebdf791188b5f6e03d08faab2bd43069ffddd9d"}) as unknown as TypedDocumentString<LeaderboardQuery, LeaderboardQueryVariables>;
export const EntityDocument = new TypedDocumentString(`
    query Entity($id: ID!) {
  entity(id: $id) {
    id
    name
    type
    aliases
    description
    sources {
      ...CitationFields
    }
    ... on Model {
      parameters
      contextWindow
      releaseDate
      openWeights
      modalities
      developers {
        id
        name
        type
      }
      knowledgeCutoff
      maxOutputTokens
      inputModalities
      outputModalities
      reasoning
      toolCalling
      structuredOutput
      attachments
      withheld {
        attribute
        value
        hedged
        flags {
          rule
          reason
        }
      }
      benchmarks {
        ...BenchmarkResultFields
        benchmark {
          id
          name
          scale
        }
      }
    }
    ... on Offering {
      inputPrice
      outputPrice
      cacheReadPrice
      contextWindow
      maxOutputTokens
      status
      serves {
        id
        name
        type
      }
      offeredBy {
        id
        name
        type
      }
    }
    ... on Benchmark {
      area
      metric
      higherIsBetter
      scale
      url
    }
    ... on Organization {
      country
    }
    ... on Technique {
      category
    }
    ... on Product {
      productKind
      url
      releaseDate
      poweredBy {
        id
        name
        type
      }
      offeredBy {
        id
        name
        type
      }
      withheld {
        attribute
        value
        hedged
        flags {
          rule
          reason
        }
      }
    }
  }
}
    fragment BenchmarkResultFields on BenchmarkResult {
  key
  score
  value
  rank
  selfReported
  measuredBy
  url
  logUrl
  date
  shots
  benchmarkVersion
  scorer
  modelVersion
  citations {
    source {
      id
      title
    }
  }
}
fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}`, {"hash":"sha256:4b70efe1606eef9cfe0c8d40feb2493a1feaf0ed78047e54c4e94a86b95d891d"}) as unknown as TypedDocumentString<EntityQuery, EntityQueryVariables>;
export const CompareDocument = new TypedDocumentString(`
    query Compare($ids: [ID!]!, $a: ID!) {
  sharedTechniques(modelIds: $ids) {
    id
    name
    type
  }
  similarModels(modelId: $a, first: 100) {
    score
    model {
      id
      name
      type
    }
  }
}
    `, {"hash":"sha256:bbdb0de62cc2375f4839bab7a671e5e23bf2b3be0f828d9564758bb584f68498"}) as unknown as TypedDocumentString<CompareQuery, CompareQueryVariables>;
export const ModelsDocument = new TypedDocumentString(`
    query Models($where: ModelFilter, $orderBy: [ModelOrder!], $first: Int, $after: String) {
  models(where: $where, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        name
        releaseDate
        parameters
        openWeights
        influence {
          pageRank
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:0ff28656cd2f55a9fb3dc276f166d94fd86b7aba4cdf922c37cbcf96dc17da65"}) as unknown as TypedDocumentString<ModelsQuery, ModelsQueryVariables>;
export const AsOfDocument = new TypedDocumentString(`
    query AsOf($ids: [ID!]!, $asOf: String) {
  neighborhood(ids: $ids, depth: 0, asOf: $asOf) {
    nodes {
      id
    }
  }
}
    `, {"hash":"sha256:4e0ff25d5ea1215b4a4626004aed8ef9f58c42130413a4443c39cdbf61064429"}) as unknown as TypedDocumentString<AsOfQuery, AsOfQueryVariables>;
export const DataVersionDocument = new TypedDocumentString(`
    query DataVersion {
  dataVersion {
    graphVersion
    release
    catalogues
    loadedAt
    sources {
      id
      title
      catalogue
      date
      retrieved
    }
  }
}
    `, {"hash":"sha256:dc81e29452aacf5710b8420c74ff21076a8ed774484625c4b36c544feeec3a7d"}) as unknown as TypedDocumentString<DataVersionQuery, DataVersionQueryVariables>;
export const NeighborhoodDocument = new TypedDocumentString(`
    query Neighborhood($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth) {
    ...GraphFields
  }
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}`, {"hash":"sha256:76c6d7c494a7ca29ca8c532e7f1019731d6dcf3d35634b3b940242511a1371cd"}) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const UsesDocument = new TypedDocumentString(`
    query Uses($ids: [ID!]!) {
  neighborhood(ids: $ids, depth: 1, types: [USES]) {
    ...GraphFields
  }
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}`, {"hash":"sha256:98e3797a91da51a16ea133f6bc9c6fc8a4bdcb06e8108c440c41020449662ff3"}) as unknown as TypedDocumentString<UsesQuery, UsesQueryVariables>;
export const LineageDocument = new TypedDocumentString(`
    query Lineage($id: ID!) {
  lineageGraph(modelId: $id, direction: BOTH) {
    ...GraphFields
  }
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}`, {"hash":"sha256:eb8199d7eff3610d516c1e33a2006d2721c515abac2775eaa5c1e1d412cbb52a"}) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
export const DownstreamDocument = new TypedDocumentString(`
    query Downstream($id: ID!) {
  downstream(id: $id) {
    ...GraphFields
  }
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}`, {"hash":"sha256:ea363715df10d2b6888f2ae088afc7c09fe15ed345b662bf7574466cfe079d4d"}) as unknown as TypedDocumentString<DownstreamQuery, DownstreamQueryVariables>;
export const PathDocument = new TypedDocumentString(`
    query Path($from: ID!, $to: ID!) {
  path(fromId: $from, toId: $to) {
    ...GraphFields
  }
}
    fragment CitationFields on Citation {
  quote
  note
  confidence
  source {
    id
    title
    file
    url
    author
    date
    retrieved
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
    date
    influence {
      pageRank
      community {
        id
        label
      }
    }
  }
  edges {
    id
    source
    target
    type
    kind
    citations {
      ...CitationFields
    }
  }
  truncated
}`, {"hash":"sha256:85dd3dd763937c3268fb1f719952b90464f8a1a91e1ea81cc69c9a1f6c1c43b0"}) as unknown as TypedDocumentString<PathQuery, PathQueryVariables>;
export const GraphMeasuresDocument = new TypedDocumentString(`
    query GraphMeasures($ids: [ID!]!) {
  influence(ids: $ids) {
    id
    pageRank
    version
    community {
      id
      label
    }
  }
}
    `, {"hash":"sha256:f1182e7da60b0bc95e4334b1fc85c7d7405d3d536606a77d819e2af0535bdfc5"}) as unknown as TypedDocumentString<GraphMeasuresQuery, GraphMeasuresQueryVariables>;
export const CommunitiesDocument = new TypedDocumentString(`
    query Communities($first: Int!) {
  communities(first: $first) {
    id
    label
    size
  }
}
    `, {"hash":"sha256:11e2772c3bf6d8684e1832b46d5f6c17a229786f8f2e5a8fb7d33943db1f8a60"}) as unknown as TypedDocumentString<CommunitiesQuery, CommunitiesQueryVariables>;
export const TechniqueChoicesDocument = new TypedDocumentString(`
    query TechniqueChoices {
  techniqueAdoption(first: 100) {
    modelCount
    firstAdoptedOn
    technique {
      id
      name
      type
    }
  }
}
    `, {"hash":"sha256:bc98f2a4ca67f23dea9e279964d2f3162a48446ad7ce25c30593dcd4bd886ffa"}) as unknown as TypedDocumentString<TechniqueChoicesQuery, TechniqueChoicesQueryVariables>;
export const AdoptionCurveDocument = new TypedDocumentString(`
    query AdoptionCurve($ids: [ID!]!, $bucket: PeriodBucket!) {
  adoptionCurve(techniqueIds: $ids, bucket: $bucket) {
    undated
    technique {
      id
      name
      type
    }
    points {
      period
      count
      cumulative
    }
  }
}
    `, {"hash":"sha256:a31dbd487015425f852880a18574e1df8010964c8fec2d7a2265041f5a8956d3"}) as unknown as TypedDocumentString<AdoptionCurveQuery, AdoptionCurveQueryVariables>;
export const ReleasesPerPeriodDocument = new TypedDocumentString(`
    query ReleasesPerPeriod($by: ReleaseGrouping!, $bucket: PeriodBucket!, $first: Int!) {
  releasesPerPeriod(by: $by, bucket: $bucket, first: $first) {
    key
    label
    total
    points {
      period
      count
      cumulative
    }
  }
}
    `, {"hash":"sha256:47d36237826b7742e91c92cfddbdddb87af9d3b714b147282a1689b415812ba9"}) as unknown as TypedDocumentString<ReleasesPerPeriodQuery, ReleasesPerPeriodQueryVariables>;
export const OrganizationNetworkDocument = new TypedDocumentString(`
    query OrganizationNetwork($first: Int!) {
  organizationNetwork(first: $first) {
    links {
      weight
      fromCountry
      toCountry
      from {
        id
        name
        type
      }
      to {
        id
        name
        type
      }
    }
    countryFlows {
      from
      to
      weight
    }
  }
}
    `, {"hash":"sha256:ffda2bfd0afe734ec00fe29cc6e1484a3e2d200b74d39b4b2e55f2248bd2c1a9"}) as unknown as TypedDocumentString<OrganizationNetworkQuery, OrganizationNetworkQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    score
    entity {
      id
      name
      type
      aliases
    }
  }
}
    `, {"hash":"sha256:a859da59daf08583ad1be5df372f4297ba379e30d66abd3f3d952558f0b27643"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;