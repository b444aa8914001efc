// <onething-form> in a real Chromium, served like any static site, under the strict policy a portal
// runs with: `script-src 'self'; style-src 'self'` as a header (and in the page's meta tag). The page is
// examples/embed/index.html after `npm run build`. Issue #4.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../engine/test/fixtures/chromium.js';
import { REPO_ROOT, startStaticServer, type StaticServer } from './fixtures/startStaticServer.js';
import { watchPageProblems } from './fixtures/watchPageProblems.js';

const chromiumPath = findChromium();
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const built = existsSync(join(REPO_ROOT, 'packages/widgets/dist/embed.js'));

let server: StaticServer | undefined;
let base = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromiumPath) {
    const message =
      'widgets browser suite did not run: install chromium (apt-get install -y chromium) or set CHROME_PATH';
    if (inCi) throw new Error(message);
    console.warn(`\n!!! ${message}\n`);
    return;
  }
  if (!built) throw new Error('packages/widgets/dist/embed.js is missing: run `npm run build` first');
  // A static file server for the repository root: every response carries the strict policy.
  server = await startStaticServer();
  base = server.base;
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the embed example; collect console errors, page errors and CSP violations. */
async function openExample(mode?: 'sections' | 'steps'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  const problems = await watchPageProblems(page);
  await page.addInitScript(() => {
    (window as unknown as { readyFired: Promise<void> }).readyFired = new Promise((resolve) =>
      document.addEventListener('onething-ready', () => resolve(), { once: true }),
    );
  });
  await page.goto(`${base}/examples/embed/index.html`);
  await page.evaluate(() => (window as unknown as { readyFired: Promise<void> }).readyFired);
  if (mode)
    await page.evaluate((m) => document.querySelector('onething-form')!.setAttribute('mode', m), mode);
  return { page, problems };
}

describe.skipIf(!chromiumPath)('<onething-form> under a strict CSP (examples/embed)', () => {
  it('renders the newborn form with no console error and no CSP violation', async () => {
    const { page, problems } = await openExample();
    const label = page.locator('onething-form').getByText('新生儿姓名', { exact: false }).first();
    await expect(label.isVisible()).resolves.toBe(true);
    // The bundle asks for steps: the first step (新生儿信息) only.
    expect(await page.locator('onething-form label').count()).toBeGreaterThan(5);
    expect(await page.locator('onething-form').getByRole('button', { name: '下一步' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('derives the mother’s birth date from her ID number (the engine’s computed rule)', async () => {
    const { page, problems } = await openExample('sections');
    const form = page.locator('onething-form');
    // The mother's birth date is asked by the maternity allowance item only (情形: it applies when
    // the mother is insured and applies for it); the engine hides it otherwise.
    await page.evaluate(() => {
      (document.querySelector('onething-form') as unknown as { data: object }).data = {
        applyMaternityBenefit: true,
        motherInsured: true,
      };
    });
    await form.getByLabel('母亲公民身份号码').fill('350203199405120248');
    await expect
      .poll(() => form.getByLabel('母亲出生日期').inputValue(), { timeout: 5000 })
      .toBe('1994-05-12');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a failed submit moves focus to the error summary, which links to the fields', async () => {
    const { page, problems } = await openExample('sections');
    const form = page.locator('onething-form');
    await form.getByRole('button', { name: '提交申请' }).click();
    const summary = form.locator('.ot-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    const focused = await page.evaluate(
      () => document.querySelector('onething-form')!.shadowRoot!.activeElement?.className ?? '',
    );
    expect(focused).toContain('ot-summary');
    expect(await summary.locator('a').count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a draft across a reload', async () => {
    const { page } = await openExample();
    const form = page.locator('onething-form');
    await form.getByLabel('新生儿姓名').fill('林语桐');
    await page.reload();
    await page.evaluate(() => (window as unknown as { readyFired: Promise<void> }).readyFired);
    await expect.poll(() => form.getByLabel('新生儿姓名').inputValue()).toBe('林语桐');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
