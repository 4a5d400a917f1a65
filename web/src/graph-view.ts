/** The Cytoscape graph: styles, merging API graphs, layouts, highlights and filters. */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { RELATION_COLOR, TYPE_STYLE, edgeLabel } from './format';
import { ENTITY_TYPES, RELATION_TYPES } from './format';
import type { EntityType, Graph, GraphNode, RelationType } from './types';

cytoscape.use(dagre);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export type HighlightKind = 'path' | 'compare';

export interface GraphViewHandlers {
  onNodeTap(id: string, shiftKey: boolean): void;
  onChange(): void;
}

export interface Snapshot {
  elements: ElementDefinition[];
}

function stylesheet(): StylesheetJson {
  const typeRules = ENTITY_TYPES.map((t) => ({
    selector: `node[type = "${t}"]`,
    style: { 'background-color': TYPE_STYLE[t].color, shape: TYPE_STYLE[t].shape },
  }));
  const relationRules = RELATION_TYPES.map((r) => ({
    selector: `edge[type = "${r}"]`,
    style: { 'line-color': RELATION_COLOR[r], 'target-arrow-color': RELATION_COLOR[r] },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 34,
        height: 34,
        'font-family': FONT,
        'font-size': 12,
        'font-weight': 600,
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': '#ffffff',
        'overlay-opacity': 0,
      },
    },
    ...typeRules,
    { selector: 'node[type = "ORGANIZATION"]', style: { width: 40, height: 30 } },
    { selector: 'node[type = "TECHNIQUE"]', style: { width: 38, height: 38 } },
    { selector: 'node.by-degree', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node.root', style: { 'border-width': 4, 'border-color': '#0f172a', 'font-size': 14 } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#38bdf8', 'z-index': 20 } },
    { selector: 'node.pick-source', style: { 'border-width': 5, 'border-color': '#f59e0b', 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 10,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#f8fafc',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        opacity: 0.85,
      },
    },
    ...relationRules,
    { selector: 'edge[type = "COMPETES_WITH"], edge[type = "COLLABORATES_WITH"]', style: { 'line-style': 'dashed' } },
    { selector: '.faded', style: { opacity: 0.14 } },
    { selector: 'edge.faded', style: { label: '' } },
    { selector: 'node.hl-path', style: { 'border-width': 5, 'border-color': '#f59e0b', 'z-index': 30 } },
    {
      selector: 'edge.hl-path',
      style: {
        width: 5,
        'line-color': '#f59e0b',
        'target-arrow-color': '#f59e0b',
        opacity: 1,
        'z-index': 30,
        color: '#92400e',
        'font-size': 11,
      },
    },
    { selector: 'node.hl-compare', style: { 'border-width': 5, 'border-color': '#a855f7', 'z-index': 30 } },
    {
      selector: 'edge.hl-compare',
      style: { width: 4, 'line-color': '#a855f7', 'target-arrow-color': '#a855f7', opacity: 1, 'z-index': 30 },
    },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

/** What a node carries for the research tools: its as-of date and its stored measures (when measured). */
function nodeFacts(n: GraphNode): Record<string, unknown> {
  const facts: Record<string, unknown> = { date: n.date ?? null };
  if (n.influence)
    Object.assign(facts, {
      pageRank: n.influence.pageRank,
      communityId: n.influence.community?.id ?? null,
      communityLabel: n.influence.community?.label ?? null,
    });
  return facts;
}

export class GraphView {
  readonly cy: Core;
  private edgeIds = new Map<string, string>();

  constructor(
    container: HTMLElement,
    private readonly handlers: GraphViewHandlers,
  ) {
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.15,
      maxZoom: 3,
      autounselectify: true,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (evt: EventObject) => {
      const original = evt.originalEvent as MouseEvent | undefined;
      handlers.onNodeTap(evt.target.id(), Boolean(original?.shiftKey));
    });
  }

  isEmpty(): boolean {
    return this.cy.nodes().empty();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  label(id: string): string {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? String(node.data('label')) : id;
  }

  type(id: string): EntityType | undefined {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? (node.data('type') as EntityType) : undefined;
  }

  /** Edge counts by relationship type, for the filter list. */
  relationCounts(): Map<RelationType, number> {
    const counts = new Map<RelationType, number>();
    this.cy.edges().forEach((e) => {
      const t = e.data('type') as RelationType;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    });
    return counts;
  }

  typeCounts(): Map<EntityType, number> {
    const counts = new Map<EntityType, number>();
    this.cy.nodes().forEach((n) => {
      const t = n.data('type') as EntityType;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    });
    return counts;
  }

  /** Replaces the whole graph with `graph`, laid out from scratch. */
  replace(graph: Graph, layout: 'force' | 'layered', rootId?: string): void {
    this.cy.elements().remove();
    this.edgeIds.clear();
    this.cy.add(this.toElements(graph));
    if (rootId) this.cy.getElementById(rootId).addClass('root');
    this.runLayout(layout);
    this.afterChange();
    this.fit();
  }

  /**
   * Adds the nodes and edges of `graph` that are not drawn yet. Existing nodes keep their
   * positions (they are locked while the layout places the new ones); returns the new node ids.
   */
  merge(graph: Graph, anchorId?: string): string[] {
    if (this.isEmpty()) {
      this.replace(graph, 'force', anchorId);
      return graph.nodes.map((n) => n.id);
    }
    const old = this.cy.nodes();
    // Nodes drawn already take the answer's date and measures (the measures may have been computed since).
    for (const n of graph.nodes) if (this.has(n.id)) this.cy.getElementById(n.id).data(nodeFacts(n));
    const elements = this.toElements(graph).filter((e) => this.cy.getElementById(String(e.data.id)).empty());
    const newNodeDefs = elements.filter((e) => e.group === 'nodes');
    const anchor = anchorId ? this.cy.getElementById(anchorId) : this.cy.collection();
    const center = anchor.nonempty() ? { ...anchor.position() } : centroid(old);
    const away = centroid(old);
    // Prefer the side of the anchor that faces away from the rest of the graph.
    const preferred =
      Math.hypot(center.x - away.x, center.y - away.y) < 1 ? -Math.PI / 2 : Math.atan2(center.y - away.y, center.x - away.x);
    const occupied = old.map((n) => ({ ...n.position() }));
    const placed = new Map<string, { x: number; y: number }>();
    old.forEach((n) => {
      placed.set(n.id(), { ...n.position() });
    });
    const neighbours = new Map<string, string[]>();
    for (const e of graph.edges) {
      neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
      neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
    }
    // Each new node goes next to a neighbour that is already placed (breadth-first from the
    // drawn graph), or next to the anchor when it has none.
    const pending = [...newNodeDefs];
    while (pending.length > 0) {
      let index = pending.findIndex((d) => (neighbours.get(String(d.data.id)) ?? []).some((id) => placed.has(id)));
      if (index === -1) index = 0;
      const def = pending.splice(index, 1)[0]!;
      const nearId = (neighbours.get(String(def.data.id)) ?? []).find((id) => placed.has(id));
      const near = (nearId && nearId !== anchorId ? placed.get(nearId) : undefined) ?? center;
      const angle = near === center ? preferred : Math.atan2(near.y - away.y, near.x - away.x);
      def.position = freeSpot(near, angle, occupied);
      occupied.push(def.position);
      placed.set(String(def.data.id), def.position);
    }
    const added = this.cy.add(elements);
    const addedNodes = added.nodes();
    this.afterChange();
    return addedNodes.map((n) => n.id());
  }

  private toElements(graph: Graph): ElementDefinition[] {
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const out: ElementDefinition[] = graph.nodes.map((n) => ({
      group: 'nodes',
      data: { id: n.id, label: n.label, type: n.type, ...nodeFacts(n) },
    }));
    for (const e of graph.edges) {
      if (!(nodeIds.has(e.source) || this.has(e.source)) || !(nodeIds.has(e.target) || this.has(e.target))) continue;
      const id = nodeIds.has(e.id) || this.cy.nodes().getElementById(e.id).nonempty() ? `edge:${e.id}` : e.id;
      this.edgeIds.set(e.id, id);
      out.push({
        group: 'edges',
        data: { id, source: e.source, target: e.target, type: e.type, kind: e.kind, label: edgeLabel(e.type, e.kind) },
      });
    }
    return out;
  }

  private runLayout(kind: 'force' | 'layered'): void {
    const options =
      kind === 'layered'
        ? {
            name: 'dagre',
            // Edges point from the derived/dependent thing to what it comes from (child → parent),
            // so bottom-to-top ranking puts ancestors on top and descendants below.
            rankDir: 'BT',
            nodeSep: 40,
            rankSep: 80,
            edgeSep: 10,
            animate: false,
            fit: false,
            nodeDimensionsIncludeLabels: true,
          }
        : {
            name: 'cose',
            animate: false,
            fit: false,
            randomize: true,
            nodeDimensionsIncludeLabels: true,
            idealEdgeLength: () => 120,
            nodeRepulsion: () => 12000,
            gravity: 0.6,
            numIter: 1200,
          };
    this.cy.layout(options as cytoscape.LayoutOptions).run();
  }

  fit(ids?: string[]): void {
    const eles = ids ? this.byIds(ids).filter(':visible') : this.cy.elements(':visible');
    if (eles.empty()) return;
    this.cy.fit(eles, 40);
    // A handful of nodes would otherwise be blown up to fill the whole view.
    if (this.cy.zoom() > 1.25) {
      this.cy.zoom(1.25);
      this.cy.center(eles);
    }
  }

  private byIds(ids: string[]): cytoscape.CollectionReturnValue {
    let out = this.cy.collection();
    for (const id of ids) out = out.union(this.cy.getElementById(id));
    return out;
  }

  /** Marks the node whose details the panel shows. */
  focus(id: string | null): void {
    this.cy.nodes('.focus').removeClass('focus');
    if (id) this.cy.getElementById(id).addClass('focus');
  }

  markPickSource(id: string | null): void {
    this.cy.nodes('.pick-source').removeClass('pick-source');
    if (id) this.cy.getElementById(id).addClass('pick-source');
  }

  /** Emphasises the given nodes and edges (by API id) and fades everything else. */
  highlight(kind: HighlightKind, nodeIds: string[], edgeIds: string[]): void {
    this.clearHighlight();
    const cls = kind === 'path' ? 'hl-path' : 'hl-compare';
    const nodes = this.byIds(nodeIds);
    const edges = this.byIds(edgeIds.map((id) => this.edgeIds.get(id) ?? id));
    nodes.addClass(cls);
    edges.addClass(cls);
    this.cy.elements().difference(nodes).difference(edges).addClass('faded');
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('hl-path hl-compare faded');
  }

  hasHighlight(): boolean {
    return this.cy.elements('.hl-path, .hl-compare').nonempty();
  }

  /** Edges (API ids) between the given nodes with one of the given types. */
  edgesBetween(a: string[], b: string[], type: RelationType): string[] {
    const as = new Set(a);
    const bs = new Set(b);
    const out: string[] = [];
    this.cy.edges(`[type = "${type}"]`).forEach((e) => {
      const s = e.source().id();
      const t = e.target().id();
      if ((as.has(s) && bs.has(t)) || (as.has(t) && bs.has(s))) out.push(e.id());
    });
    return out;
  }

  setFilters(hiddenTypes: ReadonlySet<EntityType>, hiddenRelations: ReadonlySet<RelationType>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.toggleClass('filtered', hiddenTypes.has(n.data('type') as EntityType));
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass('filtered', hiddenRelations.has(e.data('type') as RelationType));
      });
    });
    this.updateDegreeSizes();
  }

  private sizeByDegree = false;

  setSizeByDegree(on: boolean): void {
    this.sizeByDegree = on;
    this.updateDegreeSizes();
  }

  private updateDegreeSizes(): void {
    const nodes = this.cy.nodes();
    if (!this.sizeByDegree) {
      nodes.removeClass('by-degree');
      return;
    }
    const degree = (n: NodeSingular) =>
      n.connectedEdges().filter((e) => !e.hasClass('filtered') && !e.source().hasClass('filtered') && !e.target().hasClass('filtered'))
        .length;
    let max = 1;
    nodes.forEach((n) => {
      max = Math.max(max, degree(n));
    });
    this.cy.batch(() => {
      nodes.forEach((n) => {
        n.data('degree', degree(n));
        n.data('size', Math.round(22 + 58 * Math.sqrt(degree(n) / max)));
      });
      nodes.addClass('by-degree');
    });
  }

  snapshot(): Snapshot {
    return { elements: this.cy.elements().jsons() as unknown as ElementDefinition[] };
  }

  restore(snapshot: Snapshot): void {
    this.cy.elements().remove();
    this.cy.add(snapshot.elements);
    this.afterChange();
    this.fit();
  }

  clear(): void {
    this.cy.elements().remove();
    this.edgeIds.clear();
    this.afterChange();
  }

  private afterChange(): void {
    this.updateDegreeSizes();
    this.handlers.onChange();
  }

  resize(): void {
    this.cy.resize();
  }
}

/** Node footprint including its label: closer than this is an overlap. */
const SPOT_W = 110;
const SPOT_H = 62;

/**
 * The free position nearest to `center` on rings around it, trying angles closest to `preferred`
 * first; existing nodes never move, so only the new node's position is chosen.
 */
function freeSpot(
  center: { x: number; y: number },
  preferred: number,
  occupied: Array<{ x: number; y: number }>,
): { x: number; y: number } {
  for (let ring = 0; ring < 40; ring++) {
    const radius = 120 + ring * 70;
    const steps = Math.max(8, Math.floor((2 * Math.PI * radius) / 70));
    const candidates: Array<{ x: number; y: number; cost: number }> = [];
    for (let k = 0; k < steps; k++) {
      const angle = preferred + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * ((2 * Math.PI) / steps);
      candidates.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle), cost: k });
    }
    for (const c of candidates) {
      if (occupied.every((o) => Math.abs(o.x - c.x) >= SPOT_W || Math.abs(o.y - c.y) >= SPOT_H)) return { x: c.x, y: c.y };
    }
  }
  return { x: center.x + (Math.random() - 0.5) * 200, y: center.y + (Math.random() - 0.5) * 200 };
}

function centroid(nodes: cytoscape.NodeCollection): { x: number; y: number } {
  if (nodes.empty()) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  nodes.forEach((n) => {
    x += n.position('x');
    y += n.position('y');
  });
  return { x: x / nodes.length, y: y / nodes.length };
}
