import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../engine/test/fixtures/chromium.js';
import { AXE_URL, axeFile } from '../../widgets/test/fixtures/runAxe.js';
import { watchPageProblems } from '../../widgets/test/fixtures/watchPageProblems.js';
import {
  REPO_ROOT,
  startStaticServer,
  type StaticServer,
} from '../../widgets/test/fixtures/startStaticServer.js';
import { PLAYGROUND_CSP } from '../csp.js';

/** The production build `npm run build` makes (and `npm start` serves). */
export const PLAYGROUND_DIST = join(REPO_ROOT, 'packages/playground/dist');

/** A browser and a static server for the built playground, sending its strict policy as a header. */
export interface PlaygroundHarness {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/**
 * Start the harness, or return undefined (with a loud warning) when no Chromium is installed; under
 * `CI=true` a missing browser fails instead.
 */
export async function startPlaygroundHarness(): Promise<PlaygroundHarness | undefined> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message =
      'playground browser suite did not run: install chromium (apt-get install -y chromium) or set CHROME_PATH';
    if (process.env.CI && process.env.CI !== 'false') throw new Error(message);
    console.warn(`\n!!! ${message}\n`);
    return undefined;
  }
  if (!existsSync(join(PLAYGROUND_DIST, 'index.html')))
    throw new Error('packages/playground/dist is missing: run `npm run build` first');
  const server = await startStaticServer({
    root: PLAYGROUND_DIST,
    csp: PLAYGROUND_CSP,
    files: { [AXE_URL]: axeFile() },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page of the playground with every console error, page error and CSP violation collected. */
export interface PlaygroundPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

/** Open the playground in a fresh context (empty local storage unless `context` is given). */
export async function openPlayground(
  harness: PlaygroundHarness,
  options: { context?: BrowserContext; hash?: string } = {},
): Promise<PlaygroundPage> {
  const context = options.context ?? (await harness.browser.newContext({ acceptDownloads: true }));
  const page = await context.newPage();
  const problems = await watchPageProblems(page);
  await page.goto(`${harness.server.base}/index.html${options.hash ?? ''}`);
  await page.locator('.cm-content').waitFor();
  return { page, context, problems };
}

/**
 * Put the editor's cursor just after the first `anchor` in `source` (the text the editor holds), with
 * the keyboard only: Ctrl-Home, Arrow-Down to the line, End, Arrow-Left back to the column.
 */
export async function cursorAfter(page: Page, source: string, anchor: string): Promise<void> {
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`"${anchor}" is not in the source`);
  const offset = at + anchor.length;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(0, offset).split('\n').length - 1;
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const back = (lineEnd < 0 ? source.length : lineEnd) - offset;
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

/** The text of the `<onething-form>` preview (inside its shadow root). */
export async function previewText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('onething-form')?.shadowRoot?.textContent ?? '');
}
