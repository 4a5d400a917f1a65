/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The kinds of entity in the graph. */
export type EntityType =
  | 'DATASET'
  | 'LIMITATION'
  | 'MODEL'
  | 'ORGANIZATION'
  | 'PRODUCT'
  | 'SERIES'
  | 'TECHNIQUE';

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
  | 'POWERED_BY'
  | 'PROPOSED_BY'
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

export type EntityQueryVariables = Exact<{
  id: string | number;
}>;


export type EntityQuery = { entity:
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { parameters: number | null, contextWindow: number | null, releaseDate: string | null, openWeights: boolean | null, modalities: Array<string>, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, developers: Array<{ id: string, name: string, type: EntityType }>, claims: Array<{ attribute: string, value: string, hedged: boolean }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { country: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { productKind: ProductKind | null, url: string | null, releaseDate: string | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, poweredBy: Array<{ id: string, name: string, type: EntityType }>, offeredBy: Array<{ id: string, name: string, type: EntityType }>, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
    | { category: TechniqueCategory | null, id: string, name: string, type: EntityType, aliases: Array<string>, description: string | null, sources: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }
   | null };

export type CompareQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  a: string | number;
}>;


export type CompareQuery = { sharedTechniques: Array<{ id: string, name: string, type: EntityType }>, similarModels: Array<{ score: number, model: { id: string, name: string, type: EntityType } }> };

export type TimelineQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TimelineQuery = { models: { edges: Array<{ node: { id: string, name: string, releaseDate: string | null, parameters: number | null, openWeights: boolean | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitationFieldsFragment = { quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } };

export type GraphFieldsFragment = { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> };

export type NeighborhoodQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  depth?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> } };

export type UsesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type UsesQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> } };

export type LineageQueryVariables = Exact<{
  id: string | number;
}>;


export type LineageQuery = { lineageGraph: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> } };

export type DownstreamQueryVariables = Exact<{
  id: string | number;
}>;


export type DownstreamQuery = { downstream: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> } };

export type PathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
}>;


export type PathQuery = { path: { truncated: boolean, nodes: Array<{ id: string, label: string, type: EntityType }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, kind: LineageKind | null, citations: Array<{ quote: string | null, note: string | null, confidence: number, source: { id: string, title: string | null, file: string | null, url: string | null, author: string | null, date: string | null } }> }> } | null };

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

export type ProductDatesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ProductDatesQuery = { products: { edges: Array<{ node: { id: string, releaseDate: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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
  }
}
    `, {"fragmentName":"CitationFields"}) as unknown as TypedDocumentString<CitationFieldsFragment, unknown>;
export const GraphFieldsFragmentDoc = new TypedDocumentString(`
    fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
  }
}`, {"fragmentName":"GraphFields"}) as unknown as TypedDocumentString<GraphFieldsFragment, unknown>;
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
      claims {
        attribute
        value
        hedged
      }
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
  }
}`, {"hash":"sha256:567736c1c84ebd6f5d683d0f837ef7ccfd8c1ae2a6533115dd83b5c8de7ce21c"}) as unknown as TypedDocumentString<EntityQuery, EntityQueryVariables>;
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
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($after: String) {
  models(
    first: 100
    after: $after
    orderBy: [{field: RELEASE_DATE, direction: ASC}]
  ) {
    edges {
      node {
        id
        name
        releaseDate
        parameters
        openWeights
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:fe59a8cc845fbc97816a34d6265537014f7b6d3e8f1363403adc6a77eb45a00f"}) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
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
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
}`, {"hash":"sha256:dc54640ffc98b48d578efc3c70ef76c02709447c3759de40f01617c09f9a3a5b"}) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
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
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
}`, {"hash":"sha256:2a2b6b6650dcd76ee809f82ba74cd72e36decea74578d5951b96f5f36b8d882c"}) as unknown as TypedDocumentString<UsesQuery, UsesQueryVariables>;
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
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
}`, {"hash":"sha256:3447be1bf618beef8c33c3eb5039bda4ba4d3918ddf2f5f4ca1493016e7ace3d"}) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
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
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
}`, {"hash":"sha256:777e7d061191e09b5e7a2edbe6bd5ebc7e36b1f1ca518fcf61c71bfec5580d82"}) as unknown as TypedDocumentString<DownstreamQuery, DownstreamQueryVariables>;
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
  }
}
fragment GraphFields on Graph {
  nodes {
    id
    label
    type
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
}`, {"hash":"sha256:2fbc870ff519eb1cc1351dbbec64cefbaf3874b95b0d9bdc90b57aa32b957136"}) as unknown as TypedDocumentString<PathQuery, PathQueryVariables>;
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
export const ProductDatesDocument = new TypedDocumentString(`
    query ProductDates($after: String) {
  products(first: 100, after: $after) {
    edges {
      node {
        id
        releaseDate
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:a40b6e8cf92889cb9700745f728d87073e22e5fa6de63e888095552876d957f0"}) as unknown as TypedDocumentString<ProductDatesQuery, ProductDatesQueryVariables>;
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