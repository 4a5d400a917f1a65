/**
 * typeDefs for @neo4j/graphql (v7) over the same graph. Our nodes carry two labels (:Entity:Model),
 * so each type names its label with @node; `Entity` maps the shared label for path, neighbourhood
 * and search. Graph algorithms the library cannot generate are @cypher fields.
 */
export const PEER_TYPEDEFS = /* GraphQL */ `
  type Model @node(labels: ["Model"]) {
    id: ID!
    name: String!
    description: String
    parameters: Float
    contextWindow: Int
    releaseDate: String
    openWeights: Boolean
    developers: [Organization!]! @relationship(type: "DEVELOPED_BY", direction: OUT)
    techniques: [Technique!]! @relationship(type: "USES", direction: OUT)
    limitations: [Limitation!]! @relationship(type: "HAS_LIMITATION", direction: OUT)
    parents: [Model!]! @relationship(type: "DERIVED_FROM", direction: OUT)
    children: [Model!]! @relationship(type: "DERIVED_FROM", direction: IN)
    "Ancestors up to 10 generations, nearest first (no depth/kind/via: @cypher returns nodes)."
    ancestors: [Model!]!
      @cypher(
        statement: """
        MATCH p = (this)-[:DERIVED_FROM*1..10]->(m:Model)
        WITH m, min(length(p)) AS depth
        ORDER BY depth, m.name
        RETURN m
        """
        columnName: "m"
      )
    "Most similar models by Jaccard similarity of techniques (models only, no score)."
    similar(first: Int = 10): [Model!]!
      @cypher(
        statement: """
        MATCH (this)-[:USES]->(t:Technique)
        WITH this, count(t) AS mine
        MATCH (this)-[:USES]->(t:Technique)<-[:USES]-(other:Model)
        WHERE other <> this
        WITH this, mine, other, count(t) AS shared
        WITH other, shared, toFloat(shared) / (mine + COUNT { (other)-[:USES]->(:Technique) } - shared) AS score
        ORDER BY score DESC, shared DESC, other.name
        LIMIT $first
        RETURN other
        """
        columnName: "other"
      )
  }

  type Organization @node(labels: ["Organization"]) {
    id: ID!
    name: String!
    country: String
    models: [Model!]! @relationship(type: "DEVELOPED_BY", direction: IN)
  }

  type Technique @node(labels: ["Technique"]) {
    id: ID!
    name: String!
    category: String
    usedBy: [Model!]! @relationship(type: "USES", direction: IN)
  }

  type Limitation @node(labels: ["Limitation"]) {
    id: ID!
    name: String!
  }

  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    "Entities within 2 relationships (no edges: @cypher returns nodes), at most 200."
    neighbours: [Entity!]!
      @cypher(
        statement: """
        CALL (this) { MATCH (this)-[:BUILDS_ON|COLLABORATES_WITH|COMPETES_WITH|DERIVED_FROM|DEVELOPED_BY|HAS_LIMITATION|INVESTS_IN|MITIGATES|PROPOSED_BY|USES]-(x:Entity) RETURN collect(DISTINCT x) AS l1 }
        CALL (l1) { UNWIND l1 AS f MATCH (f)-[:BUILDS_ON|COLLABORATES_WITH|COMPETES_WITH|DERIVED_FROM|DEVELOPED_BY|HAS_LIMITATION|INVESTS_IN|MITIGATES|PROPOSED_BY|USES]-(y:Entity) RETURN collect(DISTINCT y) AS l2 }
        UNWIND ([this] + l1 + [y IN l2 WHERE y <> this AND NOT y IN l1])[0..200] AS n
        RETURN n
        """
        columnName: "n"
      )
  }

  type Query {
    "Nodes of a shortest path, in order (no edges: @cypher returns nodes)."
    pathNodes(fromId: ID!, toId: ID!): [Entity!]!
      @cypher(
        statement: """
        MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
        MATCH p = shortestPath((a)-[:BUILDS_ON|COLLABORATES_WITH|COMPETES_WITH|DERIVED_FROM|DEVELOPED_BY|HAS_LIMITATION|INVESTS_IN|MITIGATES|PROPOSED_BY|USES*..6]-(b))
        UNWIND nodes(p) AS n
        RETURN n
        """
        columnName: "n"
      )
    "Full-text search over the same index (no score)."
    searchEntities(query: String!, first: Int = 10): [Entity!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 50}) YIELD node, score
        WITH node, score ORDER BY score DESC, node.name LIMIT $first
        RETURN node
        """
        columnName: "node"
      )
  }
`;
