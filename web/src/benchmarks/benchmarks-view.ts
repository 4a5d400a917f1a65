/**
 * The benchmark view: a benchmark's leaderboard as a table (each model with its best-ranked result, who
 * measured it, self-reported marked, the source) and the frontier over time as a chart (every model's score
 * by its release date, and the best score released by each date), with filters on the results.
 */
import * as api from '../api';
import { dateToYear, el, formatDate } from '../format';
import { CHART_FONT, echarts } from '../research/echarts';
import type { BenchmarkChoice, LeaderboardEntry, LeaderboardPage } from '../types';
import { frontier } from './frontier';
import { leaderboardTable, scoreText } from './leaderboard-table';
import './benchmarks.css';

/** Pages of 100 the view reads for the chart at most: 500 models. */
const MAX_PAGES = 5;
/** Rows the table shows at first, and shows more by. */
const ROWS = 25;
const DEFAULT_BENCHMARK = 'mmlu';

function select(testid: string, label: string, options: Array<[string, string]>): HTMLSelectElement {
  return el('select', { 'data-testid': testid, 'aria-label': label }, ...options.map(([value, text]) => el('option', { value, text })));
}

export class BenchmarksView {
  readonly chart: echarts.ECharts;
  private loaded = false;
  private seq = 0;
  private entries: LeaderboardEntry[] = [];
  private board: LeaderboardPage | null = null;
  private shown = ROWS;
  private benchmark = el('select', { 'data-testid': 'benchmark-select', 'aria-label': 'Benchmark' });
  private selfReported = select('bench-self-reported', 'Who measured it', [
    ['', 'all results'],
    ['false', 'independently measured only'],
    ['true', 'self-reported only'],
  ]);
  private openWeights = select('bench-open-weights', 'Weights', [
    ['', 'open and closed weights'],
    ['true', 'open weights only'],
    ['false', 'closed weights only'],
  ]);
  private releasedBefore = el('input', {
    type: 'text',
    placeholder: 'e.g. 2024-06',
    size: '9',
    'data-testid': 'bench-released-before',
    'aria-label': 'Released on or before',
  });
  private about = el('p', { className: 'muted bench-about', 'data-testid': 'bench-about' });
  private note = el('p', { className: 'muted chart-note', 'data-testid': 'frontier-note' });
  private table = el('div', { className: 'leaderboard-wrap' });
  private more = el('button', { type: 'button', className: 'btn small', 'data-testid': 'leaderboard-more', text: 'Show more' });
  private count = el('p', { className: 'muted', 'data-testid': 'leaderboard-count' });

  constructor(
    readonly root: HTMLElement,
    private readonly run: <T>(text: string, action: () => Promise<T>) => Promise<T | undefined>,
    private readonly onModel: (id: string, name: string) => void,
  ) {
    const canvas = el('div', { className: 'chart', 'data-testid': 'frontier-chart' });
    root.append(
      el(
        'section',
        { className: 'chart-card bench-controls', 'aria-label': 'Benchmark and filters' },
        el(
          'div',
          { className: 'chart-controls' },
          el('label', { className: 'stack' }, el('span', { text: 'Benchmark' }), this.benchmark),
          el('label', { className: 'stack' }, el('span', { text: 'Results' }), this.selfReported),
          el('label', { className: 'stack' }, el('span', { text: 'Models' }), this.openWeights),
          el('label', { className: 'stack' }, el('span', { text: 'Released on or before' }), this.releasedBefore),
        ),
        this.about,
      ),
      el('section', { className: 'chart-card', 'aria-label': 'The frontier over time' }, canvas, this.note),
      el('section', { className: 'chart-card', 'aria-label': 'Leaderboard' }, this.count, this.table, this.more),
    );
    this.chart = echarts.init(canvas, undefined, { renderer: 'canvas' });
    for (const control of [this.benchmark, this.selfReported, this.openWeights]) control.addEventListener('change', () => void this.load());
    this.releasedBefore.addEventListener('change', () => void this.load());
    this.more.addEventListener('click', () => {
      this.shown += ROWS;
      this.drawTable();
    });
  }

  /** Shown: loads the benchmarks once, then (re)draws at the pane's size. */
  async show(benchmarkId?: string): Promise<void> {
    if (!this.loaded) {
      const choices = await this.run('Loading benchmarks…', () => api.benchmarks());
      if (!choices) return;
      this.loaded = true;
      this.fillChoices(choices);
    }
    const wanted = benchmarkId ?? (this.board ? undefined : DEFAULT_BENCHMARK);
    if (wanted && [...this.benchmark.options].some((o) => o.value === wanted)) this.benchmark.value = wanted;
    if (wanted || !this.board) await this.load();
    this.resize();
  }

  resize(): void {
    this.chart.resize();
  }

  /** Curated benchmarks (with what they measure) first, then those only a catalogue names. */
  private fillChoices(choices: BenchmarkChoice[]): void {
    const group = (label: string, list: BenchmarkChoice[]) =>
      el(
        'optgroup',
        { label },
        ...list.map((b) => el('option', { value: b.id, text: b.area ? `${b.name} (${b.area.toLowerCase().replace(/_/g, ' ')})` : b.name })),
      );
    this.benchmark.replaceChildren(
      group(
        'Curated benchmarks',
        choices.filter((b) => b.area !== null),
      ),
      group(
        'Named by one catalogue',
        choices.filter((b) => b.area === null),
      ),
    );
  }

  private filter(): Record<string, unknown> {
    const where: Record<string, unknown> = {};
    if (this.selfReported.value) where.selfReported = this.selfReported.value === 'true';
    if (this.openWeights.value) where.openWeights = this.openWeights.value === 'true';
    const before = this.releasedBefore.value.trim();
    if (before) where.releasedBefore = before;
    return where;
  }

  /** Every entry of the leaderboard the filters keep (up to MAX_PAGES pages), then the chart and the table. */
  async load(): Promise<void> {
    const benchmark = this.benchmark.value;
    if (!benchmark) return;
    const seq = ++this.seq;
    const where = this.filter();
    const pages = await this.run('Loading the leaderboard…', async () => {
      const out: LeaderboardPage[] = [];
      let after: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await api.leaderboard({ benchmark, where, first: 100, after });
        out.push(page);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return out;
    });
    if (!pages || seq !== this.seq) return;
    this.board = pages[0]!;
    this.entries = pages.flatMap((p) => p.edges.map((e) => e.node));
    this.shown = ROWS;
    this.drawAbout();
    this.drawChart();
    this.drawTable();
  }

  private drawAbout(): void {
    const b = this.board!.benchmark;
    const direction =
      this.board!.higherIsBetter === false ? 'lower is better' : this.board!.higherIsBetter ? 'higher is better' : 'direction not curated';
    this.about.replaceChildren(
      el('strong', { text: b.name }),
      b.description ? ` — ${b.description} ` : ' ',
      el('span', { text: `Metric: ${b.metric ?? 'as each source states'}; ${direction}.` }),
      b.url
        ? el('a', { href: b.url, target: '_blank', rel: 'noopener noreferrer', className: 'bench-link', text: ' About the benchmark ↗' })
        : '',
    );
  }

  private drawChart(): void {
    const board = this.board!;
    const scale = board.benchmark.scale;
    const { points, best, undated } = frontier(this.entries, board.higherIsBetter, dateToYear);
    const percent = scale === 'FRACTION';
    const y = (value: number) => (percent ? Math.round(value * 1000) / 10 : value);
    const point = (p: (typeof points)[number]) => ({
      value: [p.year, y(p.value)],
      name: p.entry.model.name,
      entry: p.entry,
    });
    this.chart.setOption(
      {
        animation: false,
        textStyle: { fontFamily: CHART_FONT },
        title: {
          text: `${board.benchmark.name}: the frontier over time`,
          subtext: 'each model’s best-ranked result by its release date; the line is the best score released by then',
          left: 'center',
          textStyle: { fontSize: 15 },
        },
        legend: { top: 52, data: ['independently measured', 'self-reported', 'frontier'] },
        grid: { left: 64, right: 32, top: 90, bottom: 50 },
        tooltip: {
          trigger: 'item',
          formatter: (params: { data: { entry: LeaderboardEntry } }) => {
            const e = params.data.entry;
            return `${e.model.name}<br/>${scoreText(e.result, scale)} · ${e.result.measuredBy ?? 'source not named'}${
              e.result.selfReported ? ' (self-reported)' : ''
            }<br/>released ${formatDate(e.model.releaseDate) ?? '—'}`;
          },
        },
        xAxis: {
          type: 'value',
          name: 'Release date',
          nameLocation: 'middle',
          nameGap: 28,
          // Whole years at the ends, a tick a year: the labels are the years.
          min: points.length ? Math.floor(Math.min(...points.map((p) => p.year))) : undefined,
          max: points.length ? Math.ceil(Math.max(...points.map((p) => p.year)) + 1e-9) : undefined,
          interval: 1,
          axisLabel: { formatter: (v: number) => String(Math.round(v)) },
        },
        yAxis: {
          type: 'value',
          name: percent ? `${board.benchmark.metric ?? 'score'} (%)` : (board.benchmark.metric ?? 'score'),
          nameLocation: 'middle',
          nameGap: 44,
          scale: true,
        },
        series: [
          {
            name: 'independently measured',
            type: 'scatter',
            symbolSize: 8,
            itemStyle: { color: '#4e79a7' },
            data: points.filter((p) => !p.entry.result.selfReported).map(point),
          },
          {
            name: 'self-reported',
            type: 'scatter',
            symbol: 'diamond',
            symbolSize: 9,
            itemStyle: { color: '#f28e2b' },
            data: points.filter((p) => p.entry.result.selfReported).map(point),
          },
          { name: 'frontier', type: 'line', step: 'end', symbol: 'none', lineStyle: { width: 2, color: '#e15759' }, data: best.map(point) },
        ],
      },
      { notMerge: true },
    );
    this.note.textContent =
      points.length === 0
        ? 'No result here has a model with a release date.'
        : undated > 0
          ? `${undated} of ${this.entries.length} models have no release date and are not drawn.`
          : '';
  }

  private drawTable(): void {
    const board = this.board!;
    const shown = this.entries.slice(0, this.shown);
    this.table.replaceChildren(leaderboardTable(shown, board.benchmark.scale, this.onModel));
    this.count.textContent = `${board.totalCount} models on the leaderboard${
      this.entries.length < board.totalCount ? ` (the first ${this.entries.length} read)` : ''
    }; showing ${shown.length}.`;
    this.more.hidden = shown.length >= this.entries.length;
  }
}
