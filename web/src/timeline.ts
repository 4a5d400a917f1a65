/**
 * The timeline: every model with a release date, placed along a horizontal time axis. A year is as
 * wide as its models need for their labels to fit in about TARGET_LANES lanes, so a thousand models
 * of the recent years widen those years (the view scrolls sideways) instead of stacking hundreds of lanes.
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

/** Label widths from the real font, so lanes do not overlap. */
function textMeasurer(): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 7.5;
  ctx.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => ctx.measureText(text).width;
}

/** Lanes a busy year is widened to fit its labels in. */
const TARGET_LANES = 20;
/** The narrowest a year is drawn. */
const MIN_YEAR_WIDTH = 200;

export interface TimelineOptions {
  onSelect(id: string): void;
}

export class Timeline {
  private models: TimelineModel[] = [];
  /** False when the API had more models than the explorer fetched (api.TIMELINE_MAX_PAGES). */
  private complete = true;
  private selected: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly o: TimelineOptions,
  ) {}

  get loaded(): boolean {
    return this.models.length > 0;
  }

  setModels(models: TimelineModel[], complete = true): void {
    this.models = models;
    this.complete = complete;
    this.render();
  }

  select(id: string | null): void {
    this.selected = id;
    this.root.querySelectorAll<SVGGElement>('g.tl-model').forEach((g) => {
      g.classList.toggle('selected', g.dataset.id === id);
    });
  }

  render(): void {
    const dated = this.models
      .map((m) => ({ m, year: dateToYear(m.releaseDate) }))
      .filter((d): d is { m: TimelineModel; year: number } => d.year !== null)
      .sort((a, b) => a.year - b.year);
    if (dated.length === 0) {
      this.root.replaceChildren(el('div', { className: 'stage-message', text: 'No models have a release date yet.' }));
      return;
    }
    const first = Math.floor(dated[0]!.year);
    const last = Math.floor(dated[dated.length - 1]!.year) + 1;
    const pad = 40;
    const available = Math.max(this.root.clientWidth, 320) - 2 * pad;
    const measure = textMeasurer();
    // Each year's width: an even share of the window, at least MIN_YEAR_WIDTH, and wide enough for
    // its labels to fit in TARGET_LANES lanes. yearStart[i] is where year first + i begins.
    const labelWidths = new Map<number, number>();
    for (const { m, year } of dated) labelWidths.set(Math.floor(year), (labelWidths.get(Math.floor(year)) ?? 0) + 20 + measure(m.name));
    const yearStart = [pad];
    for (let year = first; year < last; year++) {
      const need = (labelWidths.get(year) ?? 0) / TARGET_LANES;
      yearStart.push(yearStart[yearStart.length - 1]! + Math.max(available / (last - first), MIN_YEAR_WIDTH, need));
    }
    const width = yearStart[yearStart.length - 1]! + pad;
    const x = (year: number) => {
      const i = Math.min(Math.floor(year) - first, last - first - 1);
      return yearStart[i]! + (year - first - i) * (yearStart[i + 1]! - yearStart[i]!);
    };

    // Greedy lanes so labels do not overlap: each lane remembers where its last label ended.
    const laneEnds: number[] = [];
    const laneHeight = 24;
    const placed = dated.map(({ m, year }) => {
      const px = x(year);
      const labelWidth = 16 + measure(m.name);
      let lane = laneEnds.findIndex((end) => end < px - 4);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(0);
      }
      laneEnds[lane] = px + labelWidth;
      return { m, year, px, lane };
    });
    const lanes = laneEnds.length;
    const top = 24;
    const axisY = top + lanes * laneHeight + 16;
    const height = axisY + 44;

    const root = svg('svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `Timeline of ${placed.length} models by release date`,
    });
    root.classList.add('timeline-svg');
    for (let year = first; year <= last; year++) {
      const gx = x(year);
      root.append(svg('line', { x1: gx, x2: gx, y1: top - 10, y2: axisY, class: 'tl-grid' }));
      root.append(svg('line', { x1: gx, x2: gx, y1: axisY, y2: axisY + 6, class: 'tl-tick' }));
      root.append(svg('text', { x: gx, y: axisY + 22, class: 'tl-year', 'text-anchor': 'middle' }, String(year)));
    }
    root.append(svg('line', { x1: pad - 10, x2: width - pad + 10, y1: axisY, y2: axisY, class: 'tl-axis' }));

    for (const { m, px, lane } of placed) {
      const y = top + lane * laneHeight;
      const g = svg('g', { class: 'tl-model', 'data-id': m.id, 'data-testid': 'timeline-model', tabindex: 0, role: 'button' });
      g.dataset.id = m.id;
      const params = formatParameters(m.parameters);
      const title = `${m.name} — ${formatDate(m.releaseDate)}${params ? `, ${params} parameters` : ''}${m.openWeights ? ', open weights' : ''}`;
      g.append(svg('title', {}, title));
      g.append(svg('line', { x1: px, x2: px, y1: y, y2: axisY, class: 'tl-stem' }));
      // An invisible hit area over dot and label.
      g.append(svg('rect', { x: px - 8, y: y - 10, width: 20 + measure(m.name), height: 20, class: 'tl-hit' }));
      g.append(
        svg('circle', {
          cx: px,
          cy: y,
          r: 5,
          class: m.openWeights ? 'tl-dot open' : 'tl-dot',
          fill: m.openWeights ? TYPE_STYLE.MODEL.color : '#ffffff',
          stroke: TYPE_STYLE.MODEL.color,
        }),
      );
      g.append(svg('text', { x: px + 9, y: y + 4, class: 'tl-label' }, m.name));
      g.addEventListener('click', () => this.o.onSelect(m.id));
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.o.onSelect(m.id);
        }
      });
      root.append(g);
    }
    const undated = this.models.length - placed.length;
    const caption = el(
      'p',
      { className: 'timeline-caption' },
      `${placed.length} models by release date`,
      undated > 0 ? ` (${undated} without a date are not shown)` : '',
      this.complete ? '' : `; the first ${this.models.length} models the API lists were fetched, later ones are left out`,
      '. Filled dots: open weights. Click a model for its details.',
    );
    const scroller = el('div', { className: 'timeline-scroll', 'data-testid': 'timeline-scroll' }, root);
    this.root.replaceChildren(caption, scroller);
    // Most models are recent: start scrolled to the latest years.
    scroller.scrollLeft = scroller.scrollWidth;
    this.select(this.selected);
  }
}
