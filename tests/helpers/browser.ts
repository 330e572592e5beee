import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether browser tests run: always in CI (`.ci/run` installs Chromium; a missing one fails
 * loudly there), and on a developer machine only when Chromium is installed.
 */
export const browserTests = process.env.CI === 'true' || existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
