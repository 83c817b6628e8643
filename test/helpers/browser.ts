// Launches the machine's Chromium through playwright-core for the browser tests.
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'Chromium not found: run `npm test`, which installs or locates it, or set CHROMIUM_PATH.',
    );
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
