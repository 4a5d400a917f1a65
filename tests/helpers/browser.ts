import { existsSync } from 'node:fs';
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
