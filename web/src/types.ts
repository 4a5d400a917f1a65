/**
 * The shapes of the API's results the explorer reads, from the types generated out of
 * schema/schema.graphql and the operations in operations/ (`npm run codegen`, web/src/generated):
 * the kinds, the relationship types and every result shape are the schema's, declared nowhere else.
 */
import type {
  BenchmarkResultFieldsFragment,
  BenchmarksQuery,
  CitationFieldsFragment,
  CompareQuery,
  DataVersionQuery,
  EntityQuery,
  EntityType,
  GraphFieldsFragment,
  LeaderboardQuery,
  ModelsQuery,
  SearchQuery,
} from './generated/graphql';

export type { EntityType, RelationType } from './generated/graphql';
// The kinds and relationship types in the order the explorer shows them: that of its style tables.

export type Citation = CitationFieldsFragment;
export type Source = Citation['source'];
export type Graph = GraphFieldsFragment;
export type GraphNode = Graph['nodes'][number];
export type GraphEdge = Graph['edges'][number];
/** The stored graph measures of a node, for sizes and colours. */
export type NodeInfluence = NonNullable<GraphNode['influence']>;

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

type KeysOf<U> = U extends unknown ? keyof U : never;
type ValueOf<U, K extends PropertyKey> = U extends { [P in K]: infer V } ? V : never;
/** One object type with the fields of every member of a union: the fields not in all of them optional. */
type Flattened<U> = { [K in keyof U]: U[K] } & { [K in Exclude<KeysOf<U>, keyof U>]?: ValueOf<U, K> };

/** An entity with what the panel shows of its kind (a model's parameters, an organization's country, …). */
export type EntityDetails = Flattened<NonNullable<EntityQuery['entity']>>;
/** A value the API does not serve as a fact (hedged or implausible), with the rules it fails. */
export type ClaimSummary = NonNullable<EntityDetails['withheld']>[number];
export type SearchHit = SearchQuery['search'][number];
export type TimelineModel = ModelsQuery['models']['edges'][number]['node'];
/** The data the service serves (Query.dataVersion). */
export type DataVersion = DataVersionQuery['dataVersion'];
export type SimilarModel = CompareQuery['similarModels'][number];
/** One benchmark result, as the panel and the benchmark view read it (a model's results also name their benchmark). */
export type BenchmarkResult = BenchmarkResultFieldsFragment & { benchmark?: { id: string; name: string; scale?: string | null } };
export type BenchmarkChoice = BenchmarksQuery['benchmarks']['edges'][number]['node'];
export type LeaderboardPage = LeaderboardQuery['leaderboard'];
export type LeaderboardEntry = LeaderboardPage['edges'][number]['node'];
