/**
 * The explorer on the default graph (the documents and Epoch's language models): the source filter,
 * the sources of an entity's relationships in the panel, and a timeline of every dated model.
 * Loads Epoch into the run's graph, and gives the documents' graph back afterwards.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultCatalogue } from '../../src/import/default-catalogues.js';
import type { Service } from '../../src/service.js';
import { hasChromium, launchChromium, prepareExplorer, screenshotsDir as screenshots } from '../helpers/browser.js';
import { restoreSeedGraph } from '../helpers/import-service.js';
import { startTestService } from '../helpers/service.js';

const POLL = { timeout: 20_000, interval: 100 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
declare const window: Any;
declare const document: Any;

describe.skipIf(!hasChromium)('explorer on the default graph (browser)', { timeout: 120_000 }, () => {
  let service: Service;
  let browser: Browser;
  let datedModels = 0;

  beforeAll(async () => {
    prepareExplorer();
    service = await startTestService({ TRUSTED_DOCUMENTS: 'only', REQUEST_TIMEOUT_MS: '60000' });
    await loadDefaultCatalogue(service.database, 'epoch');
    const [row] = await service.database.scope().read('MATCH (m:Model) WHERE m.releaseDate IS NOT NULL RETURN count(*) AS n');
    datedModels = Number(row!.n);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (service) {
      await restoreSeedGraph(service.database);
      await service.stop();
    }
  }, 300_000);

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(service.url);
    await page.waitForFunction(() => Boolean(window.__explorer?.cy));
    return page;
  }

  /** Ids of the shown edges, each with the source groups of its citations (as the filter reads them). */
  const visibleEdges = (page: Page) => page.evaluate(() => window.__explorer.cy.edges(':visible').map((e: Any) => e.id()) as string[]);

  it('filters the graph by source and lists who states each relationship', async () => {
    const page = await open();
    await page.getByTestId('search-input').fill('Meta');
    const suggestion = page.locator('[data-testid="search-suggestion"][data-id="meta"]');
    await suggestion.waitFor();
    await suggestion.click();
    await page.waitForFunction(() => window.__explorer.cy.$id('meta').nonempty());
    await page.getByTestId('panel-relationship-sources').waitFor();
    await page.waitForFunction(() => document.body.dataset.busy === '0');

    const all = await visibleEdges(page);
    // Meta's neighbourhood holds both: models the documents name and models only Epoch lists.
    const badges = await page.getByTestId('panel-relationship-sources').getByTestId('source-badge').allTextContents();
    expect(badges).toContain('Documents');
    expect(badges).toContain('Epoch AI');
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-1-all.png') });

    await page.getByTestId('filter-source-documents').check();
    await expect.poll(async () => (await visibleEdges(page)).length, POLL).toBeLessThan(all.length);
    const documentsOnly = await visibleEdges(page);
    expect(documentsOnly.length).toBeGreaterThan(0);
    // Every node still shown touches a shown relationship, or is the selected one.
    const stranded = await page.evaluate(
      () =>
        window.__explorer.cy
          .nodes(':visible')
          .filter((n: Any) => n.id() !== 'meta' && n.connectedEdges(':visible').empty())
          .map((n: Any) => n.id()) as string[],
    );
    expect(stranded).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-2-documents.png') });

    await page.getByTestId('filter-source-epoch').check();
    await expect.poll(async () => (await visibleEdges(page)).sort(), POLL).not.toEqual(documentsOnly.sort());
    const epochOnly = await visibleEdges(page);
    expect(epochOnly.length).toBeGreaterThan(documentsOnly.length);
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-3-epoch.png') });

    await page.getByTestId('filter-source-all').check();
    await expect.poll(async () => (await visibleEdges(page)).length, POLL).toBe(all.length);
  });

  it('draws the timeline to fit its pane: axes in view, the bulk of the years first, only names that fit', async () => {
    expect(datedModels).toBeGreaterThanOrEqual(1_000);
    const page = await open();
    await page.getByTestId('view-timeline').click();
    await page.locator('[data-testid="timeline-model"][data-id="gpt-4"]').waitFor();
    const caption = (await page.getByTestId('timeline-caption').textContent()) ?? '';
    const [, shown, from, earlier] = /^(\d+) models released from (\d{4}) \((\d+) earlier not shown\)/.exec(caption) ?? [];
    expect(Number(shown) + Number(earlier)).toBe(datedModels);
    expect(await page.getByTestId('timeline-model').count()).toBe(Number(shown));
    expect(Number(earlier)).toBeLessThan(datedModels * 0.1);
    const layout = await page.evaluate(() => {
      const pane = document.querySelector('[data-testid="timeline"]').getBoundingClientRect();
      const svg = document.querySelector('svg.timeline-svg').getBoundingClientRect();
      const years = [...document.querySelectorAll('text.tl-year')].map((t: Any) => t.getBoundingClientRect());
      const labels = [...document.querySelectorAll('text.tl-label')].map((t: Any) => t.getBoundingClientRect());
      return { pane, svg, years, labels, innerHeight: window.innerHeight };
    });
    // Fits the pane (no 17,000-pixel strip), every axis label within the window.
    expect(layout.svg.width).toBeLessThanOrEqual(layout.pane.width);
    expect(layout.svg.bottom).toBeLessThanOrEqual(layout.pane.bottom + 1);
    for (const year of layout.years) expect(year.bottom).toBeLessThanOrEqual(layout.innerHeight);
    // A few dozen names, none over another (not a thousand labels).
    expect(layout.labels.length).toBeGreaterThan(5);
    expect(layout.labels.length).toBeLessThanOrEqual(40);
    const overlaps = (a: Any, b: Any) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const [i, a] of layout.labels.entries()) for (const b of layout.labels.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-4-timeline.png') });

    await page.getByTestId('timeline-years').click();
    await expect.poll(() => page.getByTestId('timeline-model').count(), POLL).toBe(datedModels);
    expect(await page.getByTestId('timeline-caption').textContent()).not.toContain(`from ${from} `);
  });

  it('opens the releases by country on the years most models come from, and keeps the organizations’ names off the title and legend', async () => {
    const page = await open();
    await page.getByTestId('view-charts').click();
    await page.getByTestId('releases-by').selectOption('COUNTRY');
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.releasesChart.getOption().title[0].text as string), POLL)
      .toContain('country');
    const axis = await page.evaluate(() => {
      const chart = window.__explorer.research.charts.releasesChart;
      const periods = chart.getOption().xAxis[0].data as string[];
      const [start] = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent() as number[];
      return { first: periods[0], shownFrom: periods[Math.round(start ?? 0)] };
    });
    // Epoch's oldest language model is from 1959; the chart opens where releases are (the rest is a drag away).
    expect(Number(axis.first)).toBeLessThan(1970);
    expect(Number(axis.shownFrom)).toBeGreaterThanOrEqual(2005);
    await page
      .locator('[data-testid="releases-chart"]')
      .screenshot({ path: path.join(screenshots, 'explorer-sources-5-releases-by-country.png') });

    await page.getByTestId('view-orgs').click();
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.orgs.chart.getOption().series?.[0]?.data?.length ?? 0), POLL)
      .toBeGreaterThan(10);
    const texts = await page.evaluate(() => {
      const chart = window.__explorer.research.orgs.chart;
      const names = new Set(chart.getOption().series[0].data.map((d: Any) => d.name));
      const out: Array<{ text: string; kind: string; x: number; y: number; w: number; h: number }> = [];
      for (const element of chart.getZr().storage.getDisplayList()) {
        const text = element.style?.text;
        if (typeof text !== 'string' || text === '') continue;
        const rect = element.getBoundingRect().clone();
        const transform = element.getComputedTransform();
        if (transform) rect.applyTransform(transform);
        const kind = names.has(text) || text.endsWith('...') ? 'node' : 'other';
        out.push({ text, kind, x: rect.x, y: rect.y, w: rect.width, h: rect.height });
      }
      return { out, width: chart.getWidth(), height: chart.getHeight() };
    });
    const nodes = texts.out.filter((t) => t.kind === 'node');
    const others = texts.out.filter((t) => t.kind === 'other');
    expect(nodes.length).toBeGreaterThan(10);
    expect(others.map((t) => t.text)).toEqual(expect.arrayContaining(['Which organizations build on which']));
    const meet = (a: Any, b: Any) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const node of nodes) {
      for (const other of others) expect(meet(node, other), `${node.text} over ${other.text}`).toBe(false);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y + node.h).toBeLessThanOrEqual(texts.height);
    }
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-6-organizations.png') });
  });
});
