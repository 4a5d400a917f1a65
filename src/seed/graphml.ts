import { EntityType, LABEL_OF, RelationType } from '../domain/graph-model.js';
import type { GraphRows } from './graph-rows.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The entity graph as GraphML (for Gephi, NetworkX, yEd): entities as nodes, typed relationships as edges. */
export function toGraphML(rows: GraphRows): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="releaseDate" for="node" attr.name="releaseDate" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '  <graph id="llm-knowledge-graph" edgedefault="directed">',
  ];
  for (const type of Object.values(EntityType)) {
    for (const entity of rows.entities[type]) {
      const released =
        typeof entity.props.releaseDate === 'string' ? `<data key="releaseDate">${escapeXml(entity.props.releaseDate)}</data>` : '';
      lines.push(
        `    <node id="${escapeXml(entity.id)}"><data key="label">${escapeXml(entity.name)}</data><data key="type">${LABEL_OF[type]}</data>${released}</node>`,
      );
    }
  }
  for (const type of Object.values(RelationType)) {
    for (const rel of rows.relationships[type]) {
      const kind = rel.kind === null ? '' : `<data key="kind">${escapeXml(rel.kind)}</data>`;
      lines.push(
        `    <edge id="${escapeXml(rel.id)}" source="${escapeXml(rel.from)}" target="${escapeXml(rel.to)}"><data key="relation">${type}</data>${kind}<data key="confidence">${rel.confidence}</data></edge>`,
      );
    }
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
