/**
 * The research bar over the graph: a time slider (the graph as of a date), colour by community,
 * size by influence (PageRank), the community legend and the graph's exports.
 *
 * Every node arrives with its date and its stored measures (GraphNode.date and .influence, in the
 * graph query itself). A node's date: a model's or product's release date, a technique's first
 * adoption. Organizations, limitations and datasets have none: they are "undated", counted beside
 * the slider and shown or hidden by its own checkbox. The slider asks the API which drawn nodes
 * existed as of its month (`asOf`): the server's as-of rules decide, not the page.
 */
import type { Core, EdgeCollection, NodeCollection, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { existingAsOf } from '../api';
import { dateToYear, el } from '../format';
import * as research from './api';
import { PALETTE } from './echarts';
import { download, exportButtons, toCsv, toGraphML } from './export';

cytoscape.use(cytoscapeSvg);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Nodes of a community outside the largest PALETTE.length share this colour. */
const OTHER_COMMUNITY = '#94a3b8';

export type ColourMode = 'kind' | 'community';

export class GraphTools {
  readonly root: HTMLElement;
  /** The month the slider stands at, and the drawn nodes that existed then (null: the latest, everything). */
  private asOf: { month: number; existing: Set<string> } | null = null;
  private asOfSeq = 0;
  private asOfTimer: ReturnType<typeof setTimeout> | undefined;
  private communityColour = new Map<number, string>();
  private colourMode: ColourMode = 'kind';
  private sizeByInfluence = false;
  private measured = 0;
  private refreshSeq = 0;

  private slider = el('input', {
    type: 'range',
    'data-testid': 'time-slider',
    min: '0',
    max: '0',
    step: '1',
    'aria-label': 'Show the graph as of',
  });
  private sliderLabel = el('output', { className: 'slider-label', 'data-testid': 'time-slider-label' });
  private undated = el('input', { type: 'checkbox', 'data-testid': 'toggle-undated' });
  private undatedLabel = el('span', {});
  private shownCount = el('span', { className: 'muted', 'data-testid': 'time-shown-count' });
  private colourSelect = el(
    'select',
    { 'data-testid': 'colour-by', 'aria-label': 'Colour nodes by' },
    el('option', { value: 'kind', text: 'kind' }),
    el('option', { value: 'community', text: 'community' }),
  );
  private influence = el('input', { type: 'checkbox', 'data-testid': 'toggle-influence-size' });
  private legend = el('div', { className: 'community-legend', 'data-testid': 'community-legend', hidden: '' });
  /** Months since year 0 of each slider step's start. */
  private months: number[] = [];

  constructor(
    private readonly cy: Core,
    private readonly onError: (message: string) => void,
  ) {
    this.undated.checked = true;
    cy.style()
      .selector('node.by-influence')
      .style({ width: 'data(influenceSize)', height: 'data(influenceSize)' })
      .selector('node.by-community')
      .style({ 'background-color': 'data(communityColour)' })
      .selector('.not-yet')
      .style({ display: 'none' })
      .update();

    this.slider.addEventListener('input', () => this.onSlide());
    this.undated.addEventListener('change', () => this.applyTime());
    this.colourSelect.addEventListener('change', () => {
      this.colourMode = this.colourSelect.value as ColourMode;
      void this.refresh();
    });
    this.influence.addEventListener('change', () => {
      this.sizeByInfluence = this.influence.checked;
      void this.refresh();
    });

    const time = el(
      'div',
      { className: 'research-time' },
      el('label', { className: 'slider' }, el('span', { text: 'As of' }), this.slider, this.sliderLabel),
      el('label', { className: 'check inline' }, this.undated, this.undatedLabel),
      this.shownCount,
    );
    const display = el(
      'div',
      { className: 'research-display' },
      el('label', {}, 'Colour by ', this.colourSelect),
      el('label', { className: 'check inline' }, this.influence, el('span', { text: 'Size by influence (PageRank)' })),
      exportButtons(
        'graph',
        {
          png: () => download(this.fileName('png'), this.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' })),
          svg: () =>
            download(
              this.fileName('svg'),
              (this.cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' }),
              'image/svg+xml',
            ),
          csv: () => download(this.fileName('csv'), this.csv(), 'text/csv;charset=utf-8'),
          graphml: () => download(this.fileName('graphml'), this.graphml(), 'application/graphml+xml'),
        },
        onError,
      ),
    );
    this.root = el('div', { className: 'research-bar', 'data-testid': 'research-bar' }, time, display, this.legend);
    this.updateSlider();
  }

  /**
   * The drawn graph changed: re-apply slider, colour and size. Measures come with the nodes; only
   * nodes drawn before the service had measured the graph are asked for theirs, when colour or size needs them.
   */
  async refresh(): Promise<void> {
    const seq = ++this.refreshSeq;
    try {
      const needMeasures = this.colourMode === 'community' || this.sizeByInfluence;
      const unmeasured = this.cy.nodes().filter((n) => n.data('pageRank') === undefined || n.data('pageRank') === null);
      const measures = needMeasures && unmeasured.nonempty() ? await research.measuresOf(unmeasured.map((n) => n.id())) : [];
      if (needMeasures && this.communityColour.size === 0) await this.loadCommunityColours();
      if (seq !== this.refreshSeq) return;
      this.cy.batch(() => {
        for (const m of measures) {
          const node = this.cy.getElementById(m.id);
          node.data('pageRank', m.pageRank);
          node.data('communityId', m.community?.id ?? null);
          node.data('communityLabel', m.community?.label ?? null);
        }
        this.measured = this.cy.nodes().filter((n) => typeof n.data('pageRank') === 'number').length;
        this.applyStyle();
      });
      this.updateSlider();
      this.renderLegend();
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
  }

  private async loadCommunityColours(): Promise<void> {
    const list = await research.communities(PALETTE.length);
    this.communityColour = new Map(list.map((c, i) => [c.id, PALETTE[i % PALETTE.length] ?? OTHER_COMMUNITY]));
  }

  private applyStyle(): void {
    const nodes = this.cy.nodes();
    let maxRank = 0;
    nodes.forEach((n) => {
      maxRank = Math.max(maxRank, Number(n.data('pageRank') ?? 0));
    });
    nodes.forEach((n) => {
      const id = n.data('communityId') as number | null | undefined;
      const measured = id !== null && id !== undefined;
      n.data('communityColour', measured ? (this.communityColour.get(id) ?? OTHER_COMMUNITY) : '#e2e8f0');
      n.toggleClass('by-community', this.colourMode === 'community');
      const rank = Number(n.data('pageRank') ?? 0);
      // Area grows with PageRank: the side with its square root, between 18 and 90 px.
      n.data('influenceSize', maxRank > 0 ? Math.round(18 + 72 * Math.sqrt(rank / maxRank)) : 30);
      n.toggleClass('by-influence', this.sizeByInfluence && n.data('pageRank') !== undefined);
    });
  }

  private renderLegend(): void {
    this.legend.hidden = this.colourMode !== 'community';
    if (this.legend.hidden) return;
    const counts = new Map<number, { label: string; count: number }>();
    this.cy.nodes().forEach((n) => {
      const id = n.data('communityId') as number | null | undefined;
      if (id === null || id === undefined) return;
      const entry = counts.get(id) ?? { label: String(n.data('communityLabel') ?? id), count: 0 };
      entry.count++;
      counts.set(id, entry);
    });
    const items = [...counts.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([id, { label, count }]) =>
        el(
          'li',
          { 'data-testid': 'community-legend-item', title: `Community ${id}: ${label}` },
          el('span', {
            className: 'swatch',
            style: `background:${this.communityColour.get(id) ?? OTHER_COMMUNITY}`,
            'aria-hidden': 'true',
          }),
          el('span', { className: 'community-name', text: label }),
          el('span', { className: 'count', text: String(count) }),
        ),
      );
    const unmeasured = this.cy.nodes().length - this.measured;
    this.legend.replaceChildren(
      el('span', { className: 'legend-title', text: 'Communities (Louvain), named by their most central members' }),
      items.length > 0
        ? el('ul', {}, ...items)
        : el('span', {
            className: 'muted',
            'data-testid': 'community-legend-empty',
            text: 'The measures are not computed yet; the service computes them in the background after a load.',
          }),
    );
    if (unmeasured > 0 && items.length > 0)
      this.legend.append(el('span', { className: 'muted', text: `${unmeasured} not measured (grey)` }));
  }

  // ---- the time slider ----

  private dateOf(node: NodeSingular): string | null {
    return (node.data('date') as string | null | undefined) ?? null;
  }

  /** Resets the slider's range to the drawn nodes' dates (keeping "all dates" when it was at the end). */
  private updateSlider(): void {
    const atEnd = this.slider.value === this.slider.max;
    const monthsOf = (n: NodeSingular) => {
      const year = dateToYear(this.dateOf(n));
      return year === null ? null : Math.floor(year * 12);
    };
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let undated = 0;
    this.cy.nodes().forEach((n) => {
      const m = monthsOf(n);
      if (m === null) undated++;
      else {
        first = Math.min(first, m);
        last = Math.max(last, m);
      }
    });
    this.months = Number.isFinite(first) ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
    const previous = Number(this.slider.value);
    this.slider.max = String(Math.max(0, this.months.length - 1));
    this.slider.value = atEnd ? this.slider.max : String(Math.min(previous, Number(this.slider.max)));
    this.slider.disabled = this.months.length < 2;
    this.undatedLabel.textContent = `Show undated (${undated})`;
    // Nodes drawn since the last answer are not in it: ask again for the whole drawing.
    if (this.slider.value === this.slider.max) {
      this.asOf = null;
      this.applyTime();
    } else this.onSlide();
  }

  /** The slider moved: at the latest month everything shows at once; earlier, the API is asked (once the slider rests). */
  private onSlide(): void {
    clearTimeout(this.asOfTimer);
    const month = this.months[Number(this.slider.value)];
    const seq = ++this.asOfSeq;
    if (month === undefined || this.slider.value === this.slider.max) {
      this.asOf = null;
      this.applyTime();
      return;
    }
    this.sliderLabel.textContent = `${monthName(month)}…`;
    this.asOfTimer = setTimeout(() => void this.loadAsOf(month, seq), 150);
  }

  private async loadAsOf(month: number, seq: number): Promise<void> {
    try {
      const existing = await existingAsOf(
        this.cy.nodes().map((n) => n.id()),
        lastDayOf(month),
      );
      if (seq !== this.asOfSeq) return;
      this.asOf = { month, existing };
      this.applyTime();
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Hides what did not exist as of the slider's month (the API's answer), and the undated nodes when unchecked. */
  private applyTime(): void {
    const month = this.months[Number(this.slider.value)];
    const asOf = this.asOf !== null && this.asOf.month === month ? this.asOf.existing : null;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const undated = this.dateOf(n) === null;
        const hidden = (undated && !this.undated.checked) || (asOf !== null && !asOf.has(n.id()));
        n.toggleClass('not-yet', hidden);
      });
    });
    const all = this.cy.nodes().length;
    const shown = this.shownNodes().length;
    this.sliderLabel.textContent =
      month === undefined ? 'no dates' : this.slider.value === this.slider.max ? `${monthName(month)} (latest)` : monthName(month);
    this.shownCount.textContent = `${shown} of ${all} nodes`;
  }

  // ---- exports ----

  private fileName(ext: string): string {
    return `llm-graph.${ext}`;
  }

  /**
   * What the view shows, from the classes that hide elements rather than ':visible': Cytoscape applies
   * class styles after the handler that set them returns, so ':visible' can still be the previous view.
   */
  private shownNodes(): NodeCollection {
    return this.cy.nodes().filter((n) => !n.hasClass('not-yet') && !n.hasClass('filtered'));
  }

  private shownEdges(): EdgeCollection {
    const shown = new Set(this.shownNodes().map((n) => n.id()));
    return this.cy
      .edges()
      .filter((e) => !e.hasClass('filtered') && shown.has(e.source().id()) && shown.has(e.target().id()))
      .edges();
  }

  private csv(): string {
    const rows = this.shownNodes().map((n) => [
      n.id(),
      String(n.data('label')),
      String(n.data('type')),
      this.dateOf(n),
      n.data('pageRank') as number | undefined,
      n.data('communityId') as number | undefined,
      n.data('communityLabel') as string | undefined,
    ]);
    return toCsv(['id', 'name', 'type', 'date', 'pagerank', 'community', 'community_label'], rows);
  }

  private graphml(): string {
    const nodes = this.shownNodes();
    return toGraphML({
      directed: true,
      nodeKeys: { name: 'string', type: 'string', date: 'string', pagerank: 'double', community: 'int', community_label: 'string' },
      edgeKeys: { type: 'string', kind: 'string' },
      nodes: nodes.map((n) => ({
        id: n.id(),
        data: {
          name: String(n.data('label')),
          type: String(n.data('type')),
          date: this.dateOf(n),
          pagerank: n.data('pageRank') as number | undefined,
          community: n.data('communityId') as number | undefined,
          community_label: n.data('communityLabel') as string | undefined,
        },
      })),
      edges: this.shownEdges().map((e) => ({
        source: e.source().id(),
        target: e.target().id(),
        data: { type: String(e.data('type')), kind: (e.data('kind') as string | null) ?? null },
      })),
    });
  }

  /** Test and console hook: the range and position of the slider. */
  get timeRange(): { from: string | null; to: string | null; at: string | null } {
    const name = (m: number | undefined) => (m === undefined ? null : monthName(m));
    return { from: name(this.months[0]), to: name(this.months.at(-1)), at: name(this.months[Number(this.slider.value)]) };
  }
}

function monthName(months: number): string {
  return `${MONTHS[months % 12]} ${Math.floor(months / 12)}`;
}

/** The ISO month a slider step stands for ("2023-03"): the API reads it as the month's last day. */
function lastDayOf(months: number): string {
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
}
