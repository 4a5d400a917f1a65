import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { MultiDirectedGraph } from 'graphology';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Service } from '../src/service.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

// The set-ups the README shows, run against the real service (development mode, no DEBUG_ERRORS).
let service: Service;
let client: ApolloClient;
beforeAll(async () => {
  // A generous deadline: the first neighbourhood with citations compiles its Cypher on a busy machine.
  service = await startTestService({ REQUEST_TIMEOUT_MS: '30000', API_TOKENS });
  client = new ApolloClient({
    link: new HttpLink({ uri: `${service.url}/graphql` }),
    cache: new InMemoryCache({
      possibleTypes: JSON.parse(readFileSync('schema/possible-types.json', 'utf8')) as Record<string, string[]>,
      typePolicies: { Query: { fields: { models: relayStylePagination(['where', 'orderBy']) } } },
    }),
  });
});
afterAll(() => service.stop());

type GraphResult = {
  nodes: Array<{ id: string; label: string; type: string }>;
  edges: Array<{ id: string; source: string; target: string; type: string; kind: string | null; citations: Array<{ quote: string }> }>;
  truncated: boolean;
};

const NEIGHBOURHOOD = gql`
  query Neighbourhood($ids: [ID!]!) {
    neighborhood(ids: $ids) {
      nodes { id label type }
      edges { id source target type kind citations { quote confidence source { id title file url } } }
      truncated
    }
    entity(id: "gpt-4") { id ...Named }
    search(query: "RLHF", first: 3) { score entity { id ...Named } }
  }
  fragment Named on Entity { name type sources { quote source { id title } } }
`;

describe('Apollo Client', () => {
  it('fetches a neighbourhood at the default limit with citations, and Entity fragments keep their fields', async () => {
    const { data, error } = await client.query<{
      neighborhood: GraphResult;
      entity: { __typename: string; id: string; name: string; type: string };
      search: Array<{ entity: { __typename: string; name: string; type: string } }>;
    }>({ query: NEIGHBOURHOOD, variables: { ids: ['gpt-4'] } });
    expect(error).toBeUndefined();
    expect(data!.neighborhood.nodes.length).toBeGreaterThan(10);
    expect(data!.neighborhood.edges.some((e) => e.citations.length > 0)).toBe(true);
    expect(data!.entity).toMatchObject({ __typename: 'Model', id: 'gpt-4', name: 'GPT-4', type: 'MODEL' });
    expect(data!.search.length).toBeGreaterThan(0);
    for (const hit of data!.search) expect(typeof hit.entity.name).toBe('string');
  });

  it('pages models with relayStylePagination, merging the pages in the cache', async () => {
    const MODELS = gql`
      query Models($after: String) {
        models(first: 5, after: $after) { edges { cursor node { id ...ModelName } } pageInfo { hasNextPage endCursor } }
      }
      fragment ModelName on Entity { name }
    `;
    type Page = { models: { edges: Array<{ node: { id: string; name: string } }>; pageInfo: { endCursor: string } } };
    const first = await client.query<Page>({ query: MODELS });
    // A later page is fetched from the server and merged into the cached list by relayStylePagination.
    await client.query<Page>({ query: MODELS, variables: { after: first.data!.models.pageInfo.endCursor }, fetchPolicy: 'network-only' });
    const merged = client.cache.readQuery<Page>({ query: MODELS });
    const server = await graphql<{ models: { edges: Array<{ node: { id: string } }> } }>(
      service.url,
      '{ models(first: 10) { edges { node { id } } } }',
    );
    expect(merged!.models.edges.map((e) => e.node.id)).toEqual(server.data!.models.edges.map((e) => e.node.id));
    expect(merged!.models.edges).toHaveLength(10);
    expect(merged!.models.edges.every((e) => e.node.name.length > 0)).toBe(true);
  });

  it('gets errors without stack traces unless DEBUG_ERRORS asks for them', async () => {
    const result = await graphql(service.url, '{ model(id: "gpt-4") { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });
});

describe('graphology', () => {
  it('loads a Graph as a multigraph keyed by node and edge ids, keeping parallel edges of different types', async () => {
    // The reviewed seed has no pair joined by two types, so the test adds one and removes it after.
    const link = await graphql<{ linkEntities: { id: string } }>(
      service.url,
      'mutation($input: LinkInput!) { linkEntities(input: $input) { id } }',
      {
        input: {
          fromId: 'gpt-4-turbo',
          toId: 'gpt-4',
          type: 'COMPETES_WITH',
          citation: { url: 'https://example.org/clients-test', quote: 'A parallel edge for the multigraph test.' },
        },
      },
      bearer(EDITOR_TOKEN),
    );
    expect(link.errors).toBeUndefined();
    onTestFinished(async () => {
      await graphql(
        service.url,
        'mutation($id: ID!) { unlinkEntities(edgeId: $id) }',
        { id: link.data!.linkEntities.id },
        bearer(EDITOR_TOKEN),
      );
    });
    const result = await graphql<{ neighborhood: GraphResult }>(
      service.url,
      '{ neighborhood(ids: ["gpt-4"]) { nodes { id label type } edges { id source target type kind } } }',
    );
    const { nodes, edges } = result.data!.neighborhood;
    const graph = new MultiDirectedGraph();
    graph.import({
      nodes: nodes.map(({ id, ...attributes }) => ({ key: id, attributes })),
      edges: edges.map(({ id, source, target, ...attributes }) => ({ key: id, source, target, attributes })),
    });
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(edges.length);
    // GPT-4 Turbo derives from GPT-4, and the test's own link sets them against each other as well.
    const between = graph.edges('gpt-4-turbo', 'gpt-4').map((e) => graph.getEdgeAttribute(e, 'type') as string);
    expect(between.sort()).toEqual(['COMPETES_WITH', 'DERIVED_FROM']);
  });
});
