import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service.js';
import { hasChromium, launchChromium, prepareExplorer, screenshotsDir } from '../helpers/browser.js';
import { freePort } from '../helpers/ports.js';
import { startTestService } from '../helpers/service.js';

// A front-end served from another origin (another port, its own tiny server) calls the API with fetch
// and with Apollo Client; a page from an origin not in CORS_ORIGINS is refused by the browser.

const here = path.dirname(fileURLToPath(import.meta.url));

/** Apollo Client and the page's script as one browser bundle. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(here, 'cross-origin', 'apollo-page.ts'), formats: ['iife'], name: 'crossOriginPage' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((result) => ('output' in result ? result.output : [])).find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('vite produced no bundle for the cross-origin page');
  return chunk.code;
}

/** A page server on its own port: an HTML page and the bundle, nothing else. */
async function pageServer(port: number, script: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>front-end</title><script src="/app.js"></script><pre id="out"></pre>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const viaFetch = (page: Page, api: string) =>
  page.evaluate(async (url) => {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ model(id: "gpt-4") { name } }' }),
      });
      return ((await response.json()) as { data: { model: { name: string } } }).data.model.name;
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  }, api);

const viaApollo = (page: Page, api: string) =>
  page.evaluate(
    ([url, id]) => (globalThis as unknown as { apolloModelName(uri: string, id: string): Promise<string> }).apolloModelName(url!, id!),
    [`${api}/graphql`, 'gpt-4'],
  );

describe.skipIf(!hasChromium)('a front-end on another origin, in Chromium', () => {
  let service: Service;
  let browser: Browser;
  const servers: Server[] = [];
  let allowed: string;
  let refused: string;

  beforeAll(async () => {
    prepareExplorer();
    const script = await bundle();
    const [allowedPort, refusedPort] = [await freePort(), await freePort()];
    allowed = `http://127.0.0.1:${allowedPort}`;
    refused = `http://127.0.0.1:${refusedPort}`;
    servers.push(await pageServer(allowedPort, script), await pageServer(refusedPort, script));
    service = await startTestService({ CORS_ORIGINS: allowed });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    await service?.stop();
  });

  it('queries the API with fetch and with Apollo Client from an origin in CORS_ORIGINS', async () => {
    const page = await browser.newPage();
    await page.goto(`${allowed}/`);
    const fetched = await viaFetch(page, service.url);
    const apollo = await viaApollo(page, service.url);
    await page.evaluate((text) => {
      (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById(
        'out',
      ).textContent = text;
    }, `fetch: ${fetched}\nApollo Client: ${apollo}`);
    await page.screenshot({ path: path.join(screenshotsDir, 'cross-origin-allowed.png') });
    expect(fetched).toBe('GPT-4');
    expect(apollo).toBe('GPT-4');
  });

  it('is refused by the browser from an origin not in CORS_ORIGINS', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${refused}/`);
    expect(await viaFetch(page, service.url)).toBe('error: Failed to fetch');
    expect(await viaApollo(page, service.url)).toMatch(/^error: .*Failed to fetch/);
    expect(consoleErrors.join('\n')).toMatch(/blocked by CORS policy/);
  });
});
