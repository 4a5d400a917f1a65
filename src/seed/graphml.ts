import { EDGE_ATTRIBUTE_TYPES, type ExportedGraph, jsonEncodedKeys, nodeAttributeTypes } from './graph-export.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Scalars as text; lists and records (aliases, modalities, citations, claims) as JSON text a tool can parse. */
const JSON_KEYS = jsonEncodedKeys();
const dataText = (key: string, value: unknown): string => (JSON_KEYS.has(key) ? JSON.stringify(value) : String(value));

/** `ids` names each attribute's key where it differs from the attribute (an edge attribute a node attribute also has). */
const data = (attributes: Record<string, unknown>, keys: Map<string, unknown>, ids: Map<string, string> = new Map()) =>
  [...keys.keys()]
    .filter((key) => attributes[key] !== undefined && attributes[key] !== null)
    .map((key) => `<data key="${ids.get(key) ?? key}">${escapeXml(dataText(key, attributes[key]))}</data>`)
    .join('');

/** Key ids are one namespace for nodes and edges: an edge attribute named like a node attribute (a result's `url`) gets `edge.<name>`. */
const edgeKeyIds = (nodeKeys: Map<string, unknown>) =>
  new Map([...EDGE_ATTRIBUTE_TYPES.keys()].filter((name) => nodeKeys.has(name)).map((name) => [name, `edge.${name}`]));

/**
 * The graph as GraphML (Gephi, NetworkX, yEd): one key per attribute of the JSON export, derived
 * from the registry, so nothing the graph holds is dropped. Node `type` is the API's EntityType
 * (MODEL), edge `relation` its RelationType.
 */
export function toGraphML(graph: ExportedGraph): string {
  const nodeKeys = nodeAttributeTypes();
  const edgeIds = edgeKeyIds(nodeKeys);
  const key = (name: string, target: 'node' | 'edge', type: string, id = name) =>
    `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...nodeKeys].map(([name, type]) => key(name, 'node', type)),
    ...[...EDGE_ATTRIBUTE_TYPES].map(([name, type]) => key(name, 'edge', type, edgeIds.get(name))),
    `  <graph id="${escapeXml(graph.attributes.name)}" edgedefault="directed">`,
  ];
  for (const node of graph.nodes) lines.push(`    <node id="${escapeXml(node.key)}">${data(node.attributes, nodeKeys)}</node>`);
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data(edge.attributes, EDGE_ATTRIBUTE_TYPES, edgeIds)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
