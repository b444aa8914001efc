// The region cascader (issue #4, 2: "region cascader over GB/T 2260 codes (data loaded lazily, not in
// the main bundle)"), in a real Chromium under the strict CSP: chosen by keyboard down to the county,
// the data fetched only once a region control renders, and a failed load that keeps the value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_FORM_URL, bundlePageFiles, showBundle } from './fixtures/bundlePage.js';
import { openFormPage } from './fixtures/openFormPage.js';
import { REPO_ROOT } from './fixtures/startStaticServer.js';
import { testBundle } from './fixtures/testBundles.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const name = { type: 'string', label: text('姓名', 'Name') };
const regionBundle = testBundle('region-test', {
  applicantName: name,
  homeRegion: {
    type: 'string',
    format: 'cn-region-code',
    widget: 'region',
    label: text('住所（区县）', 'Home county'),
  },
});
const plainBundle = testBundle('plain-test', { applicantName: name });
const pageFiles = bundlePageFiles({ region: regionBundle, plain: plainBundle });
afterAll(() => pageFiles.dispose());
const env = useWidgetBrowser({ files: pageFiles.files });

const isRegionData = (url: string) => new URL(url).pathname.endsWith('/regions.json');

/** The focused element inside the form: its region level, and the selected option's text. */
function focusedSelect(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('onething-form')!.shadowRoot!.activeElement;
    if (!(el instanceof HTMLSelectElement)) return undefined;
    return {
      level: el.dataset.regionLevel,
      options: [...el.options].map((o) => o.text),
      index: el.selectedIndex,
      disabled: el.disabled,
    };
  });
}

/** With a region drop-down focused, move to the option named `option` with the arrow keys. */
async function choose(page: Page, level: string, option: string) {
  await expect.poll(async () => (await focusedSelect(page))?.level).toBe(level);
  const select = (await focusedSelect(page))!;
  const target = select.options.indexOf(option);
  expect(target, `${option} in ${level}`).toBeGreaterThan(0);
  const key = target > select.index ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - select.index); i++) await page.keyboard.press(key);
  await expect.poll(async () => (await focusedSelect(page))?.index).toBe(target);
}

/** Tab on once the next region drop-down is enabled (it gets its choices when the level above changes). */
async function tabToLevel(page: Page, level: string) {
  const form = page.locator('onething-form');
  await expect.poll(() => form.locator(`select[data-region-level=${level}]`).isEnabled()).toBe(true);
  await page.keyboard.press('Tab');
}

const formData = (page: Page) =>
  page.evaluate(
    () => (document.querySelector('onething-form') as unknown as { data: Record<string, unknown> }).data,
  );

describe.skipIf(!chromiumPath)('region cascader (strict CSP)', () => {
  it('keeps the region data out of embed.js', () => {
    const embed = readFileSync(join(REPO_ROOT, 'packages/widgets/dist/embed.js'), 'utf8');
    expect(embed).not.toContain('南山区');
    expect(embed).toContain('../data/regions.json');
  });

  it('fetches the data only once a region control renders, and not for a form without one', async () => {
    const { page, problems, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      const requests: string[] = [];
      page.on('request', (request) => {
        if (isRegionData(request.url())) requests.push(request.url());
      });
      await showBundle(page, 'plain');
      const form = page.locator('onething-form');
      await expect(form.getByLabel('姓名').isVisible()).resolves.toBe(true);
      // Let effects run (preact runs them after a frame): a region control would have fetched by then.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
      );
      expect(requests).toEqual([]);

      await showBundle(page, 'region');
      await expect.poll(() => requests.length).toBe(1);
      expect(requests[0]).toBe(`${env.base}/packages/widgets/data/regions.json`);
      // 34 provincial divisions after 请选择.
      await expect.poll(() => form.locator('select[data-region-level=province] option').count()).toBe(35);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('chooses 广东省 → 深圳市 → 南山区 by keyboard and submits 440305', async () => {
    const { page, problems, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await showBundle(page, 'region');
      const form = page.locator('onething-form');
      await expect.poll(() => form.locator('select[data-region-level=province]').isEnabled()).toBe(true);
      await page.evaluate(() => {
        const w = window as unknown as { submitted: Promise<unknown> };
        w.submitted = new Promise((resolve) =>
          document.addEventListener('onething-submit', (e) => resolve((e as CustomEvent).detail), {
            once: true,
          }),
        );
      });
      await page.keyboard.press('Tab');
      await page.keyboard.type('李华');
      await page.keyboard.press('Tab');
      await choose(page, 'province', '广东省');
      await expect.poll(async () => (await formData(page)).homeRegion).toBe('440000');
      await tabToLevel(page, 'prefecture');
      await choose(page, 'prefecture', '深圳市');
      await expect.poll(async () => (await formData(page)).homeRegion).toBe('440300');
      await tabToLevel(page, 'county');
      await choose(page, 'county', '南山区');
      await expect.poll(async () => (await formData(page)).homeRegion).toBe('440305');
      // Every level is named by the field and its own label.
      await expect(form.getByRole('combobox', { name: '住所（区县） 区县' }).inputValue()).resolves.toBe(
        '440305',
      );

      // On to 提交申请, the review page, 确认提交.
      const focusedText = () =>
        page.evaluate(
          () => document.querySelector('onething-form')!.shadowRoot!.activeElement?.textContent ?? '',
        );
      for (let i = 0; i < 10 && (await focusedText()) !== '提交申请'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(focusedText).toBe('核对信息');
      for (let i = 0; i < 30 && (await focusedText()) !== '确认提交'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const detail = (await page.evaluate(
        () => (window as unknown as { submitted: Promise<unknown> }).submitted,
      )) as {
        data: Record<string, unknown>;
        payloads: Record<string, Record<string, unknown>>;
      };
      expect(detail.data).toEqual({ applicantName: '李华', homeRegion: '440305' });
      expect(detail.payloads.i1).toMatchObject({ homeRegion: '440305' });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('takes a municipality (北京) and a 省直辖县级 city (仙桃) in English too, and shows an existing value', async () => {
    const { page, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await page.evaluate(() => {
        const el = document.querySelector('onething-form') as unknown as HTMLElement & { data: object };
        el.setAttribute('lang', 'en');
        el.data = { homeRegion: '429004' };
      });
      await showBundle(page, 'region');
      const form = page.locator('onething-form');
      const selected = (level: string) =>
        form
          .locator(`select[data-region-level=${level}]`)
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
      await expect.poll(() => selected('county')).toBe('仙桃市');
      expect(await selected('province')).toBe('湖北省');
      expect(await selected('prefecture')).toBe('省直辖县级行政区划');
      await expect(form.getByRole('combobox', { name: 'Home county Province' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(
        form.getByRole('combobox', { name: 'Home county City or prefecture' }).isVisible(),
      ).resolves.toBe(true);

      await form.locator('select[data-region-level=province]').focus();
      await choose(page, 'province', '北京市');
      // The municipality stands in for its own prefecture level.
      await expect.poll(() => selected('prefecture')).toBe('北京市');
      expect((await formData(page)).homeRegion).toBe('110000');
      await tabToLevel(page, 'prefecture');
      await tabToLevel(page, 'county');
      await choose(page, 'county', '东城区');
      await expect.poll(async () => (await formData(page)).homeRegion).toBe('110101');
    } finally {
      await close();
    }
  });

  it('says so when the data cannot be loaded (the region-data attribute), keeps the value and takes a typed code', async () => {
    const { page, problems, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await page.evaluate(() => {
        const el = document.querySelector('onething-form') as unknown as HTMLElement & { data: object };
        el.setAttribute('region-data', '/nowhere/regions.json');
        el.data = { homeRegion: '350203' };
      });
      await showBundle(page, 'region');
      const form = page.locator('onething-form');
      const alert = form.locator('[data-field=homeRegion] [role=alert]');
      await expect.poll(() => alert.textContent()).toContain('行政区划列表加载失败');
      expect(await alert.textContent()).toContain('/nowhere/regions.json: HTTP 404');
      const input = form.getByRole('textbox', { name: '住所（区县）' });
      expect(await input.inputValue()).toBe('350203');
      expect((await formData(page)).homeRegion).toBe('350203');
      await input.fill('440305');
      expect((await formData(page)).homeRegion).toBe('440305');
      // The only problem is the 404 itself.
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await close();
    }
  });
});
