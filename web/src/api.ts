/** The GraphQL client: POST /graphql on the page's own origin, `{ data, errors }` back. */
import {
  CompareDocument,
  DownstreamDocument,
  EntityDocument,
  LineageDocument,
  NeighborhoodDocument,
  PathDocument,
  SearchDocument,
  type TimelineQuery,
  TimelineDocument,
  type TypedDocumentString,
  UsesDocument,
} from './generated/graphql';
import type { Citation, EntityDetails, EntityRef, Graph, SearchHit, SimilarModel, TimelineModel } from './types';

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
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ variables: variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
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

/** At most this many pages of 100 models (the API's cap on `first`) feed the timeline: 5,000 models. */
export const TIMELINE_MAX_PAGES = 50;

/**
 * Models ordered by release date (undated last), following `pageInfo.endCursor` for at most
 * `maxPages` pages; `complete` is false when more models were left.
 */
export async function allModelsByReleaseDate(maxPages = TIMELINE_MAX_PAGES): Promise<{ models: TimelineModel[]; complete: boolean }> {
  const out: TimelineModel[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data: TimelineQuery = await request(TimelineDocument, { after });
    out.push(...data.models.edges.map((e) => e.node));
    if (!data.models.pageInfo.hasNextPage || !data.models.pageInfo.endCursor) return { models: out, complete: true };
    after = data.models.pageInfo.endCursor;
  }
  return { models: out, complete: false };
}
