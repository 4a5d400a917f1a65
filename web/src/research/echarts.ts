/**
 * ECharts with only the parts the research views draw (tree-shaken): line and bar charts, the
 * organization graph, a zoomable axis, and both renderers — canvas on screen and for PNG, SVG for the SVG export.
 */
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  GraphChart,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

/**
 * The explorer's font stack: CJK faces before the generic fallback, so 智谱 and 通义 render. The
 * names are unquoted (valid CSS) because ECharts' SVG output puts the stack inside a double-quoted
 * attribute without escaping it: a quoted name would make the exported SVG invalid XML.
 */
export const CHART_FONT =
  'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif';

/** A palette that stays distinguishable for a dozen series (Tableau 10 + two). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#17becf',
];

/** The chart as it is on screen, drawn again by the SVG renderer: a standalone SVG document. */
export function chartToSvg(chart: echarts.ECharts): string {
  const width = chart.getWidth();
  const height = chart.getHeight();
  const host = document.createElement('div');
  const copy = echarts.init(host, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    copy.setOption({ ...(chart.getOption() as object), animation: false });
    return copy.renderToSVGString();
  } finally {
    copy.dispose();
  }
}

export function chartToPngDataUrl(chart: echarts.ECharts): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
}
