/**
 * Downloads of the current view for papers: PNG and SVG pictures, CSV tables and GraphML graphs.
 * The GraphML is built with the browser's own XML DOM (createDocument + XMLSerializer), so names
 * such as "AT&T" or "智谱 <GLM>" are escaped by the serializer, not by hand.
 */
import { el } from '../format';

export function download(filename: string, data: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

type Cell = string | number | boolean | null | undefined;

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const field = (value: Cell) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export type GraphMLType = 'string' | 'double' | 'int' | 'boolean';

export interface GraphMLInput {
  directed: boolean;
  nodeKeys: Record<string, GraphMLType>;
  edgeKeys: Record<string, GraphMLType>;
  nodes: Array<{ id: string; data: Record<string, Cell> }>;
  edges: Array<{ source: string; target: string; data: Record<string, Cell> }>;
}

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/** A GraphML document (readable by networkx.read_graphml, igraph's read_graph(format = "graphml"), Gephi). */
export function toGraphML(input: GraphMLInput): string {
  const doc = document.implementation.createDocument(GRAPHML_NS, 'graphml', null);
  const root = doc.documentElement;
  const add = (parent: Element, tag: string, attributes: Record<string, string>) => {
    const node = doc.createElementNS(GRAPHML_NS, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    parent.append(node);
    return node;
  };
  for (const [domain, keys] of [
    ['node', input.nodeKeys],
    ['edge', input.edgeKeys],
  ] as const) {
    for (const [name, type] of Object.entries(keys))
      add(root, 'key', { id: `${domain}_${name}`, for: domain, 'attr.name': name, 'attr.type': type });
  }
  const graph = add(root, 'graph', { id: 'G', edgedefault: input.directed ? 'directed' : 'undirected' });
  const addData = (owner: Element, domain: 'node' | 'edge', data: Record<string, Cell>) => {
    for (const [name, value] of Object.entries(data)) {
      if (value === null || value === undefined) continue;
      add(owner, 'data', { key: `${domain}_${name}` }).textContent = String(value);
    }
  };
  for (const node of input.nodes) addData(add(graph, 'node', { id: node.id }), 'node', node.data);
  input.edges.forEach((edge, index) => {
    addData(add(graph, 'edge', { id: `e${index}`, source: edge.source, target: edge.target }), 'edge', edge.data);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

export interface ExportHandlers {
  png?: () => void | Promise<void>;
  svg?: () => void | Promise<void>;
  csv?: () => void | Promise<void>;
  graphml?: () => void | Promise<void>;
}

/** A row of "Export: PNG SVG CSV GraphML" buttons; test ids `${prefix}-export-png` and so on. */
export function exportButtons(prefix: string, handlers: ExportHandlers, onError: (message: string) => void): HTMLElement {
  const group = el(
    'div',
    { className: 'export-buttons', role: 'group', 'aria-label': 'Export' },
    el('span', { className: 'muted', text: 'Export' }),
  );
  const labels: Record<keyof ExportHandlers, string> = { png: 'PNG', svg: 'SVG', csv: 'CSV', graphml: 'GraphML' };
  for (const format of Object.keys(labels) as Array<keyof ExportHandlers>) {
    const handler = handlers[format];
    if (!handler) continue;
    const button = el('button', {
      type: 'button',
      className: 'btn small',
      'data-testid': `${prefix}-export-${format}`,
      text: labels[format],
      title: `Download as ${labels[format]}`,
    });
    button.addEventListener('click', async () => {
      try {
        await handler();
      } catch (error) {
        onError(`The ${labels[format]} export failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    group.append(button);
  }
  return group;
}
