/** The GraphQL client: POST /graphql on the page's own origin, `{ data, errors }` back. */
import type {
  BenchmarkChoice,
  Citation,
  DataVersion,
  EntityDetails,
  EntityRef,
  Graph,
  LeaderboardPage,
  SearchHit,
  SimilarModel,
  TimelineModel,
} from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message?: string }>;
}

export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`Could not reach the API: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The API answered ${response.status} ${response.statusText} without a JSON body.`);
  }
  if (body.errors && body.errors.length > 0) {
    throw new ApiError(body.errors.map((e) => e.message ?? 'Unknown error').join('\n'));
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(`The API answered ${response.status} ${response.statusText} without data.`);
  }
  return body.data;
}

const CITATION_FIELDS = `quote note confidence source { id title file url author date retrieved }`;
// Written out, not built from CITATION_FIELDS: the trusted-documents manifest reads flat constants (src/graphql/trusted-sources.ts).
const GRAPH_FIELDS = `nodes { id label type date influence { pageRank community { id label } } } edges { id source target type kind citations { quote note confidence source { id title file url author date retrieved } } } truncated`;

/** Every relationship's citations the explorer has fetched, by edge id: the panel and the source filter read them. */
const edgeCitations = new Map<string, Citation[]>();
export const citationsOfEdge = (id: string): Citation[] => edgeCitations.get(id) ?? [];

function remember<G extends Graph | null>(graph: G): G {
  for (const edge of graph?.edges ?? []) edgeCitations.set(edge.id, edge.citations ?? []);
  return graph;
}

export async function search(query: string, first = 8): Promise<SearchHit[]> {
  const data = await request<{ search: SearchHit[] }>(
    `query Search($query: String!, $first: Int) { search(query: $query, first: $first) { score entity { id name type aliases } } }`,
    { query, first },
  );
  return data.search;
}

export async function neighborhood(ids: string[], depth = 1): Promise<Graph> {
  const data = await request<{ neighborhood: Graph }>(
    `query Neighborhood($ids: [ID!]!, $depth: Int) { neighborhood(ids: $ids, depth: $depth) { ${GRAPH_FIELDS} } }`,
    { ids, depth },
  );
  return remember(data.neighborhood);
}

export async function usesNeighborhood(ids: string[]): Promise<Graph> {
  const data = await request<{ neighborhood: Graph }>(
    `query Uses($ids: [ID!]!) { neighborhood(ids: $ids, depth: 1, types: [USES]) { ${GRAPH_FIELDS} } }`,
    { ids },
  );
  return remember(data.neighborhood);
}

export async function lineage(modelId: string): Promise<Graph> {
  const data = await request<{ lineageGraph: Graph }>(
    `query Lineage($id: ID!) { lineageGraph(modelId: $id, direction: BOTH) { ${GRAPH_FIELDS} } }`,
    { id: modelId },
  );
  return remember(data.lineageGraph);
}

export async function downstream(id: string): Promise<Graph> {
  const data = await request<{ downstream: Graph }>(`query Downstream($id: ID!) { downstream(id: $id) { ${GRAPH_FIELDS} } }`, { id });
  return remember(data.downstream);
}

export async function path(fromId: string, toId: string): Promise<Graph | null> {
  const data = await request<{ path: Graph | null }>(
    `query Path($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { ${GRAPH_FIELDS} } }`,
    { from: fromId, to: toId },
  );
  return remember(data.path);
}

export async function entity(id: string): Promise<EntityDetails | null> {
  const data = await request<{ entity: EntityDetails | null }>(
    `query Entity($id: ID!) {
      entity(id: $id) {
        id name type aliases description
        sources { ${CITATION_FIELDS} }
        ... on Model {
          parameters contextWindow releaseDate openWeights modalities developers { id name type }
          knowledgeCutoff maxOutputTokens inputModalities outputModalities reasoning toolCalling structuredOutput attachments
          withheld { attribute value hedged flags { rule reason } }
          benchmarks {
            key score value rank selfReported measuredBy url date shots benchmarkVersion modelVersion
            benchmark { id name scale } citations { source { id title } }
          }
        }
        ... on Offering {
          inputPrice outputPrice cacheReadPrice contextWindow maxOutputTokens status
          serves { id name type } offeredBy { id name type }
        }
        ... on Benchmark { area metric higherIsBetter scale url }
        ... on Organization { country }
        ... on Technique { category }
        ... on Product {
          productKind url releaseDate poweredBy { id name type } offeredBy { id name type }
          withheld { attribute value hedged flags { rule reason } }
        }
      }
    }`,
    { id },
  );
  return data.entity;
}

export async function compare(a: string, b: string): Promise<{ shared: EntityRef[]; similar: SimilarModel[] }> {
  const data = await request<{ sharedTechniques: EntityRef[]; similarModels: SimilarModel[] }>(
    `query Compare($ids: [ID!]!, $a: ID!) {
      sharedTechniques(modelIds: $ids) { id name type }
      similarModels(modelId: $a, first: 100) { score model { id name type } }
    }`,
    { ids: [a, b], a },
  );
  return { shared: data.sharedTechniques, similar: data.similarModels };
}

interface ModelPage {
  models: {
    totalCount: number;
    edges: Array<{ node: TimelineModel }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The API's cap on `first`. */
const PAGE = 100;
/** At most this many pages feed the timeline: 5,000 models. */
export const TIMELINE_MAX_PAGES = 50;

/** A page of models, filtered and ordered: the trusted documents' model list (TRUSTED_DOCUMENTS=only pages with it too). */
export async function models(variables: {
  where?: Record<string, unknown>;
  orderBy?: Array<{ field: string; direction: string; nulls?: string }>;
  first: number;
  after?: string | null;
}): Promise<ModelPage['models']> {
  const data = await request<ModelPage>(
    `query Models($where: ModelFilter, $orderBy: [ModelOrder!], $first: Int, $after: String) {
      models(where: $where, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        edges { node { id name releaseDate parameters openWeights influence { pageRank } } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    variables,
  );
  return data.models;
}

/**
 * The dated models by release date, page by page (undated ones come last, so the first undated one
 * ends the walk), for at most `maxPages` pages; `total` counts every model, `complete` is false when
 * dated models were left.
 */
export async function datedModels(maxPages = TIMELINE_MAX_PAGES): Promise<{ models: TimelineModel[]; total: number; complete: boolean }> {
  const out: TimelineModel[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < maxPages; page++) {
    const data = await models({ orderBy: [{ field: 'RELEASE_DATE', direction: 'ASC' }], first: PAGE, after });
    total = data.totalCount;
    const dated = data.edges.map((e) => e.node).filter((m) => m.releaseDate !== null);
    out.push(...dated);
    if (dated.length < data.edges.length || !data.pageInfo.hasNextPage || !data.pageInfo.endCursor)
      return { models: out, total, complete: true };
    after = data.pageInfo.endCursor;
  }
  return { models: out, total, complete: false };
}

/** The API's cap on ids a neighbourhood starts from. */
const IDS_PER_REQUEST = 50;

/** Which of these entities existed as of a day (the server's as-of rules), asked 50 at a time. */
export async function existingAsOf(ids: string[], asOf: string): Promise<Set<string>> {
  const batches = Array.from({ length: Math.ceil(ids.length / IDS_PER_REQUEST) }, (_, i) =>
    ids.slice(i * IDS_PER_REQUEST, (i + 1) * IDS_PER_REQUEST),
  );
  const answers = await Promise.all(
    batches.map((batch) =>
      request<{ neighborhood: { nodes: Array<{ id: string }> } }>(
        `query AsOf($ids: [ID!]!, $asOf: String) { neighborhood(ids: $ids, depth: 0, asOf: $asOf) { nodes { id } } }`,
        { ids: batch, asOf },
      ),
    ),
  );
  return new Set(answers.flatMap((a) => a.neighborhood.nodes.map((n) => n.id)));
}

export async function dataVersion(): Promise<DataVersion> {
  const data = await request<{ dataVersion: DataVersion }>(
    `query DataVersion { dataVersion { graphVersion release catalogues loadedAt sources { id title catalogue date retrieved } } }`,
  );
  return data.dataVersion;
}

/** Every benchmark, by name (the benchmark view's choice), page by page. */
export async function benchmarks(): Promise<BenchmarkChoice[]> {
  const out: BenchmarkChoice[] = [];
  let after: string | null = null;
  for (let page = 0; page < TIMELINE_MAX_PAGES; page++) {
    const data: { benchmarks: { edges: Array<{ node: BenchmarkChoice }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await request(
        `query Benchmarks($first: Int, $after: String) {
          benchmarks(first: $first, after: $after) { edges { node { id name area metric higherIsBetter } } pageInfo { hasNextPage endCursor } }
        }`,
        { first: PAGE, after },
      );
    out.push(...data.benchmarks.edges.map((e) => e.node));
    if (!data.benchmarks.pageInfo.hasNextPage || !data.benchmarks.pageInfo.endCursor) break;
    after = data.benchmarks.pageInfo.endCursor;
  }
  return out;
}

/** A page of a benchmark's leaderboard: each model's best-ranked result among those the filter keeps. */
export async function leaderboard(variables: {
  benchmark: string;
  where?: Record<string, unknown>;
  first: number;
  after?: string | null;
}): Promise<LeaderboardPage> {
  const data = await request<{ leaderboard: LeaderboardPage }>(
    `query Leaderboard($benchmark: ID!, $where: LeaderboardFilter, $first: Int, $after: String) {
      leaderboard(benchmark: $benchmark, where: $where, first: $first, after: $after) {
        totalCount higherIsBetter
        benchmark { id name description metric url area scale }
        pageInfo { hasNextPage endCursor }
        edges { node {
          position results
          model { id name releaseDate openWeights developers { id name type } }
          result {
            key score value rank selfReported measuredBy url logUrl date shots benchmarkVersion scorer modelVersion
            citations { quote note source { id title url } }
          }
        } }
      }
    }`,
    variables,
  );
  return data.leaderboard;
}
