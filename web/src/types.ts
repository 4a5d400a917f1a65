/** Shapes of the GraphQL API results the explorer reads (see schema/schema.graphql). */

export const ENTITY_TYPES = [
  'MODEL',
  'ORGANIZATION',
  'TECHNIQUE',
  'LIMITATION',
  'DATASET',
  'PRODUCT',
  'SERIES',
  'OFFERING',
  'BENCHMARK',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'DEVELOPED_BY',
  'DERIVED_FROM',
  'USES',
  'HAS_LIMITATION',
  'MITIGATES',
  'BUILDS_ON',
  'COMPETES_WITH',
  'COLLABORATES_WITH',
  'INVESTS_IN',
  'PROPOSED_BY',
  'TRAINED_ON',
  'POWERED_BY',
  'OFFERED_BY',
  'MEMBER_OF',
  'PART_OF',
  'SERVES',
  'SCORED_ON',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Source {
  id: string;
  title: string | null;
  file: string | null;
  url: string | null;
  author?: string | null;
  /** A document's date; a catalogue snapshot's: the date of its data. */
  date?: string | null;
  /** A catalogue snapshot: the day it was copied. */
  retrieved?: string | null;
}

export interface Citation {
  /** Copied from the source; null when the citation holds only a curator's note. */
  quote: string | null;
  note: string | null;
  confidence: number;
  source: Source;
}

/** One cited value of an attribute; `value` is JSON text. */
export interface ClaimSummary {
  attribute: string;
  value: string;
  hedged: boolean;
  /** Plausibility rules the value fails, with why. */
  flags: Array<{ rule: string; reason: string }>;
}

/** The stored graph measures of a node, for sizes and colours. */
export interface NodeInfluence {
  pageRank: number;
  community: { id: number; label: string } | null;
}

export interface GraphNode {
  id: string;
  label: string;
  type: EntityType;
  /** When it enters the graph for as-of questions: a release date, a technique's first adoption; null when undated. */
  date?: string | null;
  /** Null until the service has computed the measures. */
  influence?: NodeInfluence | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  kind: string | null;
  /** Who states the relationship: the documents, a catalogue, a curator. */
  citations?: Citation[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface EntityDetails extends EntityRef {
  aliases: string[];
  description: string | null;
  sources: Citation[];
  // Model
  parameters?: number | null;
  contextWindow?: number | null;
  releaseDate?: string | null;
  openWeights?: boolean | null;
  modalities?: string[];
  developers?: EntityRef[];
  knowledgeCutoff?: string | null;
  maxOutputTokens?: number | null;
  inputModalities?: string[];
  outputModalities?: string[];
  /** Capabilities a catalogue states (models.dev): cited attributes, not techniques. */
  reasoning?: boolean | null;
  toolCalling?: boolean | null;
  structuredOutput?: boolean | null;
  attachments?: boolean | null;
  // Offering
  inputPrice?: number | null;
  outputPrice?: number | null;
  cacheReadPrice?: number | null;
  status?: string | null;
  serves?: EntityRef[];
  benchmarks?: BenchmarkResult[];
  // Benchmark
  area?: string | null;
  metric?: string | null;
  higherIsBetter?: boolean | null;
  scale?: string | null;
  /** Values the API does not serve as facts (hedged or implausible), for attributes that show none. */
  withheld?: ClaimSummary[];
  // Organization
  country?: string | null;
  // Technique
  category?: string | null;
  // Product
  productKind?: string | null;
  url?: string | null;
  poweredBy?: EntityRef[];
  offeredBy?: EntityRef[];
}

/** One benchmark result (BenchmarkResult), as the panel and the benchmark view read it. */
export interface BenchmarkResult {
  key: string;
  score: string;
  value: number;
  rank: number;
  selfReported: boolean;
  measuredBy: string | null;
  url: string | null;
  logUrl?: string | null;
  date: string | null;
  shots: number | null;
  benchmarkVersion: string | null;
  scorer?: string | null;
  modelVersion: string | null;
  benchmark?: { id: string; name: string; scale?: string | null };
  citations: Array<{ quote?: string | null; note?: string | null; source: { id: string; title: string | null; url?: string | null } }>;
}

export interface BenchmarkChoice {
  id: string;
  name: string;
  area: string | null;
  metric: string | null;
  higherIsBetter: boolean | null;
}

export interface LeaderboardEntry {
  position: number;
  results: number;
  model: { id: string; name: string; releaseDate: string | null; openWeights: boolean | null; developers: EntityRef[] };
  result: BenchmarkResult;
}

export interface LeaderboardPage {
  totalCount: number;
  higherIsBetter: boolean | null;
  benchmark: {
    id: string;
    name: string;
    description: string | null;
    metric: string | null;
    url: string | null;
    area: string | null;
    scale: string | null;
  };
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: LeaderboardEntry }>;
}

export interface SearchHit {
  score: number;
  entity: EntityRef & { aliases: string[] };
}

export interface TimelineModel {
  id: string;
  name: string;
  releaseDate: string | null;
  parameters: number | null;
  openWeights: boolean | null;
  influence: { pageRank: number } | null;
}

/** The data the service serves (Query.dataVersion). */
export interface DataVersion {
  graphVersion: string;
  release: string | null;
  catalogues: string[];
  loadedAt: string | null;
  /** Documents and catalogue snapshots, catalogues first, newest first. */
  sources: Array<Source & { catalogue: string | null }>;
}

export interface SimilarModel {
  score: number;
  model: EntityRef;
}
