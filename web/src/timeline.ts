/**
 * The timeline: every dated model as a dot, by release date (across) and parameter count (up, log
 * scale; models whose size no source states sit on a strip at the bottom). The chart fits the pane,
 * both axes in view, from the year the bulk of the models begins (the first 5 % are a button away);
 * only the most influential models' names are written, as many as fit without overlapping, and
 * every dot names its model on hover and opens it on click.
 */
import { TYPE_STYLE, dateToYear, el, formatDate, formatParameters } from './format';
import type { TimelineModel } from './types';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Label widths from the real font, so labels do not overlap. */
function textMeasurer(): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 7;
  ctx.font = `11px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => ctx.measureText(text).width;
}

const PAD = { left: 52, right: 16, top: 14, bottom: 30 };
/** The strip at the bottom for models without a parameter count. */
const UNSIZED = 30;
/** The share of models before the year the view starts at by default. */
const EARLY_SHARE = 0.05;
/** Names written at most, most influential first. */
const MAX_LABELS = 40;

/** A stable jitter in [-1, 1) from an id, so unsized dots spread without moving between renders. */
function jitter(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return ((h >>> 0) % 1000) / 500 - 1;
}

/** The first year by which EARLY_SHARE of the models had been released. */
export function focusStart(years: number[]): number {
  const sorted = [...years].sort((a, b) => a - b);
  return Math.floor(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * EARLY_SHARE))] ?? 0);
}

export interface TimelineOptions {
  onSelect(id: string): void;
}

export class Timeline {
  private models: TimelineModel[] = [];
  /** Every model the API lists, dated or not. */
  private total = 0;
  /** False when the API had more models than the explorer fetched (api.TIMELINE_MAX_PAGES). */
  private complete = true;
  private selected: string | null = null;
  /** Whether the years before the bulk of the models are shown. */
  private allYears = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly o: TimelineOptions,
  ) {}

  get loaded(): boolean {
    return this.models.length > 0;
  }

  setModels(models: TimelineModel[], total: number, complete = true): void {
    this.models = models;
    this.total = total;
    this.complete = complete;
    this.render();
  }

  select(id: string | null): void {
    this.selected = id;
    this.root.querySelectorAll<SVGGElement>('g.tl-model').forEach((g) => {
      g.classList.toggle('selected', g.dataset.id === id);
      // The selected dot above the others, below the names.
      if (g.dataset.id === id) g.parentNode?.insertBefore(g, g.parentNode.querySelector('g.tl-labels'));
    });
    for (const text of this.root.querySelectorAll<SVGTextElement>('text.tl-label'))
      text.classList.toggle('selected', text.dataset.id === id);
  }

  render(): void {
    const dated = this.models
      .map((m) => ({ m, year: dateToYear(m.releaseDate) }))
      .filter((d): d is { m: TimelineModel; year: number } => d.year !== null);
    if (dated.length === 0) {
      this.root.replaceChildren(el('div', { className: 'stage-message', text: 'No models have a release date yet.' }));
      return;
    }
    const firstYear = Math.floor(Math.min(...dated.map((d) => d.year)));
    const start = this.allYears ? firstYear : focusStart(dated.map((d) => d.year));
    const shown = dated.filter((d) => d.year >= start);
    const end = Math.floor(Math.max(...dated.map((d) => d.year))) + 1;

    const caption = this.caption(dated.length, shown.length, start, firstYear);
    this.root.replaceChildren(caption);
    const width = Math.max(this.root.clientWidth - 2, 480);
    // The pane's height less its padding (20), the caption and its margin (6), and a little air.
    const height = Math.max(this.root.clientHeight - caption.offsetHeight - 32, 340);
    const plotBottom = height - PAD.bottom - UNSIZED;
    const x = (year: number) => PAD.left + ((year - start) / (end - start)) * (width - PAD.left - PAD.right);
    const sizes = shown.map((d) => d.m.parameters).filter((p): p is number => p !== null && p > 0);
    const [low, high] =
      sizes.length > 0 ? [Math.floor(Math.log10(Math.min(...sizes))), Math.ceil(Math.log10(Math.max(...sizes)))] : [6, 12];
    const y = (parameters: number | null, id: string) =>
      parameters !== null && parameters > 0
        ? plotBottom - ((Math.log10(parameters) - low) / Math.max(1, high - low)) * (plotBottom - PAD.top - 6)
        : height - PAD.bottom - UNSIZED / 2 + jitter(id) * (UNSIZED / 2 - 5);

    const root = svg('svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `Timeline of ${shown.length} models`,
    });
    root.classList.add('timeline-svg');
    this.axes(root, { width, height, plotBottom, start, end, low, high, x, y });
    const dots = shown.map(({ m, year }) => ({ m, px: x(year), py: y(m.parameters, m.id) }));
    for (const dot of dots) root.append(this.dot(dot.m, dot.px, dot.py));
    this.labels(root, dots, width);
    const scroller = el('div', { className: 'timeline-scroll', 'data-testid': 'timeline-scroll' }, root);
    this.root.append(scroller);
    this.select(this.selected);
  }

  private caption(dated: number, shown: number, start: number, firstYear: number): HTMLElement {
    const undated = this.total - dated;
    const earlier = dated - shown;
    const toggle = el('button', {
      type: 'button',
      className: 'btn small',
      'data-testid': 'timeline-years',
      text: this.allYears ? `From ${focusStartLabel(this.models)} on` : `Show from ${firstYear}`,
    });
    toggle.addEventListener('click', () => {
      this.allYears = !this.allYears;
      this.render();
    });
    return el(
      'div',
      { className: 'timeline-caption', 'data-testid': 'timeline-caption' },
      el(
        'span',
        {},
        `${shown} models released from ${start}`,
        earlier > 0 ? ` (${earlier} earlier not shown)` : '',
        undated > 0 ? `; ${undated} without a release date are not shown` : '',
        this.complete ? '' : `; only the first ${this.models.length} dated models were fetched`,
        '. Up: parameters (log scale). Filled: open weights. Names: the most influential that fit; hover or click any dot. ',
      ),
      start > firstYear || this.allYears ? toggle : '',
    );
  }

  private axes(
    root: SVGSVGElement,
    a: {
      width: number;
      height: number;
      plotBottom: number;
      start: number;
      end: number;
      low: number;
      high: number;
      x: (year: number) => number;
      y: (p: number | null, id: string) => number;
    },
  ): void {
    const step = Math.max(1, Math.ceil((a.end - a.start) / Math.max(1, Math.floor((a.width - PAD.left) / 56))));
    for (let year = a.start; year <= a.end; year += step) {
      const gx = a.x(year);
      root.append(svg('line', { x1: gx, x2: gx, y1: PAD.top, y2: a.height - PAD.bottom, class: 'tl-grid' }));
      root.append(svg('text', { x: gx, y: a.height - PAD.bottom + 18, class: 'tl-year', 'text-anchor': 'middle' }, String(year)));
    }
    for (let power = a.low; power <= a.high; power++) {
      const gy = a.y(10 ** power, '');
      root.append(svg('line', { x1: PAD.left, x2: a.width - PAD.right, y1: gy, y2: gy, class: 'tl-grid' }));
      root.append(svg('text', { x: PAD.left - 6, y: gy + 4, class: 'tl-year', 'text-anchor': 'end' }, formatParameters(10 ** power) ?? ''));
    }
    root.append(svg('line', { x1: PAD.left, x2: a.width - PAD.right, y1: a.plotBottom + 4, y2: a.plotBottom + 4, class: 'tl-axis' }));
    root.append(
      svg('text', { x: PAD.left - 6, y: a.height - PAD.bottom - UNSIZED / 2 + 4, class: 'tl-year', 'text-anchor': 'end' }, 'size?'),
    );
    root.append(
      svg('line', { x1: PAD.left, x2: a.width - PAD.right, y1: a.height - PAD.bottom, y2: a.height - PAD.bottom, class: 'tl-axis' }),
    );
  }

  private dot(m: TimelineModel, px: number, py: number): SVGGElement {
    const g = svg('g', { class: 'tl-model', 'data-id': m.id, 'data-testid': 'timeline-model', tabindex: 0, role: 'button' });
    g.dataset.id = m.id;
    const params = formatParameters(m.parameters);
    g.append(
      svg(
        'title',
        {},
        `${m.name} — ${formatDate(m.releaseDate)}${params ? `, ${params} parameters` : ''}${m.openWeights ? ', open weights' : ''}`,
      ),
    );
    g.append(
      svg('circle', {
        cx: px,
        cy: py,
        r: 4,
        class: m.openWeights ? 'tl-dot open' : 'tl-dot',
        fill: m.openWeights ? TYPE_STYLE.MODEL.color : '#ffffff',
        stroke: TYPE_STYLE.MODEL.color,
      }),
    );
    g.addEventListener('click', () => this.o.onSelect(m.id));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.o.onSelect(m.id);
      }
    });
    return g;
  }

  /**
   * Writes names beside their dots, most influential first (the selected model before all), skipping
   * any that would overlap a name already written; a name may cover dots (it has a white halo).
   */
  private labels(root: SVGSVGElement, dots: Array<{ m: TimelineModel; px: number; py: number }>, width: number): void {
    const measure = textMeasurer();
    const rank = (m: TimelineModel) => (m.id === this.selected ? Number.POSITIVE_INFINITY : (m.influence?.pageRank ?? 0));
    const taken: Array<{ x1: number; x2: number; y1: number; y2: number }> = [];
    const layer = svg('g', { class: 'tl-labels' });
    let written = 0;
    for (const d of [...dots].sort((a, b) => rank(b.m) - rank(a.m))) {
      if (written >= MAX_LABELS) break;
      const w = measure(d.m.name);
      const box = { x1: d.px + 6, x2: d.px + 8 + w, y1: d.py - 8, y2: d.py + 7 };
      if (box.x2 > width - 2) Object.assign(box, { x1: d.px - 8 - w, x2: d.px - 6 });
      if (taken.some((t) => box.x1 < t.x2 && t.x1 < box.x2 && box.y1 < t.y2 && t.y1 < box.y2)) continue;
      taken.push(box);
      written += 1;
      // Names above every dot: in a layer of their own, drawn last.
      const label = svg('text', { x: box.x1 + 1, y: d.py + 4, class: 'tl-label', 'data-id': d.m.id }, d.m.name);
      label.addEventListener('click', () => this.o.onSelect(d.m.id));
      layer.append(label);
    }
    root.append(layer);
  }
}

/** The default start year, for the toggle's label once every year is shown. */
function focusStartLabel(models: TimelineModel[]): number {
  return focusStart(models.map((m) => dateToYear(m.releaseDate)).filter((y): y is number => y !== null));
}
