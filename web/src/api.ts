/** The GraphQL client: POST /graphql on the page's own origin, `{ data, errors }` back. */
import {
  AsOfDocument,
  BenchmarksDocument,
  type BenchmarksQuery,
  CompareDocument,
  DataVersionDocument,
  DownstreamDocument,
  EntityDocument,
  LeaderboardDocument,
  type LeaderboardQueryVariables,
  LineageDocument,
  NeighborhoodDocument,
  PathDocument,
  SearchDocument,
  ModelsDocument,
  type ModelsQuery,
  type ModelsQueryVariables,
  type TypedDocumentString,
  UsesDocument,
} from './generated/graphql';
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

/**
 * Runs one of the explorer's operations (operations/*.graphql, compiled by `npm run codegen`) by its
 * id: the service knows each of them as a trusted document (schema/persisted-query-manifest.json is
 * built from the same generated list), so only the id and the variables travel.
 */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] : [V]
): Promise<T> {
  const hash = String(document.__meta__?.hash ?? '').replace(/^sha256:/, '');
  // Named, so the service's logs and metrics (and whoever watches the page's requests) see which one it is.
  const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1];
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operationName, variables: variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
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

/** Every relationship's citations the explorer has fetched, by edge id: the panel and the source filter read them. */
const edgeCitations = new Map<string, Citation[]>();
export const citationsOfEdge = (id: string): Citation[] => edgeCitations.get(id) ?? [];

function remember<G extends Graph | null>(graph: G): G {
  for (const edge of graph?.edges ?? []) edgeCitations.set(edge.id, edge.citations ?? []);
  return graph;
}

export async function search(query: string, first = 8): Promise<SearchHit[]> {
  return (await request(SearchDocument, { query, first })).search;
}

export async function neighborhood(ids: string[], depth = 1): Promise<Graph> {
  return remember((await request(NeighborhoodDocument, { ids, depth })).neighborhood);
}

export async function usesNeighborhood(ids: string[]): Promise<Graph> {
  return remember((await request(UsesDocument, { ids })).neighborhood);
}

export async function lineage(modelId: string): Promise<Graph> {
  return remember((await request(LineageDocument, { id: modelId })).lineageGraph);
}

export async function downstream(id: string): Promise<Graph> {
  return remember((await request(DownstreamDocument, { id })).downstream);
}

export async function path(fromId: string, toId: string): Promise<Graph | null> {
  return remember((await request(PathDocument, { from: fromId, to: toId })).path);
}

export async function entity(id: string): Promise<EntityDetails | null> {
  return (await request(EntityDocument, { id })).entity;
}

export async function compare(a: string, b: string): Promise<{ shared: EntityRef[]; similar: SimilarModel[] }> {
  const data = await request(CompareDocument, { ids: [a, b], a });
  return { shared: data.sharedTechniques, similar: data.similarModels };
}

/** The API's cap on `first`. */
const PAGE = 100;
/** At most this many pages feed the timeline: 5,000 models. */
export const TIMELINE_MAX_PAGES = 50;

/** A page of models, filtered and ordered: the trusted documents' model list (TRUSTED_DOCUMENTS=only pages with it too). */
export async function models(variables: ModelsQueryVariables): Promise<ModelsQuery['models']> {
  return (await request(ModelsDocument, variables)).models;
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
    const data: ModelsQuery['models'] = await models({ orderBy: [{ field: 'RELEASE_DATE', direction: 'ASC' }], first: PAGE, after });
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
  const answers = await Promise.all(batches.map((batch) => request(AsOfDocument, { ids: batch, asOf })));
  return new Set(answers.flatMap((a) => a.neighborhood.nodes.map((n) => n.id)));
}

export async function dataVersion(): Promise<DataVersion> {
  return (await request(DataVersionDocument)).dataVersion;
}

/** Every benchmark, by name (the benchmark view's choice), page by page. */
export async function benchmarks(): Promise<BenchmarkChoice[]> {
  const out: BenchmarkChoice[] = [];
  let after: string | null = null;
  for (let page = 0; page < TIMELINE_MAX_PAGES; page++) {
    const found: BenchmarksQuery['benchmarks'] = (await request(BenchmarksDocument, { first: PAGE, after })).benchmarks;
    out.push(...found.edges.map((e) => e.node));
    if (!found.pageInfo.hasNextPage || !found.pageInfo.endCursor) break;
    after = found.pageInfo.endCursor;
  }
  return out;
}

/** A page of a benchmark's leaderboard: each model's best-ranked result among those the filter keeps. */
export async function leaderboard(variables: LeaderboardQueryVariables): Promise<LeaderboardPage> {
  return (await request(LeaderboardDocument, variables)).leaderboard;
}
