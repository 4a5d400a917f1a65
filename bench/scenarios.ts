/**
 * The request mixes. Each scenario has one list of variable sets, drawn once from the generated
 * graph, and three renderings of the same request: our GraphQL query, the peer's GraphQL query
 * (null where @neo4j/graphql cannot express it) and the hand-written Cypher the raw system sends.
 */
import { RELATION_TYPES } from '../src/domain/registry.js';
import type { GeneratedGraph } from './generator.js';

export type Vars = Record<string, unknown>;

export interface Scenario {
  name: string;
  /** What is asked, for the README and the report. */
  description: string;
  items(picks: GeneratedGraph['picks']): Vars[];
  ours: string;
  peer: { query: string; vars?: (v: Vars) => Vars; note?: string } | null;
  raw: { cypher: string; params?: (v: Vars) => Vars };
}

// Every domain relationship type, as ours follows (a hand-kept list had fallen behind the registry).
const REL_TYPES = RELATION_TYPES.join('|');
// A node's kind from its labels, as ours reports it.
const KIND = (n: string) => `head([l IN labels(${n}) WHERE l <> 'Entity'])`;
const byName = (v: string) => `WITH ${v} ORDER BY ${v}.name, ${v}.id`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'model-by-id',
    description: 'One model and its scalar fields, by id.',
    items: (p) => p.modelIds.map((id) => ({ id })),
    ours: 'query Q($id: ID!) { model(id: $id) { id name parameters releaseDate openWeights contextWindow } }',
    peer: {
      query: 'query Q($id: ID!) { models(where: { id: { eq: $id } }) { id name parameters releaseDate openWeights contextWindow } }',
    },
    raw: { cypher: 'MATCH (n:Model {id: $id}) RETURN n {.id, .name, .parameters, .releaseDate, .openWeights, .contextWindow} AS model' },
  },
  {
    name: 'models-page',
    description: 'The first page of 50 models by name, each with its developers and techniques.',
    items: () => [{}],
    ours: '{ models(first: 50) { edges { node { id name developers { id name } techniques { id name } } } } }',
    peer: { query: '{ models(limit: 50, sort: [{ name: ASC }, { id: ASC }]) { id name developers { id name } techniques { id name } } }' },
    raw: {
      cypher: `MATCH (n:Model) WHERE n.sortName IS NOT NULL WITH n ORDER BY n.sortName, n.id LIMIT 50
        RETURN n {.id, .name,
          developers: COLLECT { MATCH (n)-[:DEVELOPED_BY]->(o:Organization) ${byName('o')} RETURN o {.id, .name} },
          techniques: COLLECT { MATCH (n)-[:USES]->(t:Technique) ${byName('t')} RETURN t {.id, .name} }} AS node`,
    },
  },
  {
    name: 'nested-4-levels',
    description: '50 models -> developers -> their models -> techniques.',
    items: () => [{}],
    ours: '{ models(first: 50) { edges { node { id name developers { id name models { id name techniques { id name } } } } } } }',
    peer: {
      query:
        '{ models(limit: 50, sort: [{ name: ASC }, { id: ASC }]) { id name developers { id name models { id name techniques { id name } } } } }',
    },
    raw: {
      cypher: `MATCH (n:Model) WHERE n.sortName IS NOT NULL WITH n ORDER BY n.sortName, n.id LIMIT 50
        RETURN n {.id, .name,
          developers: COLLECT { MATCH (n)-[:DEVELOPED_BY]->(o:Organization) ${byName('o')}
            RETURN o {.id, .name, models: COLLECT { MATCH (o)<-[:DEVELOPED_BY]-(m:Model) ${byName('m')} LIMIT 200
              RETURN m {.id, .name, techniques: COLLECT { MATCH (m)-[:USES]->(t:Technique) ${byName('t')} RETURN t {.id, .name} }} }} }} AS node`,
    },
  },
  {
    name: 'lineage-depth-10',
    description: 'Ancestors of a model 10+ generations deep, up to 10 generations, nearest first, with kind and via.',
    items: (p) => p.deepModelIds.map((id) => ({ id })),
    ours: 'query Q($id: ID!) { lineage(modelId: $id, direction: ANCESTORS, maxDepth: 10) { depth kind model { id name } via { id } } }',
    peer: {
      query: 'query Q($id: ID!) { models(where: { id: { eq: $id } }) { id ancestors { id name } } }',
      note: '@cypher field returning the ancestor models only (no depth/kind/via)',
    },
    raw: {
      cypher: `MATCH (start:Model {id: $id})
        MATCH p = (start)-[:DERIVED_FROM*1..10]->(m:Model)
        WITH m, p ORDER BY length(p)
        WITH m, head(collect(p)) AS p
        RETURN length(p) AS depth, last(relationships(p)).kind AS kind, m {.id, .name} AS model,
               CASE WHEN length(p) > 1 THEN nodes(p)[-2].id END AS via
        ORDER BY depth, model.name`,
    },
  },
  {
    name: 'shared-techniques',
    description: 'Techniques used by all of 3 models.',
    items: (p) => p.techniqueUserTriples.map((ids) => ({ ids })),
    ours: 'query Q($ids: [ID!]!) { sharedTechniques(modelIds: $ids) { id name } }',
    peer: {
      query:
        'query Q($a: ID!, $b: ID!, $c: ID!) { techniques(where: { AND: [{ usedBy: { some: { id: { eq: $a } } } }, { usedBy: { some: { id: { eq: $b } } } }, { usedBy: { some: { id: { eq: $c } } } }] }, sort: [{ name: ASC }]) { id name } }',
      vars: (v) => {
        const [a, b, c] = v.ids as string[];
        return { a, b, c };
      },
    },
    raw: {
      cypher: `MATCH (m:Model)-[:USES]->(t:Technique) WHERE m.id IN $ids
        WITH t, count(DISTINCT m) AS users WHERE users = size($ids)
        RETURN t {.id, .name} AS technique ORDER BY t.name`,
    },
  },
  {
    name: 'similar-models',
    description: 'The 10 models most similar by Jaccard similarity of techniques, with score and shared techniques.',
    items: (p) => p.similarModelIds.map((id) => ({ id })),
    ours: 'query Q($id: ID!) { similarModels(modelId: $id, first: 10) { score model { id name } shared { id name } } }',
    peer: {
      query: 'query Q($id: ID!) { models(where: { id: { eq: $id } }) { id similar(first: 10) { id name } } }',
      note: '@cypher field returning the similar models only (no score/shared)',
    },
    raw: {
      cypher: `MATCH (m:Model {id: $id})-[:USES]->(t:Technique)
        WITH m, collect(t) AS mine
        UNWIND mine AS t
        MATCH (t)<-[:USES]-(other:Model) WHERE other <> m
        WITH mine, other, collect(t) AS shared
        WITH other, shared, toFloat(size(shared)) / (size(mine) + COUNT { (other)-[:USES]->(:Technique) } - size(shared)) AS score
        ORDER BY score DESC, size(shared) DESC, other.name LIMIT 10
        RETURN score, other {.id, .name} AS model, [t IN shared | t {.id, .name}] AS shared`,
    },
  },
  {
    name: 'shortest-path',
    description: 'A shortest path (any direction, up to 6 hops) between two models: nodes and edges.',
    items: (p) => p.pathPairs.map(([from, to]) => ({ from, to })),
    ours: 'query Q($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxDepth: 6) { nodes { id label type } edges { source target type } } }',
    peer: {
      query: 'query Q($from: ID!, $to: ID!) { pathNodes(fromId: $from, toId: $to) { id name } }',
      note: '@cypher query returning the path nodes only (no edges)',
    },
    raw: {
      cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = shortestPath((a)-[:${REL_TYPES}*..6]-(b))
        RETURN [n IN nodes(p) | {id: n.id, label: n.name, type: ${KIND('n')}}] AS nodes,
               [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges`,
    },
  },
  {
    name: 'neighbourhood-depth-2',
    description: 'Entities within 2 relationships of a model (at most 200), with the edges among them.',
    items: (p) => p.modelIds.map((id) => ({ id })),
    ours: 'query Q($id: ID!) { neighborhood(ids: [$id], depth: 2, limit: 200) { nodes { id label type } edges { source target type } truncated } }',
    peer: {
      query: 'query Q($id: ID!) { entities(where: { id: { eq: $id } }) { id neighbours { id name } } }',
      note: '@cypher field returning the nodes only (no edges)',
    },
    raw: {
      cypher: `MATCH (s:Entity {id: $id})
        CALL (s) { MATCH (s)-[:${REL_TYPES}]-(x:Entity) WITH DISTINCT x LIMIT 201 RETURN collect(x) AS l1 }
        CALL (l1) { UNWIND l1 AS f MATCH (f)-[:${REL_TYPES}]-(y:Entity) WITH DISTINCT y LIMIT 201 RETURN collect(y) AS l2 }
        WITH ([s] + l1 + [y IN l2 WHERE y <> s AND NOT y IN l1]) AS everything
        WITH everything[0..200] AS kept, size(everything) > 200 AS truncated
        CALL (kept) { UNWIND kept AS a MATCH (a)-[r:${REL_TYPES}]->(b) WHERE b IN kept
                      RETURN collect({source: a.id, target: b.id, type: type(r)}) AS edges }
        RETURN [n IN kept | {id: n.id, label: n.name, type: ${KIND('n')}}] AS nodes, edges, truncated`,
    },
  },
  {
    name: 'search',
    description: 'Full-text search for a model family name, first 10 hits.',
    items: (p) => p.searchTerms.map((q) => ({ q })),
    ours: 'query Q($q: String!) { search(query: $q, first: 10) { score entity { id name type } } }',
    peer: {
      query: 'query Q($q: String!) { searchEntities(query: $q, first: 10) { id name } }',
      note: '@cypher query over the same full-text index (no score ranking by exact name)',
    },
    raw: {
      cypher: `CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 50}) YIELD node, score
        WITH node, score + CASE WHEN toLower(node.name) STARTS WITH toLower($q) THEN 10.0 ELSE 0.0 END AS ranked
        ORDER BY ranked DESC, node.name LIMIT 10
        RETURN ranked AS score, node {.id, .name} AS entity`,
    },
  },
];

export const SCENARIO_BY_NAME = new Map(SCENARIOS.map((s) => [s.name, s]));
