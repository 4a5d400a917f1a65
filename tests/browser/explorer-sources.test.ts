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

  it('draws every dated model on the timeline, in a bounded number of lanes', async () => {
    expect(datedModels).toBeGreaterThanOrEqual(1_000);
    const page = await open();
    await page.getByTestId('view-timeline').click();
    await page.locator('[data-testid="timeline-model"][data-id="gpt-4"]').waitFor();
    expect(await page.getByTestId('timeline-model').count()).toBe(datedModels);
    expect(await page.locator('.timeline-caption').textContent()).toContain(`${datedModels} models by release date`);
    // Busy years are widened rather than stacked: at most about 60 lanes of 24 px (a few hundred without the widening).
    const height = await page.evaluate(() => Number(document.querySelector('svg.timeline-svg').getAttribute('height')));
    expect(height).toBeLessThan(60 * 24 + 84);
    await page.screenshot({ path: path.join(screenshots, 'explorer-sources-4-timeline.png') });
  });
});
