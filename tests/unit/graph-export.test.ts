import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, KINDS } from '../../src/domain/registry.js';
import { loadDatasetOrThrow } from '../../src/seed/dataset.js';
import { jsonEncodedKeys, toExportedGraph } from '../../src/seed/graph-export.js';
import { toGraphRows } from '../../src/seed/graph-rows.js';
import { toGraphML } from '../../src/seed/graphml.js';
import { readGraphML } from '../helpers/graphml-reader.js';

// The rows the seed loader writes into the graph (the database test does the same with the rows
// read back from Neo4j): the exports must carry all of them.
const rows = toGraphRows(loadDatasetOrThrow('seed'));
const graph = toExportedGraph(rows);

/** The exported graph without null attributes, as GraphML (which has no null) can hold it. */
const withoutNulls = <T extends { attributes: object }>(items: T[]) =>
  items.map((item) => ({ ...item, attributes: Object.fromEntries(Object.entries(item.attributes).filter(([, v]) => v !== null)) }));

describe('the JSON graph export', () => {
  it('holds every entity, relationship and citation, with the type names of the API', () => {
    const entities = ENTITY_TYPES.flatMap((type) => rows.entities[type]);
    expect(graph.nodes.map((n) => n.key).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(graph.edges).toHaveLength(Object.values(rows.relationships).flat().length);
    const citations = graph.nodes.reduce((sum, n) => sum + n.attributes.sources.length + (n.attributes.claims as unknown[]).length, 0);
    expect(citations).toBe(rows.citations.length);
    expect(new Set(graph.nodes.map((n) => n.attributes.type))).toEqual(
      new Set(ENTITY_TYPES.filter((type) => rows.entities[type].length > 0)),
    );
    const gpt4 = graph.nodes.find((n) => n.key === 'gpt-4')!;
    expect(gpt4.attributes).toMatchObject({ type: 'MODEL', label: 'GPT-4' });
    expect(typeof gpt4.attributes.description).toBe('string');
    for (const node of graph.nodes) {
      const kind = KINDS[node.attributes.type as keyof typeof KINDS];
      const entity = rows.entities[node.attributes.type as keyof typeof KINDS].find((e) => e.id === node.key)!;
      for (const name of Object.keys(kind.properties))
        if (entity.props[name] !== null && entity.props[name] !== undefined)
          expect(node.attributes[name], `${node.key}.${name}`).toEqual(entity.props[name]);
    }
  });
});

describe('the GraphML export, read back with an XML parser', () => {
  const read = readGraphML(toGraphML(graph), jsonEncodedKeys());

  it('gives back every node and edge with every attribute of the JSON export', () => {
    expect(read.nodes).toEqual(withoutNulls(graph.nodes));
    expect(read.edges).toEqual(withoutNulls(graph.edges));
  });

  it('keeps Chinese aliases, descriptions, claims and quotes', () => {
    const chinese = read.nodes.filter((n) => (n.attributes.aliases as string[]).some((a) => /\p{Script=Han}/u.test(a)));
    expect(chinese.length).toBeGreaterThan(5);
    const claimed = read.nodes.find((n) => n.key === 'gpt-4')!.attributes.claims as Array<{ attribute: string; quote: string }>;
    expect(claimed.some((c) => c.attribute === 'parameters' && c.quote.includes('猜测'))).toBe(true);
    const edge = read.edges.find((e) => e.key === 'gpt-2:DERIVED_FROM:gpt-1')!;
    expect(edge.attributes).toMatchObject({ relation: 'DERIVED_FROM', kind: 'SUCCESSOR' });
    expect((edge.attributes.citations as unknown[]).length).toBeGreaterThan(0);
  });
});
