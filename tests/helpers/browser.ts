import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

/** Debian's chromium, or CHROME_PATH; browser tests are skipped with one line when neither exists. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromePath);
if (!hasChromium) {
  console.warn(
    `browser tests skipped: install Debian's chromium (apt-get install chromium) or set CHROME_PATH (no executable at ${chromePath})`,
  );
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromePath,
    // Without the background-networking flags Chromium keeps calling out to Google's hosts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where browser tests save the screenshots a person looks at. */
export const screenshotsDir = path.join(root, 'test-results', 'screenshots');

/** Builds the explorer when no build exists (a run of one browser file skips `npm test`'s pretest), and makes the screenshots folder. */
export function prepareExplorer(): void {
  if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    execSync('npx vite build --config web/vite.config.ts', { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(screenshotsDir, { recursive: true });
}
