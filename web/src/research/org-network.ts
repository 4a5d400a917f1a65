/**
 * The organization network view: organization → organization links weighted by the models of the
 * first derived from models of the second (organizationNetwork), coloured by country, with the
 * cross-country flows as a table. Laid out on a circle grouped by country, so the picture is the
 * same on screen, in the PNG and in the SVG (a force layout would differ between renders).
 */
import { el } from '../format';
import * as research from './api';
import { CHART_FONT, chartToPngDataUrl, chartToSvg, echarts, PALETTE } from './echarts';
import { dataUrlToBlob, download, exportButtons, toCsv, toGraphML } from './export';

const UNKNOWN = 'unknown';

interface OrgNode {
  id: string;
  name: string;
  country: string;
  /** Models derived across links, in and out. */
  weight: number;
}

export class OrganizationNetworkView {
  readonly chart: echarts.ECharts;
  private network: research.OrganizationNetwork | null = null;
  private flows = el('table', { className: 'flows', 'data-testid': 'country-flows' });

  constructor(
    readonly root: HTMLElement,
    private readonly run: <T>(text: string, action: () => Promise<T>) => Promise<T | undefined>,
    onError: (message: string) => void,
  ) {
    const canvas = el('div', { className: 'chart org-chart', 'data-testid': 'org-network-chart' });
    root.append(
      el(
        'div',
        { className: 'chart-controls' },
        el('p', {
          className: 'muted',
          text: 'An arrow from A to B: models of A are derived from models of B (fine-tunes, distillations, merges…). Width: how many.',
        }),
        exportButtons(
          'orgs',
          {
            png: () => download('organization-network.png', dataUrlToBlob(chartToPngDataUrl(this.chart))),
            svg: () => download('organization-network.svg', chartToSvg(this.chart), 'image/svg+xml'),
            csv: () => download('organization-network.csv', this.csv(), 'text/csv;charset=utf-8'),
            graphml: () => download('organization-network.graphml', this.graphml(), 'application/graphml+xml'),
          },
          onError,
        ),
      ),
      el(
        'div',
        { className: 'org-body' },
        canvas,
        el('aside', { className: 'flows-box' }, el('h3', { text: 'Flows between countries' }), this.flows),
      ),
    );
    this.chart = echarts.init(canvas, undefined, { renderer: 'canvas' });
  }

  async show(): Promise<void> {
    if (!this.network) {
      const network = await this.run('Loading the organization network…', () => research.organizationNetwork(100));
      if (!network) return;
      this.network = network;
    }
    this.resize();
  }

  /** The circle's box depends on the pane's size: redrawn at the new size. */
  resize(): void {
    this.chart.resize();
    if (this.network) this.draw();
  }

  private nodes(): OrgNode[] {
    const nodes = new Map<string, OrgNode>();
    for (const link of this.network?.links ?? []) {
      for (const [org, country] of [
        [link.from, link.fromCountry],
        [link.to, link.toCountry],
      ] as const) {
        const node = nodes.get(org.id) ?? { id: org.id, name: org.name, country: country ?? UNKNOWN, weight: 0 };
        node.weight += link.weight;
        nodes.set(org.id, node);
      }
    }
    // Grouped by country (largest first), then by weight: neighbours on the circle share a colour.
    const countryWeight = new Map<string, number>();
    for (const n of nodes.values()) countryWeight.set(n.country, (countryWeight.get(n.country) ?? 0) + n.weight);
    return [...nodes.values()].sort(
      (a, b) =>
        (countryWeight.get(b.country) ?? 0) - (countryWeight.get(a.country) ?? 0) ||
        a.country.localeCompare(b.country) ||
        b.weight - a.weight,
    );
  }

  private draw(): void {
    const links = this.network?.links ?? [];
    const nodes = this.nodes();
    const countries = [...new Set(nodes.map((n) => n.country))];
    const maxNode = Math.max(1, ...nodes.map((n) => n.weight));
    const maxLink = Math.max(1, ...links.map((l) => l.weight));
    this.chart.setOption(
      {
        animation: false,
        color: PALETTE,
        textStyle: { fontFamily: CHART_FONT },
        // Title top left and legend bottom left, clear of the circle and its outward labels.
        title: {
          text: 'Which organizations build on which',
          subtext: `${nodes.length} organizations, ${links.length} links; colour: country`,
          left: 0,
          top: 0,
          textStyle: { fontSize: 15 },
        },
        tooltip: {
          formatter: (p: {
            dataType: string;
            data: { name?: string; source?: string; target?: string; value?: number; country?: string };
          }) =>
            p.dataType === 'edge'
              ? `${nameOf(nodes, p.data.source)} builds on ${nameOf(nodes, p.data.target)}: ${p.data.value} model(s)`
              : `${p.data.name} (${p.data.country}): ${p.data.value} model(s) across links`,
        },
        legend: { type: 'scroll', orient: 'vertical', left: 0, bottom: 0, data: countries },
        series: [
          {
            type: 'graph',
            layout: 'circular',
            circular: { rotateLabel: true },
            // Labels point outwards from the circle: ~150 px of name on every side, below the title
            // (60 px) and right of the legend's column (90 px).
            ...circleBox(this.chart.getWidth(), this.chart.getHeight()),
            roam: true,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 7,
            label: { show: true, position: 'right', fontSize: 12, color: '#0f172a', width: 130, overflow: 'truncate' },
            lineStyle: { color: 'source', opacity: 0.55, curveness: 0.25 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
            categories: countries.map((name) => ({ name })),
            data: nodes.map((n) => ({
              id: n.id,
              name: n.name,
              value: n.weight,
              country: n.country,
              category: countries.indexOf(n.country),
              symbolSize: Math.round(8 + 26 * Math.sqrt(n.weight / maxNode)),
            })),
            links: links.map((l) => ({
              source: l.from.id,
              target: l.to.id,
              value: l.weight,
              lineStyle: { width: 1 + 5 * Math.sqrt(l.weight / maxLink) },
            })),
          },
        ],
      },
      { notMerge: true },
    );
    this.flows.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', { text: 'From' }), el('th', { text: 'builds on' }), el('th', { text: 'Models' }))),
      el(
        'tbody',
        {},
        ...(this.network?.countryFlows ?? []).map((f) =>
          el('tr', {}, el('td', { text: f.from }), el('td', { text: f.to }), el('td', { className: 'num', text: String(f.weight) })),
        ),
      ),
    );
  }

  private csv(): string {
    return toCsv(
      ['from_id', 'from_name', 'from_country', 'to_id', 'to_name', 'to_country', 'models'],
      (this.network?.links ?? []).map((l) => [l.from.id, l.from.name, l.fromCountry, l.to.id, l.to.name, l.toCountry, l.weight]),
    );
  }

  private graphml(): string {
    return toGraphML({
      directed: true,
      nodeKeys: { name: 'string', country: 'string' },
      edgeKeys: { models: 'int' },
      nodes: this.nodes().map((n) => ({ id: n.id, data: { name: n.name, country: n.country === UNKNOWN ? null : n.country } })),
      edges: (this.network?.links ?? []).map((l) => ({ source: l.from.id, target: l.to.id, data: { models: l.weight } })),
    });
  }
}

/** Room for the names outside the circle: a centred square box, so the circle (and its labels) keep clear of title and legend. */
function circleBox(width: number, height: number): { left: number; top: number; width: number; height: number } {
  // Names are cut at 130 px; with the symbol and the gap beside it they reach ~150 px from the circle.
  const label = 150;
  const [top, left, bottom] = [60 + label, 90 + label, label];
  const side = Math.max(120, Math.min(width - 2 * left, height - top - bottom));
  return { left: Math.max(left, (width - side) / 2), top, width: side, height: side };
}

function nameOf(nodes: OrgNode[], id: string | undefined): string {
  return nodes.find((n) => n.id === id)?.name ?? String(id);
}
