/**
 * The research bar over the graph: a time slider (the graph as of a date), colour by community,
 * size by influence (PageRank), the community legend and the graph's exports.
 *
 * A node's date: a model's or product's release date, a technique's first adoption (the release
 * of the earliest model using it). Organizations, limitations and datasets have none: they are
 * "undated", counted beside the slider and shown or hidden by its own checkbox.
 */
import type { Core, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { allModelsByReleaseDate } from '../api';
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
  private dates: Map<string, string> | null = null;
  private datesLoading: Promise<void> | null = null;
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

    this.slider.addEventListener('input', () => this.applyTime());
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

  /** The drawn graph changed: fetch dates and measures for its nodes and re-apply slider, colour, size. */
  async refresh(): Promise<void> {
    const seq = ++this.refreshSeq;
    try {
      await this.loadDates();
      const ids = this.cy.nodes().map((n) => n.id());
      const needMeasures = ids.length > 0 && (this.colourMode === 'community' || this.sizeByInfluence);
      const measures = needMeasures ? await research.measuresOf(ids) : [];
      if (needMeasures && this.communityColour.size === 0) await this.loadCommunityColours();
      if (seq !== this.refreshSeq) return;
      this.measured = measures.length;
      this.cy.batch(() => {
        for (const m of measures) {
          const node = this.cy.getElementById(m.id);
          node.data('pageRank', m.pageRank);
          node.data('communityId', m.community?.id ?? null);
          node.data('communityLabel', m.community?.label ?? null);
        }
        this.applyStyle();
      });
      this.updateSlider();
      this.renderLegend();
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Dates of every model, product and (most used) technique, fetched once per page. */
  private loadDates(): Promise<void> {
    if (this.dates) return Promise.resolve();
    this.datesLoading ??= (async () => {
      const [{ models }, products, techniques] = await Promise.all([
        allModelsByReleaseDate(),
        research.productDates(),
        research.techniqueChoices(),
      ]);
      const dates = new Map<string, string>();
      for (const m of models) if (m.releaseDate) dates.set(m.id, m.releaseDate);
      for (const p of products) if (p.releaseDate) dates.set(p.id, p.releaseDate);
      for (const t of techniques) if (t.firstAdoptedOn) dates.set(t.technique.id, t.firstAdoptedOn);
      this.dates = dates;
    })().finally(() => {
      this.datesLoading = null;
    });
    return this.datesLoading;
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
    return this.dates?.get(node.id()) ?? null;
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
    this.applyTime();
  }

  /** Hides the nodes dated after the slider's month, and the undated ones when unchecked. */
  private applyTime(): void {
    const month = this.months[Number(this.slider.value)];
    const cutoff = month === undefined ? Number.POSITIVE_INFINITY : month;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const year = dateToYear(this.dateOf(n));
        const hidden = year === null ? !this.undated.checked : Math.floor(year * 12) > cutoff;
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
  private shownNodes() {
    return this.cy
      .nodes()
      .filter((n) => !n.hasClass('not-yet') && !n.hasClass('filtered'))
      .nodes();
  }

  private shownEdges() {
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
