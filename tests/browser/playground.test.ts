import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { startTestService } from '../helpers/service.js';

describe('GraphQL playground over HTTP', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('serves GraphiQL to browsers at GET /graphql, with every asset from the service itself', async () => {
    const response = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      expect(asset.startsWith('/playground/')).toBe(true);
      expect((await fetch(`${service.url}${asset}`)).status, asset).toBe(200);
    }
    for (const example of ['lineage(', 'sharedTechniques(', 'path(', 'neighborhood(']) expect(html).toContain(example);
  });

  it('still answers GET queries with JSON', async () => {
    const response = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ model(id: "gpt-4") { name } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { model: { name: 'GPT-4' } } });
  });
});

describe.skipIf(!hasChromium)('GraphQL playground in Chromium', () => {
  let service: Service;
  let browser: Browser;
  beforeAll(async () => {
    service = await startTestService();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('opens offline with the example queries and runs the first one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(service.url)) foreign.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${service.url}/graphql`);
    await page.waitForSelector('.graphiql-container');
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['Lineage', 'Shared', 'Path', 'Neighbourhood', 'Search']);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { textContent: string } } }).document.body.textContent.includes('"gpt-3-5"'),
    );
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/playground.png' });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
