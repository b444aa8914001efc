// Repeating groups by keyboard (issue #4, 2 and 7): after moving a row its button keeps focus (the other
// move button at an edge), after removing a row focus goes to the next row's remove button or the add
// button, and each change is announced politely, in zh-CN and en.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_FORM_URL, bundlePageFiles, showBundle } from './fixtures/bundlePage.js';
import { openFormPage } from './fixtures/openFormPage.js';
import { testBundle } from './fixtures/testBundles.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const bundle = testBundle('repeat-test', {
  members: {
    type: 'array',
    label: text('家庭成员', 'Family members'),
    items: {
      type: 'object',
      label: text('成员', 'Member'),
      properties: { name: { type: 'string', label: text('姓名', 'Name') } },
    },
  },
});
const pageFiles = bundlePageFiles({ repeat: bundle });
afterAll(() => pageFiles.dispose());
const env = useWidgetBrowser({ files: pageFiles.files });

/** The focused element's text, the names in the rows, and what the live region says. */
function snapshot(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('onething-form')!.shadowRoot!;
    const data = (document.querySelector('onething-form') as unknown as { data: Record<string, unknown> })
      .data;
    const live = root.querySelector('[data-field=members] [aria-live=polite]');
    return {
      focused: root.activeElement?.textContent ?? '',
      names: ((data.members as Array<{ name?: string }> | undefined) ?? []).map((m) => m.name),
      said: live?.textContent ?? '',
    };
  });
}

async function focusButton(page: Page, selector: string) {
  await page.locator(`onething-form [data-field=members] ${selector}`).focus();
}

describe.skipIf(!chromiumPath)('repeating group focus and announcements (strict CSP)', () => {
  it('keeps focus on the moved row and goes on to the next row after a removal', async () => {
    const { page, problems, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await showBundle(page, 'repeat');
      const form = page.locator('onething-form');
      // Three rows, added with Enter on 添加一项 (which keeps focus), named 甲 乙 丙.
      await focusButton(page, '.ot-repeat-add');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
      await expect.poll(() => form.locator('.ot-repeat-row').count()).toBe(3);
      for (const [i, n] of ['甲', '乙', '丙'].entries())
        await form.locator(`[data-row="${i}"] input`).fill(n);
      await expect.poll(async () => (await snapshot(page)).names).toEqual(['甲', '乙', '丙']);

      // 乙 down: it is now entry 3, at the bottom edge, so focus is on its 上移 button.
      await focusButton(page, '[data-row="1"] .ot-repeat-down');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: '上移第 3 项',
          names: ['甲', '丙', '乙'],
          said: '第 2 项已移到第 3 项',
        });
      // Enter again moves 乙 back up; focus stays on its 上移 button, now of entry 2.
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: '上移第 2 项',
          names: ['甲', '乙', '丙'],
          said: '第 3 项已移到第 2 项',
        });
      // Once more: 乙 reaches the top edge; focus goes to its 下移 button.
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: '下移第 1 项',
          names: ['乙', '甲', '丙'],
          said: '第 2 项已移到第 1 项',
        });

      // Remove entry 1 (乙): focus on the next row's remove button, now entry 1's.
      await focusButton(page, '[data-row="0"] .ot-repeat-remove');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: '删除第 1 项',
          names: ['甲', '丙'],
          said: '已删除第 1 项，还有 2 项',
        });
      // Remove the last row: no next row, so focus goes to 添加一项.
      await focusButton(page, '[data-row="1"] .ot-repeat-remove');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: '添加一项',
          names: ['甲'],
          said: '已删除第 2 项，还有 1 项',
        });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('leaves focus where the user went if they move on before the rows are redrawn', async () => {
    const { page, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await page.evaluate(() => {
        const el = document.querySelector('onething-form') as unknown as HTMLElement & { data: object };
        el.data = { members: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] };
      });
      await showBundle(page, 'repeat');
      await expect.poll(() => page.locator('onething-form .ot-repeat-row').count()).toBe(3);
      // Remove entry 1 and, in the same task (before any redraw), go on to the add button.
      await page.evaluate(() => {
        const root = document.querySelector('onething-form')!.shadowRoot!;
        const remove = root.querySelector<HTMLButtonElement>('[data-row="0"] .ot-repeat-remove')!;
        remove.focus();
        remove.click();
        root.querySelector<HTMLButtonElement>('.ot-repeat > .ot-repeat-add')!.focus();
      });
      await expect.poll(async () => (await snapshot(page)).names).toEqual(['乙', '丙']);
      // Two frames later the redraw has happened: focus is still where the user put it.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      expect((await snapshot(page)).focused).toBe('添加一项');
    } finally {
      await close();
    }
  });

  it('announces in English', async () => {
    const { page, close } = await openFormPage(env.browser, `${env.base}${EMPTY_FORM_URL}`, {
      waitForReady: false,
    });
    try {
      await page.evaluate(() => {
        const el = document.querySelector('onething-form') as unknown as HTMLElement & { data: object };
        el.setAttribute('lang', 'en');
        el.data = { members: [{ name: 'A' }, { name: 'B' }] };
      });
      await showBundle(page, 'repeat');
      await focusButton(page, '[data-row="0"] .ot-repeat-down');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: 'Move entry 2 up',
          names: ['B', 'A'],
          said: 'Entry 1 moved to position 2',
        });
      await focusButton(page, '[data-row="1"] .ot-repeat-remove');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => snapshot(page))
        .toEqual({
          focused: 'Add an entry',
          names: ['B'],
          said: 'Entry 2 removed; 1 left',
        });
    } finally {
      await close();
    }
  });
});
