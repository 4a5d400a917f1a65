import { XMLParser } from 'fast-xml-parser';

/**
 * Reads GraphML the way a tool does (networkx's read_graphml): keys declare each attribute's name
 * and type, nodes and edges carry <data> per key. Attributes a key marks as JSON-encoded are parsed.
 */
export interface ReadGraph {
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }>;
}

type XmlData = { '@_key': string; '#text'?: string | number | boolean };
type XmlElement = { '@_id': string; '@_source'?: string; '@_target'?: string; data?: XmlData[] };

export function readGraphML(xml: string, jsonKeys: Set<string>): ReadGraph {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  const document = parser.parse(xml) as {
    graphml: {
      key: Array<{ '@_id': string; '@_attr.name': string; '@_attr.type': string }>;
      graph: { node?: XmlElement[]; edge?: XmlElement[] };
    };
  };
  const keys = new Map(document.graphml.key.map((k) => [k['@_id'], { name: k['@_attr.name'], type: k['@_attr.type'] }]));
  const attributes = (element: XmlElement) =>
    Object.fromEntries(
      (element.data ?? []).map((d) => {
        const key = keys.get(d['@_key']);
        if (key === undefined) throw new Error(`<data> names the undeclared key ${d['@_key']}`);
        const text = String(d['#text'] ?? '');
        const value =
          key.type === 'double' || key.type === 'long'
            ? Number(text)
            : key.type === 'boolean'
              ? text === 'true'
              : jsonKeys.has(key.name)
                ? (JSON.parse(text) as unknown)
                : text;
        return [key.name, value];
      }),
    );
  return {
    nodes: (document.graphml.graph.node ?? []).map((n) => ({ key: n['@_id'], attributes: attributes(n) })),
    edges: (document.graphml.graph.edge ?? []).map((e) => ({
      key: e['@_id'],
      source: e['@_source']!,
      target: e['@_target']!,
      attributes: attributes(e),
    })),
  };
}
