/**
 * The charts view: technique adoption over time (adoptionCurve) and model releases per period
 * (releasesPerPeriod by organization, country or open weights), each with its exports.
 */
import { el } from '../format';
import * as research from './api';
import { CHART_FONT, chartToPngDataUrl, chartToSvg, echarts, PALETTE } from './echarts';
import { dataUrlToBlob, download, exportButtons, toCsv } from './export';

const GROUPING_LABEL: Record<research.ReleaseGrouping, string> = {
  ORGANIZATION: 'organization',
  COUNTRY: 'country',
  OPEN_WEIGHTS: 'open weights',
};

/** Techniques drawn when the view first opens: the most used ones. */
const DEFAULT_TECHNIQUES = 5;

function select(testid: string, label: string, options: Array<[string, string]>): HTMLSelectElement {
  return el('select', { 'data-testid': testid, 'aria-label': label }, ...options.map(([value, text]) => el('option', { value, text })));
}

/** Every period of the series, in order ("2023" < "2023-Q2" sorts right as text). */
function periodsOf(series: Array<{ points: research.PeriodCount[] }>): string[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
}

/** The share of all releases before the period a releases chart opens at (the rest is a drag away). */
const EARLY_SHARE = 0.05;

/** The first period by which EARLY_SHARE of the counts had happened (a lone 1959 model must not squash 2023 into a sliver). */
export function focusPeriod(periods: string[], series: Array<{ points: research.PeriodCount[] }>): string | undefined {
  const totals = periods.map((period) => series.reduce((sum, s) => sum + (s.points.find((p) => p.period === period)?.count ?? 0), 0));
  const all = totals.reduce((a, b) => a + b, 0);
  let running = 0;
  const index = totals.findIndex((count) => {
    running += count;
    return running >= all * EARLY_SHARE;
  });
  return periods[Math.max(0, index)];
}

function baseOption(title: string, subtitle: string, xName: string, yName: string) {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis' },
    // On the right, one series a line; a name longer than 200 px wraps instead of being cut.
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 8,
      top: 70,
      bottom: 16,
      textStyle: { fontSize: 12, width: 200, overflow: 'break' },
      tooltip: { show: true },
    },
    grid: { left: 64, right: 250, top: 70, bottom: 50 },
    xAxis: { type: 'category', name: xName, nameLocation: 'middle', nameGap: 28, nameTextStyle: { fontSize: 13, fontWeight: 'bold' } },
    yAxis: {
      type: 'value',
      name: yName,
      nameLocation: 'middle',
      nameGap: 42,
      minInterval: 1,
      nameTextStyle: { fontSize: 13, fontWeight: 'bold' },
    },
  };
}

export class ChartsView {
  readonly adoptionChart: echarts.ECharts;
  readonly releasesChart: echarts.ECharts;
  private loaded = false;
  private adoption: research.AdoptionCurve[] = [];
  /** The bucket `adoption` was asked with (the select may have moved on since). */
  private adoptionBucketShown: research.Bucket = 'YEAR';
  private releases: research.ReleaseSeries[] = [];
  /** Requests answered out of order must not draw over a newer choice. */
  private adoptionSeq = 0;
  private releasesSeq = 0;

  private techniques = el('select', { multiple: '', size: '6', 'data-testid': 'adoption-techniques', 'aria-label': 'Techniques to chart' });
  private adoptionBucket = select('adoption-bucket', 'Period', [
    ['YEAR', 'per year'],
    ['QUARTER', 'per quarter'],
  ]);
  private cumulative = el('input', { type: 'checkbox', 'data-testid': 'adoption-cumulative' });
  private adoptionNote = el('p', { className: 'muted chart-note', 'data-testid': 'adoption-note' });
  private releasesBy = select('releases-by', 'Group releases by', [
    ['ORGANIZATION', 'by organization'],
    ['COUNTRY', 'by country'],
    ['OPEN_WEIGHTS', 'by open weights'],
  ]);
  private releasesBucket = select('releases-bucket', 'Period', [
    ['YEAR', 'per year'],
    ['QUARTER', 'per quarter'],
  ]);

  constructor(
    readonly root: HTMLElement,
    private readonly run: <T>(text: string, action: () => Promise<T>) => Promise<T | undefined>,
    onError: (message: string) => void,
  ) {
    this.cumulative.checked = true;
    const adoptionCanvas = el('div', { className: 'chart', 'data-testid': 'adoption-chart' });
    const releasesCanvas = el('div', { className: 'chart', 'data-testid': 'releases-chart' });
    root.append(
      el(
        'section',
        { className: 'chart-card', 'aria-label': 'Technique adoption' },
        el(
          'div',
          { className: 'chart-controls' },
          el('label', { className: 'stack' }, el('span', { text: 'Techniques (Ctrl/⌘-click for several)' }), this.techniques),
          el(
            'div',
            { className: 'stack' },
            this.adoptionBucket,
            el('label', { className: 'check inline' }, this.cumulative, el('span', { text: 'Cumulative' })),
            exportButtons(
              'adoption',
              this.exports(
                () => this.adoptionChart,
                'technique-adoption',
                () => this.adoptionCsv(),
              ),
              onError,
            ),
          ),
        ),
        adoptionCanvas,
        this.adoptionNote,
      ),
      el(
        'section',
        { className: 'chart-card', 'aria-label': 'Releases per period' },
        el(
          'div',
          { className: 'chart-controls' },
          this.releasesBy,
          this.releasesBucket,
          exportButtons(
            'releases',
            this.exports(
              () => this.releasesChart,
              'model-releases',
              () => this.releasesCsv(),
            ),
            onError,
          ),
        ),
        releasesCanvas,
      ),
    );
    this.adoptionChart = echarts.init(adoptionCanvas, undefined, { renderer: 'canvas' });
    this.releasesChart = echarts.init(releasesCanvas, undefined, { renderer: 'canvas' });
    this.techniques.addEventListener('change', () => void this.loadAdoption());
    this.adoptionBucket.addEventListener('change', () => void this.loadAdoption());
    this.cumulative.addEventListener('change', () => this.drawAdoption());
    this.releasesBy.addEventListener('change', () => void this.loadReleases());
    this.releasesBucket.addEventListener('change', () => void this.loadReleases());
  }

  private exports(chart: () => echarts.ECharts, name: string, csv: () => string) {
    return {
      png: () => download(`${name}.png`, dataUrlToBlob(chartToPngDataUrl(chart()))),
      svg: () => download(`${name}.svg`, chartToSvg(chart()), 'image/svg+xml'),
      csv: () => download(`${name}.csv`, csv(), 'text/csv;charset=utf-8'),
    };
  }

  /** Called when the view is shown: loads the technique list once, then (re)draws at the pane's size. */
  async show(): Promise<void> {
    if (!this.loaded) {
      const choices = await this.run('Loading techniques…', () => research.techniqueChoices());
      if (!choices) return;
      this.loaded = true;
      this.techniques.replaceChildren(
        ...choices.map((c, i) => {
          const option = el('option', { value: c.technique.id, text: `${c.technique.name} (${c.modelCount})` });
          option.selected = i < DEFAULT_TECHNIQUES;
          return option;
        }),
      );
      await Promise.all([this.loadAdoption(), this.loadReleases()]);
    }
    this.resize();
  }

  resize(): void {
    this.adoptionChart.resize();
    this.releasesChart.resize();
  }

  private async loadAdoption(): Promise<void> {
    const ids = [...this.techniques.selectedOptions].map((o) => o.value);
    const bucket = this.adoptionBucket.value as research.Bucket;
    const seq = ++this.adoptionSeq;
    const curves = ids.length === 0 ? [] : await this.run('Loading adoption…', () => research.adoptionCurve(ids, bucket));
    if (!curves || seq !== this.adoptionSeq) return;
    this.adoption = curves;
    this.adoptionBucketShown = bucket;
    this.drawAdoption();
  }

  private drawAdoption(): void {
    const bucket = this.adoptionBucketShown === 'QUARTER' ? 'quarter' : 'year';
    const cumulative = this.cumulative.checked;
    const periods = periodsOf(this.adoption);
    const option = baseOption(
      cumulative ? 'Models using each technique, cumulative' : `Models adopting each technique, per ${bucket}`,
      'by the release date of the models that use it',
      `Release ${bucket}`,
      cumulative ? 'Models (cumulative)' : 'Models released',
    );
    this.adoptionChart.setOption(
      {
        ...option,
        xAxis: { ...option.xAxis, data: periods },
        series: this.adoption.map((curve) => {
          const byPeriod = new Map(curve.points.map((p) => [p.period, p]));
          let last = 0;
          return {
            name: curve.technique.name,
            type: 'line',
            symbolSize: 6,
            // A period without adoptions holds the running total (cumulative) or zero.
            data: periods.map((period) => {
              const point = byPeriod.get(period);
              if (point) last = point.cumulative;
              return cumulative ? last : (point?.count ?? 0);
            }),
          };
        }),
      },
      { notMerge: true },
    );
    const undated = this.adoption.filter((c) => c.undated > 0).map((c) => `${c.technique.name}: ${c.undated}`);
    this.adoptionNote.textContent =
      this.adoption.length === 0
        ? 'Choose one or more techniques.'
        : undated.length > 0
          ? `Users left out for lack of a ${bucket === 'quarter' ? 'release month' : 'release date'}: ${undated.join(', ')}.`
          : '';
  }

  private async loadReleases(): Promise<void> {
    const by = this.releasesBy.value as research.ReleaseGrouping;
    const bucket = this.releasesBucket.value as research.Bucket;
    const seq = ++this.releasesSeq;
    const series = await this.run('Loading releases…', () => research.releasesPerPeriod(by, bucket));
    if (!series || seq !== this.releasesSeq) return;
    this.releases = series;
    const periods = periodsOf(series);
    const word = bucket === 'QUARTER' ? 'quarter' : 'year';
    const from = focusPeriod(periods, series);
    const zoomed = from !== undefined && from !== periods[0];
    const option = baseOption(
      `Model releases per ${word}, by ${GROUPING_LABEL[by]}`,
      `${
        by === 'ORGANIZATION'
          ? `the ${series.length} organizations with the most releases`
          : by === 'COUNTRY'
            ? `the ${series.length} countries with the most releases (ISO codes)`
            : 'weights published or not, as the sources say'
      }${zoomed ? `; from ${from} (drag the bar below for the years since ${periods[0]})` : ''}`,
      `Release ${word}`,
      'Models released',
    );
    this.releasesChart.setOption(
      {
        ...option,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { ...option.xAxis, data: periods },
        grid: { ...option.grid, bottom: 86 },
        dataZoom: [
          { type: 'slider', xAxisIndex: 0, startValue: from, endValue: periods.at(-1), bottom: 8, height: 22 },
          { type: 'inside', xAxisIndex: 0 },
        ],
        series: series.map((s) => {
          const byPeriod = new Map(s.points.map((p) => [p.period, p.count]));
          return { name: `${s.label} (${s.total})`, type: 'bar', stack: 'releases', data: periods.map((p) => byPeriod.get(p) ?? 0) };
        }),
      },
      { notMerge: true },
    );
  }

  private adoptionCsv(): string {
    return toCsv(
      ['technique_id', 'technique', 'period', 'count', 'cumulative'],
      this.adoption.flatMap((c) => c.points.map((p) => [c.technique.id, c.technique.name, p.period, p.count, p.cumulative])),
    );
  }

  private releasesCsv(): string {
    return toCsv(
      ['group', 'label', 'period', 'count', 'cumulative'],
      this.releases.flatMap((s) => s.points.map((p) => [s.key, s.label, p.period, p.count, p.cumulative])),
    );
  }
}
