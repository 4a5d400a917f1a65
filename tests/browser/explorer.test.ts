/**
 * The web explorer (web/) in a real headless Chromium against the full API and the seeded Neo4j.
 * Needs a Chromium executable: Debian's `chromium` package, or CHROME_PATH.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, prepareExplorer, screenshotsDir as screenshots } from '../helpers/browser.js';
import { startTestService } from '../helpers/service.js';

/** API round trips against the real database can take a few seconds on a busy CI machine. */
const POLL = { timeout: 10_000, interval: 50 };

// Functions passed to page.evaluate run in the page; the root tsconfig has no DOM lib, so its globals are declared loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
declare const window: Any;
declare const document: Any;

describe.skipIf(!hasChromium)('graph explorer (browser)', { timeout: 60_000 }, () => {
  let service: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext | undefined;
  let requests: string[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    prepareExplorer();
    // The explorer must work on a deployment that runs only its trusted documents.
    service = await startTestService({ TRUSTED_DOCUMENTS: 'only' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    // Everything the page loaded came from the service itself: no CDN, font or image from elsewhere.
    const foreign = requests.filter(
      (u) => !u.startsWith(`${service.url}/`) && u !== service.url && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign, 'requests that left the service').toEqual([]);
    expect(problems, 'page errors and console errors').toEqual([]);
  });

  async function open(viewport = { width: 1280, height: 800 }): Promise<Page> {
    requests = [];
    problems = [];
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await page.goto(service.url);
    await page.waitForFunction(() => Boolean(window.__explorer?.cy));
    return page;
  }

  async function shot(page: Page, name: string, fullPage = false): Promise<void> {
    await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
  }

  /** Types into the search box and chooses the suggestion for entity `id`. */
  async function searchAndChoose(page: Page, query: string, id: string): Promise<void> {
    const input = page.getByTestId('search-input');
    await input.fill(query);
    const suggestion = page.locator(`[data-testid="search-suggestion"][data-id="${id}"]`);
    await suggestion.waitFor({ state: 'visible' });
    await suggestion.click();
  }

  async function waitIdle(page: Page): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.busy === '0');
  }

  /** Searches for an entity, draws its neighbourhood and waits for its details in the panel. */
  async function showEntity(page: Page, query: string, id: string): Promise<void> {
    await searchAndChoose(page, query, id);
    await page.waitForFunction((nodeId) => window.__explorer.cy.$id(nodeId).nonempty(), id);
    await page.getByTestId('panel-sources').waitFor();
    await waitIdle(page);
  }

  /** A click on a graph node, as Cytoscape reports it (returns nothing: a collection would be serialized). */
  async function tap(page: Page, id: string): Promise<void> {
    await page.evaluate((nodeId) => {
      window.__explorer.cy.$id(nodeId).emit('tap');
    }, id);
  }

  /** The graph's title, or the error banner's text when the API failed (so a failure says why). */
  async function graphTitle(page: Page): Promise<string | null> {
    const banner = page.getByTestId('error-banner');
    if (await banner.isVisible()) return `error banner: ${await banner.textContent()}`;
    return page.getByTestId('graph-title').textContent();
  }

  const cyIds = (page: Page, selector: string) =>
    page.evaluate((sel) => window.__explorer.cy.$(sel).map((e: Any) => e.id()) as string[], selector);

  it('starts empty, suggests as you type, and draws the chosen entity’s neighbourhood', async () => {
    const page = await open();
    await expect
      .poll(() => page.getByTestId('empty-state').textContent(), POLL)
      .toContain('Search for a model, organization, technique or limitation to start');
    await shot(page, 'explorer-01-start');

    await page.getByTestId('search-input').fill('GPT-4');
    const suggestion = page.locator('[data-testid="search-suggestion"][data-id="gpt-4"]');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('GPT-4');
    await shot(page, 'explorer-02-suggestions');
    await suggestion.click();

    await page.waitForFunction(() => window.__explorer.cy.$id('gpt-4').nonempty());
    const neighbours = await page.evaluate(() => window.__explorer.cy.$id('gpt-4').neighborhood('node').length as number);
    expect(neighbours).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('empty-state').isHidden(), POLL).toBe(true);
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toBe('GPT-4');
    // Nodes carry their type, which drives colour and shape; edges are labelled by relationship.
    const types = await page.evaluate(() => [...new Set(window.__explorer.cy.nodes().map((n: Any) => n.data('type')))] as string[]);
    expect(types).toContain('MODEL');
    expect(types.length).toBeGreaterThanOrEqual(2);
    const shapes = await page.evaluate(() => [...new Set(window.__explorer.cy.nodes().map((n: Any) => n.style('shape')))] as string[]);
    expect(shapes.length).toBe(types.length);
    const edgeLabel = await page.evaluate(() => window.__explorer.cy.edges()[0].style('label') as string);
    expect(edgeLabel).toMatch(/^[a-z ]+/);
    await expect.poll(() => page.getByTestId('legend').textContent(), POLL).toContain('Limitation');
    await waitIdle(page);
    await shot(page, 'explorer-03-neighbourhood');
  });

  it('finds an entity by its Chinese alias', async () => {
    const page = await open();
    await page.getByTestId('search-input').fill('幻觉');
    const suggestion = page.locator('[data-testid="search-suggestion"][data-id="hallucination"]');
    await suggestion.waitFor();
    await suggestion.click();
    await page.waitForFunction(() => window.__explorer.cy.$id('hallucination').nonempty());
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toMatch(/hallucination/i);
    await waitIdle(page);
    await shot(page, 'explorer-04-chinese-search');
  });

  it('says so when nothing matches', async () => {
    const page = await open();
    await page.getByTestId('search-input').fill('zzqxv-no-such-thing');
    await expect.poll(() => page.getByTestId('search-empty').textContent(), POLL).toBe('No results for “zzqxv-no-such-thing”');
  });

  it('opens the panel with attributes and cited sources when a node is clicked', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    const other = await page.evaluate(() => {
      const n = window.__explorer.cy.$id('gpt-4').neighborhood('node[type = "ORGANIZATION"], node[type = "MODEL"]')[0];
      return { id: n.id() as string, label: n.data('label') as string };
    });
    await tap(page, other.id);
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toBe(other.label);
    await page.getByTestId('source-quote').first().waitFor();
    expect((await page.getByTestId('source-quote').first().textContent())?.length).toBeGreaterThan(3);

    // Back to GPT-4: a model shows its attributes, parameters in the short form.
    await tap(page, 'gpt-4');
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toBe('GPT-4');
    await page.getByTestId('panel-attributes').waitFor();
    const attributes = await page.getByTestId('panel-attributes').textContent();
    expect(attributes).toContain('Released');
    // GPT-4's one parameter count is a rumour the document reports as such.
    expect(attributes).toContain('Parameters≈1.8T (rumoured)');
    expect(await page.getByTestId('source-quote').count()).toBeGreaterThan(0);
    await shot(page, 'explorer-05-panel');
  });

  it('expands a node without moving the nodes already drawn', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    const before = await page.evaluate(
      () =>
        Object.fromEntries(window.__explorer.cy.nodes().map((n: Any) => [n.id(), { ...n.position() }])) as Record<
          string,
          { x: number; y: number }
        >,
    );
    await tap(page, 'openai');
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toBe('OpenAI');
    await page.getByTestId('btn-expand').click();
    await page.waitForFunction((n) => window.__explorer.cy.nodes().length > n, Object.keys(before).length);
    const after = await page.evaluate(
      () =>
        Object.fromEntries(window.__explorer.cy.nodes().map((n: Any) => [n.id(), { ...n.position() }])) as Record<
          string,
          { x: number; y: number }
        >,
    );
    for (const [id, p] of Object.entries(before)) {
      expect(after[id]?.x, id).toBeCloseTo(p.x, 3);
      expect(after[id]?.y, id).toBeCloseTo(p.y, 3);
    }
    await waitIdle(page);
    await shot(page, 'explorer-06-expanded');
  });

  it('draws a model’s lineage in layers, ancestors above', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    await page.getByTestId('btn-lineage').click();
    await expect.poll(() => graphTitle(page), POLL).toMatch(/^Lineage of GPT-4/);
    // GPT-4's stated ancestor is GPT-3.5 (seed/review/url-only.md: GPT-3.5 -> GPT-3 has no source).
    await page.waitForFunction(() => window.__explorer.cy.$id('gpt-3-5').nonempty());
    const y = await page.evaluate(() => ({
      gpt35: window.__explorer.cy.$id('gpt-3-5').position('y') as number,
      gpt4: window.__explorer.cy.$id('gpt-4').position('y') as number,
    }));
    expect(y.gpt35).toBeLessThan(y.gpt4);
    await waitIdle(page);
    await shot(page, 'explorer-07-lineage');

    await page.getByTestId('btn-back').click();
    await expect.poll(() => graphTitle(page), POLL).toMatch(/^Neighbourhood of GPT-4/);
  });

  it('isolates what is downstream of an entity', async () => {
    const page = await open();
    await showEntity(page, 'GPT-3', 'gpt-3');
    await page.getByTestId('btn-downstream').click();
    await expect.poll(() => graphTitle(page), POLL).toMatch(/^Downstream of GPT-3/);
    expect(await cyIds(page, 'node')).toContain('gpt-3');
    await waitIdle(page);
    await shot(page, 'explorer-08-downstream');
  });

  it('draws and highlights a path from a model to a technique', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    await page.getByTestId('btn-path-from').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), POLL).toContain('Path from GPT-4');
    // The other end is chosen through the search box (a tap on a drawn node works the same way).
    await searchAndChoose(page, 'Transformer', 'transformer');
    await page.getByTestId('path-steps').waitFor();
    const highlighted = await cyIds(page, 'node.hl-path');
    expect(highlighted).toContain('gpt-4');
    expect(highlighted).toContain('transformer');
    expect(await page.getByTestId('path-steps').locator('li').count()).toBe(highlighted.length);
    expect((await cyIds(page, 'edge.hl-path')).length).toBe(highlighted.length - 1);
    expect((await cyIds(page, '.faded')).length).toBeGreaterThan(0);
    // The title says what the graph shows now, and the path's notice stays with the graph view.
    expect(await graphTitle(page)).toBe('Path from GPT-4 to Transformer');
    await waitIdle(page);
    await shot(page, 'explorer-09-path');
    for (const view of ['timeline', 'charts', 'orgs']) {
      await page.getByTestId(`view-${view}`).click();
      await expect.poll(() => page.getByTestId('notice').isVisible(), POLL).toBe(false);
      await waitIdle(page);
    }
    await shot(page, 'explorer-09b-path-notice-left-behind');
    await page.getByTestId('view-graph').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), POLL).toContain('Path from GPT-4 to Transformer');
    expect(await page.getByTestId('notice').isVisible()).toBe(true);

    // A path to an organization, picked by clicking a node in the graph; clearing the highlight gives the graph its title back.
    await page.getByTestId('btn-clear-highlight').click();
    expect(await graphTitle(page)).toBe('Neighbourhood of GPT-4');
    await tap(page, 'gpt-4');
    await page.getByTestId('btn-path-to').waitFor();
    await page.getByTestId('btn-path-from').click();
    await tap(page, 'openai');
    await expect.poll(() => cyIds(page, 'node.hl-path'), POLL).toEqual(expect.arrayContaining(['gpt-4', 'openai']));
    expect(await graphTitle(page)).toBe('Path from GPT-4 to OpenAI');
  });

  it('compares two models: shared techniques and similarity', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    await page.getByTestId('btn-compare').click();
    await searchAndChoose(page, 'GPT-3', 'gpt-3');
    await page.getByTestId('compare-score').waitFor();
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toMatch(/GPT-4 vs GPT-3/);
    expect(await graphTitle(page)).toBe('Comparing GPT-4 and GPT-3');
    const compared = await cyIds(page, 'node.hl-compare');
    expect(compared).toEqual(expect.arrayContaining(['gpt-4', 'gpt-3']));
    const sharedCount = await page.getByTestId('compare-shared').locator('li').count();
    expect(compared.length).toBe(2 + sharedCount);
    await waitIdle(page);
    await shot(page, 'explorer-10-compare');
  });

  it('filters by entity type and relationship, and sizes nodes by degree', async () => {
    const page = await open();
    await showEntity(page, 'GPT-4', 'gpt-4');
    await page.getByTestId('filter-type-MODEL').uncheck();
    await expect.poll(() => page.evaluate(() => window.__explorer.cy.nodes('[type = "MODEL"]').filter(':visible').length), POLL).toBe(0);
    await page.getByTestId('filter-type-MODEL').check();
    await expect.poll(() => page.evaluate(() => window.__explorer.cy.$id('gpt-4').visible()), POLL).toBe(true);

    await page.getByTestId('filter-rel-DEVELOPED_BY').uncheck();
    await expect
      .poll(() => page.evaluate(() => window.__explorer.cy.edges('[type = "DEVELOPED_BY"]').filter(':visible').length), POLL)
      .toBe(0);
    await page.getByTestId('filter-rel-DEVELOPED_BY').check();

    await page.getByTestId('toggle-degree-size').check();
    const sizes = await page.evaluate(() => ({
      hub: window.__explorer.cy.$id('gpt-4').width() as number,
      min: Math.min(...window.__explorer.cy.nodes().map((n: Any) => n.width())),
    }));
    expect(sizes.hub).toBeGreaterThan(sizes.min);
    await shot(page, 'explorer-11-filters');
  });

  it('shows models along a release-date timeline', async () => {
    const page = await open();
    await page.getByTestId('view-timeline').click();
    const gpt4 = page.locator('[data-testid="timeline-model"][data-id="gpt-4"]');
    await gpt4.waitFor();
    expect(await page.getByTestId('timeline-model').count()).toBeGreaterThanOrEqual(5);
    // Ordered by date along x: GPT-3 (2020) is left of GPT-4 (2023); bigger is higher: GPT-3 (175B) above BERT (340M).
    const at = await page.evaluate(() => {
      const box = (id: string) => document.querySelector(`[data-testid="timeline-model"][data-id="${id}"] circle`).getBoundingClientRect();
      return { gpt3: box('gpt-3'), gpt4: box('gpt-4'), bert: box('bert') };
    });
    expect(at.gpt3.x).toBeLessThan(at.gpt4.x);
    expect(at.gpt3.y).toBeLessThan(at.bert.y);
    await gpt4.locator('circle').click();
    await expect.poll(() => page.getByTestId('panel-title').textContent(), POLL).toBe('GPT-4');
    // The selected model is named on the chart.
    await expect.poll(() => page.locator('text.tl-label.selected').textContent(), POLL).toBe('GPT-4');
    await waitIdle(page);
    await shot(page, 'explorer-12-timeline');
  });

  it('fetches nothing on load but the data version it names, and reads a relationship pointing at the entity from its side', async () => {
    const page = await open();
    const operations: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) operations.push(JSON.parse(r.postData() ?? '{}').operationName ?? '?');
    });
    await page.reload();
    await page.waitForFunction(() => Boolean(window.__explorer?.cy));
    await expect.poll(() => page.getByTestId('data-version').textContent(), POLL).toMatch(/^Data: documents · version \d+$/);
    expect(operations).toEqual(['DataVersion']);

    await showEntity(page, 'GPT-4', 'gpt-4');
    const lines = await page.getByTestId('relationship-source').allTextContents();
    // GPT-4 Turbo derives from GPT-4: on GPT-4's panel it reads from GPT-4 Turbo's side, not as GPT-4 deriving from it.
    expect(lines.some((line) => /^GPT-4 Turbo derived from this/.test(line))).toBe(true);
    expect(lines.some((line) => /^derived from GPT-3\.5/.test(line))).toBe(true);
    expect(lines.filter((line) => line.startsWith('←'))).toEqual([]);
    expect(operations.filter((op) => op === 'Models' || op === 'Timeline')).toEqual([]);
  });

  it('shows the API’s error message in an alert banner', async () => {
    const page = await open();
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'boom' }], data: null }) }),
    );
    await page.getByTestId('search-input').fill('GPT-4');
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.getAttribute('data-testid')).toBe('error-banner');
    expect(await banner.textContent()).toContain('boom');
    await shot(page, 'explorer-13-error');

    await page.unroute('**/graphql');
    await page.locator('[data-start="gpt-4"]').click();
    await page.waitForFunction(() => window.__explorer.cy.$id('gpt-4').nonempty());
    await expect.poll(() => banner.isHidden(), POLL).toBe(true);
  });

  it('works in a narrow window, with the panel under the graph', async () => {
    const page = await open({ width: 400, height: 800 });
    await showEntity(page, 'GPT-4', 'gpt-4');
    const graph = await page.getByTestId('graph').boundingBox();
    const panel = await page.getByTestId('panel').boundingBox();
    expect(graph && panel).toBeTruthy();
    expect(panel!.y).toBeGreaterThanOrEqual(graph!.y + graph!.height);
    expect(graph!.width).toBeGreaterThan(300);
    expect(panel!.width).toBeGreaterThan(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth as number);
    expect(overflow).toBeLessThanOrEqual(400);
    await shot(page, 'explorer-14-narrow', true);
  });
});
