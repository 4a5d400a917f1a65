/**
 * The explorer's research views (issue 16) in a real headless Chromium against the full API, the
 * seeded Neo4j and the service's own background measures: the time slider, colour by community,
 * size by influence, the adoption and releases charts, the organization network and every export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/graphql/execution/trusted-documents.js';
import { hasChromium, launchChromium, prepareExplorer, screenshotsDir as screenshots } from '../helpers/browser.js';
import { startTestService } from '../helpers/service.js';

const POLL = { timeout: 20_000, interval: 100 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Functions passed to page.evaluate run in the page; the root tsconfig has no DOM lib.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
declare const window: Any;
declare const document: Any;

describe.skipIf(!hasChromium)('explorer research views (browser)', { timeout: 90_000 }, () => {
  let service: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    prepareExplorer();
    // Only trusted documents, as deployed; the service measures the seeded graph in the background.
    service = await startTestService({ TRUSTED_DOCUMENTS: 'only', MEASURES_ENABLED: 'true', MEASURES_QUIET_MS: '200' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(problems, 'page errors, console errors and the error banner').toEqual([]);
  });

  async function open(viewport = { width: 1400, height: 900 }): Promise<Page> {
    problems = [];
    context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await page.goto(service.url);
    await page.waitForFunction(() => Boolean(window.__explorer?.research));
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
  }

  async function idle(page: Page): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.busy === '0');
    const banner = page.getByTestId('error-banner');
    if (await banner.isVisible()) problems.push(`error banner: ${await banner.textContent()}`);
  }

  /** Clicks an export button and returns the downloaded file's name and bytes. */
  async function exported(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  const visibleNodes = (page: Page) => page.evaluate(() => window.__explorer.cy.nodes(':visible').length as number);

  /** The OpenAI start chip: its models and products (dated) and partners (undated). */
  async function openAiNeighbourhood(page: Page): Promise<void> {
    await page.locator('[data-start="openai"]').click();
    await page.waitForFunction(() => window.__explorer.cy.$id('openai').nonempty());
    await idle(page);
    await expect.poll(() => page.getByTestId('time-slider-label').textContent(), POLL).toMatch(/latest/);
  }

  /** Non-blank pixels of the chart's canvas: a drawn chart has thousands. */
  const inkedPixels = (page: Page, testid: string) =>
    page.evaluate((id) => {
      const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
      return inked as number;
    }, testid);

  /** What the API says existed as of a month (the slider's question), asked here directly. */
  async function existingAsOf(ids: string[], month: string): Promise<Set<string>> {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The explorer's own trusted document, by id (this service runs nothing else).
      body: JSON.stringify({
        variables: { ids, asOf: month },
        extensions: { persistedQuery: { version: 1, sha256Hash: loadManifest().operations.find((op) => op.name === 'AsOf')!.id } },
      }),
    });
    const body = (await response.json()) as { data: { neighborhood: { nodes: Array<{ id: string }> } } };
    return new Set(body.data.neighborhood.nodes.map((n) => n.id));
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** "Jun 2018" → "2018-06". */
  const isoMonth = (label: string) => `${label.slice(-4)}-${String(MONTHS.indexOf(label.slice(0, 3)) + 1).padStart(2, '0')}`;
  const visibleIds = (page: Page) =>
    page.evaluate(
      () =>
        window.__explorer.cy
          .nodes(':visible')
          .map((n: Any) => n.id())
          .sort() as string[],
    );

  it('shows the graph as of a date: the API says what existed then, the checkbox hides the undated', async () => {
    const page = await open();
    const asked: string[] = [];
    page.on('request', (r) => {
      const body = JSON.parse(r.postData() ?? '{}');
      if (r.url().endsWith('/graphql') && body.operationName === 'AsOf') asked.push(body.variables.asOf);
    });
    await openAiNeighbourhood(page);
    const ids = await page.evaluate(() => window.__explorer.cy.nodes().map((n: Any) => n.id()) as string[]);
    const all = ids.length;
    expect(await visibleNodes(page)).toBe(all);
    expect(await page.getByTestId('time-shown-count').textContent()).toBe(`${all} of ${all} nodes`);
    const range = await page.evaluate(() => window.__explorer.research.tools.timeRange);
    expect(range.from).not.toBe(range.to);
    // Dates came with the graph: nothing was asked for them.
    expect(asked).toEqual([]);

    // Home: the earliest month; the page shows exactly what the API says existed then.
    await page.getByTestId('time-slider').press('Home');
    await expect.poll(() => page.getByTestId('time-slider-label').textContent(), POLL).toBe(range.from);
    const earliest = await existingAsOf(ids, isoMonth(range.from));
    expect(earliest.size).toBeLessThan(all);
    await expect.poll(() => visibleIds(page), POLL).toEqual([...earliest].sort());
    expect(asked).toContain(isoMonth(range.from));
    expect(earliest.has('openai')).toBe(true); // an organization has no date: it exists at every date
    await shot(page, 'research-01-slider-earliest');

    const undatedLabel = await page.getByTestId('toggle-undated').locator('..').textContent();
    const undated = Number(/\((\d+)\)/.exec(undatedLabel ?? '')?.[1]);
    expect(undated).toBeGreaterThan(0);
    await page.getByTestId('toggle-undated').uncheck();
    await expect.poll(() => page.evaluate(() => window.__explorer.cy.$id('openai').visible() as boolean), POLL).toBe(false);

    // Stepping forward asks again and only ever adds nodes; End shows every dated one without asking.
    await page.getByTestId('time-slider').press('ArrowRight');
    await expect.poll(() => asked.length, POLL).toBeGreaterThan(1);
    await page.getByTestId('time-slider').press('End');
    await expect.poll(() => visibleNodes(page), POLL).toBe(all - undated);
    await page.getByTestId('toggle-undated').check();
    await expect.poll(() => visibleNodes(page), POLL).toBe(all);
  });

  it('colours by community with a legend, sizes by PageRank, and exports the view', async () => {
    const page = await open();
    await openAiNeighbourhood(page);
    await page.getByTestId('colour-by').selectOption('community');
    // The service measures the graph in the background after start: poll until it has.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.__explorer.research.tools.refresh());
        return page.getByTestId('community-legend-item').count();
      }, POLL)
      .toBeGreaterThan(0);
    const legend = await page.getByTestId('community-legend').textContent();
    expect(legend).toContain('Communities');
    // Cytoscape restyles after the handler that set the classes returns: poll the drawn colours.
    await expect
      .poll(
        () =>
          page.evaluate(
            () => new Set(window.__explorer.cy.nodes('[communityId]').map((n: Any) => n.style('background-color'))).size as number,
          ),
        POLL,
      )
      .toBeGreaterThanOrEqual(2);
    // Colour by community replaces colour by kind: OpenAI and its models share a community colour or not, but not the kind colours.
    const kindColour = await page.evaluate(() => window.__explorer.cy.$id('openai').hasClass('by-community') as boolean);
    expect(kindColour).toBe(true);

    await page.getByTestId('toggle-influence-size').check();
    await expect
      .poll(() => page.evaluate(() => new Set(window.__explorer.cy.nodes('.by-influence').map((n: Any) => n.width())).size as number), POLL)
      .toBeGreaterThan(2);
    // The organization ranks above a leaf product in PageRank, so it is drawn larger.
    const sizes = await page.evaluate(() => {
      const cy = window.__explorer.cy;
      const ranked = cy.nodes('[pageRank]').sort((a: Any, b: Any) => b.data('pageRank') - a.data('pageRank'));
      return { top: ranked[0].width() as number, bottom: ranked[ranked.length - 1].width() as number };
    });
    expect(sizes.top).toBeGreaterThan(sizes.bottom);
    await page.evaluate(() => window.__explorer.graph.fit());
    await shot(page, 'research-02-community-influence');

    // Exports of what is shown: hide the undated nodes first, so the files must follow the view.
    const all = await page.evaluate(() => window.__explorer.cy.nodes().length as number);
    const undatedLabel = await page.getByTestId('toggle-undated').locator('..').textContent();
    const shown = all - Number(/\((\d+)\)/.exec(undatedLabel ?? '')?.[1]);
    expect(shown).toBeLessThan(all);
    await page.getByTestId('toggle-undated').uncheck();
    await expect.poll(() => page.getByTestId('time-shown-count').textContent(), POLL).toBe(`${shown} of ${all} nodes`);
    // The drawing follows the classes a moment later; the exports must already match the count.
    await expect.poll(() => visibleNodes(page), POLL).toBe(shown);
    const shownEdges = await page.evaluate(() => window.__explorer.cy.edges(':visible').length as number);

    const png = await exported(page, 'graph-export-png');
    expect(png.name).toBe('llm-graph.png');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(5_000);

    const svg = await exported(page, 'graph-export-svg');
    const svgText = svg.bytes.toString('utf8');
    expect(XMLValidator.validate(svgText)).toBe(true);
    expect(svgText).toMatch(/<svg[\s>]/);

    const csv = (await exported(page, 'graph-export-csv')).bytes.toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('id,name,type,date,pagerank,community,community_label');
    expect(csv.length - 1).toBe(shown);
    expect(csv.some((line) => line.startsWith('gpt-4,'))).toBe(true);

    const graphml = (await exported(page, 'graph-export-graphml')).bytes.toString('utf8');
    expect(XMLValidator.validate(graphml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name) }).parse(
      graphml,
    );
    expect(parsed.graphml.graph.node.length).toBe(shown);
    expect(parsed.graphml.graph.edge?.length ?? 0).toBe(shownEdges);
    expect(parsed.graphml.graph['@_edgedefault']).toBe('directed');
    expect(parsed.graphml.key.map((k: Any) => k['@_attr.name'])).toContain('pagerank');
  });

  it('draws the adoption and releases charts with titles and labelled axes, and exports them', async () => {
    const page = await open();
    await page.getByTestId('view-charts').click();
    await idle(page);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.adoptionChart.getOption().series.length as number), POLL)
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.releasesChart.getOption().series.length as number), POLL)
      .toBeGreaterThan(0);
    const options = await page.evaluate(() => {
      const { adoptionChart, releasesChart } = window.__explorer.research.charts;
      const summary = (chart: Any) => {
        const o = chart.getOption();
        return {
          title: o.title[0].text as string,
          x: o.xAxis[0].name as string,
          y: o.yAxis[0].name as string,
          periods: o.xAxis[0].data.length as number,
          total: o.series.reduce((sum: number, s: Any) => sum + s.data.reduce((a: number, b: number) => a + b, 0), 0) as number,
        };
      };
      return { adoption: summary(adoptionChart), releases: summary(releasesChart) };
    });
    expect(options.adoption).toMatchObject({
      title: 'Models using each technique, cumulative',
      x: 'Release year',
      y: 'Models (cumulative)',
    });
    expect(options.releases).toMatchObject({ title: 'Model releases per year, by organization', x: 'Release year', y: 'Models released' });
    expect(options.adoption.periods).toBeGreaterThan(1);
    expect(options.adoption.total).toBeGreaterThan(0);
    expect(options.releases.total).toBeGreaterThan(0);
    expect(await inkedPixels(page, 'adoption-chart')).toBeGreaterThan(2_000);
    expect(await inkedPixels(page, 'releases-chart')).toBeGreaterThan(2_000);
    await shot(page, 'research-03-charts');

    // Per quarter, not cumulative; releases by country.
    await page.getByTestId('adoption-bucket').selectOption('QUARTER');
    await page.getByTestId('adoption-cumulative').uncheck();
    await page.getByTestId('releases-by').selectOption('COUNTRY');
    await idle(page);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.adoptionChart.getOption().xAxis[0].data[0] as string), POLL)
      .toMatch(/^\d{4}-Q[1-4]$/);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.releasesChart.getOption().title[0].text as string), POLL)
      .toBe('Model releases per year, by country');
    expect(await page.evaluate(() => window.__explorer.research.charts.adoptionChart.getOption().yAxis[0].name)).toBe('Models released');
    await page.getByTestId('charts-view').evaluate((el: Any) => el.scrollTo(0, el.scrollHeight));
    await shot(page, 'research-04-charts-quarter-country');

    // docs/research.md, question 3: the Transformer and RLHF, per year, cumulative.
    await page.getByTestId('adoption-techniques').selectOption(['transformer', 'rlhf']);
    await page.getByTestId('adoption-bucket').selectOption('YEAR');
    await page.getByTestId('adoption-cumulative').check();
    await idle(page);
    await expect
      .poll(
        () => page.evaluate(() => window.__explorer.research.charts.adoptionChart.getOption().series.map((s: Any) => s.name) as string[]),
        POLL,
      )
      .toEqual(['Transformer', 'Reinforcement Learning from Human Feedback']);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.charts.adoptionChart.getOption().xAxis[0].data[0] as string), POLL)
      .toMatch(/^\d{4}$/);
    const png = await exported(page, 'adoption-export-png');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    writeFileSync(path.join(screenshots, 'research-export-adoption.png'), png.bytes);
    const svg = (await exported(page, 'releases-export-svg')).bytes.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Models released');
    expect(svg).toContain('Model releases per year, by country');
    const csv = (await exported(page, 'adoption-export-csv')).bytes.toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('technique_id,technique,period,count,cumulative');
    expect(csv.length).toBeGreaterThan(1);
    expect(csv[1]).toMatch(/^transformer,Transformer,\d{4},\d+,\d+$/);
    expect(csv.some((line) => line.startsWith('rlhf,'))).toBe(true);
  });

  it('draws the organization network with countries and exports it', async () => {
    const page = await open();
    await page.getByTestId('view-orgs').click();
    await idle(page);
    await expect
      .poll(() => page.evaluate(() => window.__explorer.research.orgs.chart.getOption().series?.[0]?.links?.length ?? 0), POLL)
      .toBeGreaterThan(0);
    const drawn = await page.evaluate(() => {
      const series = window.__explorer.research.orgs.chart.getOption().series[0];
      return { nodes: series.data.length as number, links: series.links.length as number, categories: series.categories.length as number };
    });
    expect(drawn.nodes).toBeGreaterThan(1);
    expect(drawn.categories).toBeGreaterThan(0);
    expect(await inkedPixels(page, 'org-network-chart')).toBeGreaterThan(2_000);
    expect(await page.getByTestId('country-flows').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'research-05-organization-network');

    const png = await exported(page, 'orgs-export-png');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    writeFileSync(path.join(screenshots, 'research-export-organizations.png'), png.bytes);
    const svg = (await exported(page, 'orgs-export-svg')).bytes.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Which organizations build on which');
    const csv = (await exported(page, 'orgs-export-csv')).bytes.toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('from_id,from_name,from_country,to_id,to_name,to_country,models');
    expect(csv.length - 1).toBe(drawn.links);
    const graphml = (await exported(page, 'orgs-export-graphml')).bytes.toString('utf8');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge'].includes(name) }).parse(graphml);
    expect(parsed.graphml.graph.node.length).toBe(drawn.nodes);
    expect(parsed.graphml.graph.edge.length).toBe(drawn.links);
  });
});
