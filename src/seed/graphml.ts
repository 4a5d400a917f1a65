import { EDGE_ATTRIBUTE_TYPES, type ExportedGraph, jsonEncodedKeys, nodeAttributeTypes } from './graph-export.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Scalars as text; lists and records (aliases, modalities, citations, claims) as JSON text a tool can parse. */
const JSON_KEYS = jsonEncodedKeys();
const dataText = (key: string, value: unknown): string => (JSON_KEYS.has(key) ? JSON.stringify(value) : String(value));

const data = (attributes: Record<string, unknown>, keys: Map<string, unknown>) =>
  [...keys.keys()]
    .filter((key) => attributes[key] !== undefined && attributes[key] !== null)
    .map((key) => `<data key="${key}">${escapeXml(dataText(key, attributes[key]))}</data>`)
    .join('');

/**
 * The graph as GraphML (Gephi, NetworkX, yEd): one key per attribute of the JSON export, derived
 * from the registry, so nothing the graph holds is dropped. Node `type` is the API's EntityType
 * (MODEL), edge `relation` its RelationType.
 */
export function toGraphML(graph: ExportedGraph): string {
  const nodeKeys = nodeAttributeTypes();
  const key = (id: string, target: 'node' | 'edge', type: string) =>
    `  <key id="${id}" for="${target}" attr.name="${id}" attr.type="${type}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...nodeKeys].map(([id, type]) => key(id, 'node', type)),
    ...[...EDGE_ATTRIBUTE_TYPES].map(([id, type]) => key(id, 'edge', type)),
    `  <graph id="${escapeXml(graph.attributes.name)}" edgedefault="directed">`,
  ];
  for (const node of graph.nodes) lines.push(`    <node id="${escapeXml(node.key)}">${data(node.attributes, nodeKeys)}</node>`);
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data(edge.attributes, EDGE_ATTRIBUTE_TYPES)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
