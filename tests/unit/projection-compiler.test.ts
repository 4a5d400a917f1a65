import { type DocumentNode, type FieldNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { EntityType } from '../../src/domain/registry.js';
import { createSchema } from '../../src/graphql/schema.js';
import { selectionAt } from '../../src/graphql/selection.js';
import { ProjectionCompiler } from '../../src/repositories/projection.cypher.js';

// Selection → Cypher, without a database, in the manner of the Neo4j GraphQL Library's TCK tests:
// a GraphQL operation in, the exact Cypher projection out. The statement text is the contract: one
// projection per root field (one round trip), identifiers only from the registry, no request value
// spliced in (values travel as parameters, so none appear here).

let schema: Awaited<ReturnType<typeof createSchema>>;
beforeAll(async () => {
  schema = await createSchema();
});

/** The resolve info a root field gets for `query`, as far as the selection code reads it. */
function rootInfo(query: string): GraphQLResolveInfo {
  const document: DocumentNode = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

const compile = (query: string, path: string[], types?: EntityType[]) =>
  new ProjectionCompiler().entity('n', selectionAt(rootInfo(query), path, types)).replace(/\s+/g, ' ');

describe('selection → Cypher projection', () => {
  it('reads only the properties a query selects, and tags the kind', () => {
    expect(compile('{ model(id: "gpt-4") { id name parameters __typename type } }', [], [EntityType.MODEL])).toBe(
      "n {.id, .name, .parameters, __type: 'MODEL'}",
    );
  });

  it('compiles nested relationship fields into COLLECT subqueries with the registry direction and cap', () => {
    expect(compile('{ technique(id: "rope") { usedBy { name developers { id } } } }', [], [EntityType.TECHNIQUE])).toBe(
      "n {.id, __type: 'TECHNIQUE', usedBy: COLLECT { MATCH (n)<-[r1:USES]-(x2:Model) WITH r1, x2 ORDER BY x2.name, x2.id LIMIT 200 " +
        'RETURN x2 {.id, .name, developers: COLLECT { MATCH (x2)-[r3:DEVELOPED_BY]->(x4:Organization) ' +
        'WITH r3, x4 ORDER BY x4.name, x4.id LIMIT 200 RETURN x4 {.id} }} }}',
    );
  });

  it('follows symmetric relationships in both directions, meeting a self-loop once', () => {
    expect(compile('{ model(id: "gpt-4") { competitors { id } } }', [], [EntityType.MODEL])).toContain(
      'MATCH (n)-[r1:COMPETES_WITH]-(x2:Model) WITH DISTINCT r1, x2',
    );
  });

  it('compiles lineage links with their kind and, when asked, the relationship citations', () => {
    const cypher = compile('{ model(id: "gpt-4") { parents { kind model { name } citations { quote } } } }', [], [EntityType.MODEL]);
    expect(cypher).toBe(
      "n {.id, __type: 'MODEL', parents: COLLECT { MATCH (n)-[r1:DERIVED_FROM]->(x2:Model) WITH r1, x2 ORDER BY x2.name, x2.id LIMIT 200 " +
        'RETURN {kind: r1.kind, model: x2 {.id, .name}, citations: COLLECT { UNWIND range(0, size(coalesce(r1.citationSources, [])) - 1) AS i3 ' +
        'MATCH (s4:Source {id: r1.citationSources[i3]}) WITH i3, s4 ORDER BY i3 ' +
        "RETURN {quote: CASE WHEN coalesce(r1.citationQuotes[i3], '') = '' THEN null ELSE r1.citationQuotes[i3] END, " +
        "note: CASE WHEN coalesce(r1.citationNotes[i3], '') = '' THEN null ELSE r1.citationNotes[i3] END, confidence: r1.citationConfidences[i3], relation: type(r1), source: s4 {.*}} }} }}",
    );
  });

  it('compiles a `…Links` field as the plain field’s entities, each with the relationship’s citations', () => {
    const plain = compile('{ model(id: "gpt-4") { techniques { name } } }', [], [EntityType.MODEL]);
    const linked = compile('{ model(id: "gpt-4") { techniquesLinks { node { name } citations { quote } } } }', [], [EntityType.MODEL]);
    expect(plain).toContain('RETURN x2 {.id, .name} }');
    expect(linked).toContain(
      'techniquesLinks: COLLECT { MATCH (n)-[r1:USES]->(x2:Technique) WITH r1, x2 ORDER BY x2.name, x2.id LIMIT 200',
    );
    expect(linked).toContain(
      'RETURN {node: x2 {.id, .name}, citations: COLLECT { UNWIND range(0, size(coalesce(r1.citationSources, [])) - 1)',
    );
    const bare = compile('{ model(id: "gpt-4") { techniquesLinks { node { name } } } }', [], [EntityType.MODEL]);
    expect(bare).not.toContain('citationSources');
  });

  it('compiles mentions, claims and withheld claims from CITES, split on the attribute', () => {
    const flags = (c: string) =>
      `flags: [i IN range(0, size(coalesce(${c}.qualityRules, [])) - 1) | {rule: ${c}.qualityRules[i], reason: ${c}.qualityReasons[i]}], `;
    const claim = (c: string) =>
      `RETURN {attribute: ${c}.attribute, value: ${c}.value, rank: coalesce(${c}.rank, 'NORMAL'), reason: ${c}.reason, hedged: coalesce(${c}.hedged, false), ${flags(c)}`;
    expect(compile('{ model(id: "gpt-4") { sources { quote } claims { value } withheld { value } } }', [], [EntityType.MODEL])).toBe(
      "n {.id, __type: 'MODEL', sources: COLLECT { MATCH (n)-[c1:CITES]->(s2:Source) WHERE c1.attribute IS NULL WITH c1, s2 ORDER BY c1.ordinal " +
        'RETURN {quote: c1.quote, note: c1.note, confidence: c1.confidence, locator: c1.locator, source: s2 {.*}} }, ' +
        'claims: COLLECT { MATCH (n)-[c3:CITES]->(s4:Source) WHERE c3.attribute IS NOT NULL WITH c3, s4 ORDER BY c3.ordinal ' +
        `${claim('c3')}quote: c3.quote, note: c3.note, confidence: c3.confidence, locator: c3.locator, source: s4 {.*}} }, ` +
        'withheld: COLLECT { MATCH (n)-[c5:CITES]->(s6:Source) ' +
        "WHERE c5.attribute IS NOT NULL AND n[c5.attribute] IS NULL AND coalesce(c5.rank, 'NORMAL') <> 'DEPRECATED' WITH c5, s6 ORDER BY c5.ordinal " +
        `${claim('c5')}quote: c5.quote, note: c5.note, confidence: c5.confidence, locator: c5.locator, source: s6 {.*}} }}`,
    );
  });

  it('branches on the label for a field typed as the Entity interface, per inline and named fragment', () => {
    const query = `query { search(query: "rope") { score entity { ...named ... on Technique { category } ... on Model { releaseDate } } } }
      fragment named on Entity { name }`;
    expect(compile(query, ['entity'])).toBe(
      "CASE WHEN n:Model THEN n {.id, .name, .releaseDate, __type: 'MODEL'} WHEN n:Organization THEN n {.id, .name, __type: 'ORGANIZATION'} " +
        "WHEN n:Technique THEN n {.id, .name, .category, __type: 'TECHNIQUE'} WHEN n:Limitation THEN n {.id, .name, __type: 'LIMITATION'} " +
        "WHEN n:Dataset THEN n {.id, .name, __type: 'DATASET'} " +
        "WHEN n:Product THEN n {.id, .name, __type: 'PRODUCT'} WHEN n:Series THEN n {.id, .name, __type: 'SERIES'} " +
        "WHEN n:Offering THEN n {.id, .name, __type: 'OFFERING'} WHEN n:Benchmark THEN n {.id, .name, __type: 'BENCHMARK'} " +
        "ELSE n {.id, .name, __type: CASE WHEN n:Model THEN 'MODEL' WHEN n:Organization THEN 'ORGANIZATION' WHEN n:Technique THEN 'TECHNIQUE' WHEN n:Limitation THEN 'LIMITATION' " +
        "WHEN n:Dataset THEN 'DATASET' WHEN n:Product THEN 'PRODUCT' WHEN n:Series THEN 'SERIES' WHEN n:Offering THEN 'OFFERING' " +
        "WHEN n:Benchmark THEN 'BENCHMARK' END} END",
    );
  });

  it('reads the kind from the labels in one map when every kind is asked the same properties', () => {
    expect(compile('query { search(query: "rope") { entity { id name type } } }', ['entity'])).toBe(
      "n {.id, .name, __type: CASE WHEN n:Model THEN 'MODEL' WHEN n:Organization THEN 'ORGANIZATION' WHEN n:Technique THEN 'TECHNIQUE' " +
        "WHEN n:Limitation THEN 'LIMITATION' WHEN n:Dataset THEN 'DATASET' WHEN n:Product THEN 'PRODUCT' WHEN n:Series THEN 'SERIES' " +
        "WHEN n:Offering THEN 'OFFERING' WHEN n:Benchmark THEN 'BENCHMARK' END}",
    );
  });

  it('finds the entities of a connection under edges.node', () => {
    expect(
      compile('{ organizations(first: 2) { totalCount edges { cursor node { country } } } }', ['edges', 'node'], [EntityType.ORGANIZATION]),
    ).toBe("n {.id, .country, __type: 'ORGANIZATION'}");
  });

  it('never splices a request value into the statement', () => {
    const cypher = compile('{ model(id: "x\' }) DETACH DELETE n //") { name developers { name } } }', [], [EntityType.MODEL]);
    expect(cypher).not.toContain('DETACH');
    expect(cypher).not.toContain('$');
  });
});
