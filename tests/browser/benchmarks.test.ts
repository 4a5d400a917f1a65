/**
 * The explorer's benchmark view in a real headless Chromium against the full API, over the documents'
 * graph with LLM Stats and Epoch's Benchmarking Hub loaded as the default graph loads them: the
 * leaderboard table, the frontier chart, the filters, and a model's results in its panel.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDefaultCatalogue } from '../../src/import/default-catalogues.js';
import { hasChromium, launchChromium, prepareExplorer, screenshotsDir as screenshots } from '../helpers/browser.js';
import { restoreSeedGraph } from '../helpers/import-service.js';
import { startTestService } from '../helpers/service.js';

// Functions passed to page.evaluate run in the page; the root tsconfig has no DOM lib.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
declare const window: Any;
declare const document: Any;

describe.skipIf(!hasChromium)('explorer benchmark view (browser)', { timeout: 120_000 }, () => {
  let service: { url: string; database: Database; stop(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    prepareExplorer();
    // Only trusted documents, as deployed: the view's operations must be in the manifest.
    service = await startTestService({ TRUSTED_DOCUMENTS: 'only', REQUEST_TIMEOUT_MS: '60000' });
    await loadDefaultCatalogue(service.database, 'llm-stats');
    await loadDefaultCatalogue(service.database, 'epoch-benchmarks');
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (service) await restoreSeedGraph(service.database);
    await service?.stop();
  }, 300_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(problems, 'page errors, console errors and the error banner').toEqual([]);
  });

  async function open(): Promise<Page> {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await page.goto(service.url);
    await page.waitForFunction(() => Boolean(window.__explorer?.benchmarks));
    return page;
  }

  async function idle(page: Page): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.busy === '0');
    const banner = page.getByTestId('error-banner');
    if (await banner.isVisible()) problems.push(`error banner: ${await banner.textContent()}`);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

  /** The table's rows as the page shows them. */
  const rows = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=leaderboard-row]')].map((row: Any) => ({
        position: Number(row.children[0].textContent),
        model: row.dataset.model as string,
        score: Number.parseFloat(row.children[4].textContent),
        selfReported: row.querySelector('[data-testid=self-reported-mark]') !== null,
        badges: [...row.querySelectorAll('[data-testid=source-badge]')].map((b: Any) => b.textContent as string),
      })),
    );

  /** The chart's series as ECharts holds them: name and number of points. */
  const series = (page: Page) =>
    page.evaluate(() =>
      (window.__explorer.benchmarks.chart.getOption().series as Any[]).map((s) => ({
        name: s.name as string,
        points: s.data.length as number,
      })),
    );

  it('shows MMLU’s leaderboard as a table, best first, with who measured each result and its source', async () => {
    const page = await open();
    await page.getByTestId('view-benchmarks').click();
    await page.getByTestId('leaderboard-row').first().waitFor();
    await idle(page);
    expect(await page.getByTestId('benchmark-select').inputValue()).toBe('mmlu');
    await expect(page.getByTestId('bench-about').textContent()).resolves.toContain('higher is better');
    const shown = await rows(page);
    expect(shown).toHaveLength(25);
    expect(shown.map((r) => r.position)).toEqual(shown.map((_, i) => i + 1));
    expect(shown.map((r) => r.score)).toEqual([...shown.map((r) => r.score)].sort((a, b) => b - a));
    expect(shown.some((r) => r.selfReported)).toBe(true);
    expect(new Set(shown.flatMap((r) => r.badges))).toEqual(new Set(['LLM Stats', 'Epoch Benchmarking Hub']));
    await page.getByTestId('leaderboard-more').click();
    expect(await rows(page)).toHaveLength(50);
    await shot(page, 'benchmarks-mmlu');
  });

  it('draws the frontier over time: each model’s score by release date and the best released by then', async () => {
    const page = await open();
    await page.getByTestId('view-benchmarks').click();
    await page.getByTestId('leaderboard-row').first().waitFor();
    await idle(page);
    const drawn = await series(page);
    expect(drawn.map((s) => s.name)).toEqual(['independently measured', 'self-reported', 'frontier']);
    expect(drawn[0]!.points + drawn[1]!.points).toBeGreaterThan(50);
    expect(drawn[2]!.points).toBeGreaterThan(3);
    // The frontier only rises with time.
    const frontier = await page.evaluate(() =>
      (window.__explorer.benchmarks.chart.getOption().series[2].data as Any[]).map((p) => p.value as [number, number]),
    );
    for (let i = 1; i < frontier.length; i++) expect(frontier[i]![1]).toBeGreaterThan(frontier[i - 1]![1]);
  });

  it('filters to independently measured results, and switches benchmark', async () => {
    const page = await open();
    await page.getByTestId('view-benchmarks').click();
    await page.getByTestId('leaderboard-row').first().waitFor();
    await idle(page);
    const before = await page.getByTestId('leaderboard-count').textContent();
    await page.getByTestId('bench-self-reported').selectOption('false');
    await idle(page);
    await page.waitForFunction(
      (text: string) => document.querySelector('[data-testid=leaderboard-count]').textContent !== text,
      before ?? '',
    );
    expect((await rows(page)).every((r) => !r.selfReported)).toBe(true);
    expect((await series(page))[1]!.points).toBe(0);
    await page.getByTestId('benchmark-select').selectOption('gpqa-diamond');
    await idle(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=bench-about]').textContent.includes('GPQA Diamond'));
    expect((await rows(page)).length).toBeGreaterThan(10);
    await shot(page, 'benchmarks-gpqa-diamond-independent');
  });

  it('opens a model from the table with its results in the panel, and a benchmark from the panel', async () => {
    const page = await open();
    await page.getByTestId('view-benchmarks').click();
    await page.getByTestId('leaderboard-row').first().waitFor();
    await idle(page);
    const first = page.getByTestId('leaderboard-row').first().locator('button.link');
    const name = await first.textContent();
    await first.click();
    await page.getByTestId('panel-results').waitFor();
    await idle(page);
    expect(await page.getByTestId('panel-title').textContent()).toBe(name);
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('graph');
    const results = page.getByTestId('panel-result');
    expect(await results.count()).toBeGreaterThan(1);
    await expect(results.filter({ hasText: 'MMLU' }).first().textContent()).resolves.toMatch(/self-reported|independent/);
    await shot(page, 'benchmarks-model-panel');
    // Another of its benchmarks, from the panel: its leaderboard.
    const other = results.filter({ hasNotText: 'MMLU' }).first().locator('button.link');
    const benchmark = (await other.textContent())!;
    await other.click();
    await idle(page);
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('benchmarks');
    await page.waitForFunction(
      (text: string) => document.querySelector('[data-testid=bench-about]').textContent.startsWith(text),
      benchmark,
    );
  });
});
