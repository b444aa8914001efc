// The playground end to end, in a real Chromium, served from its production build under its strict
// Content-Security-Policy (`script-src 'self'`, as a header). Issue #5.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../widgets/test/fixtures/runAxe.js';
import { REPO_ROOT } from '../../widgets/test/fixtures/startStaticServer.js';
import {
  cursorAfter,
  openPlayground,
  previewText,
  startPlaygroundHarness,
  type PlaygroundHarness,
} from './openPlayground.js';

const NEWBORN = readFileSync(join(REPO_ROOT, 'examples/newborn/bundle.yaml'), 'utf8');
let harness: PlaygroundHarness | undefined;

beforeAll(async () => {
  harness = await startPlaygroundHarness();
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

const run = () => harness!;

describe('playground', () => {
  it('opens the newborn example with its preview, under the strict CSP, with no console error', async () => {
    if (!harness) return;
    const { page, problems } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await expect.poll(() => page.locator('.pg-statusbar').textContent()).toMatch(/0 个错误/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a changed label in the preview', async () => {
    if (!harness) return;
    const { page, problems } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await cursorAfter(page, NEWBORN, 'zh-CN: 新生儿姓名');
    await page.keyboard.type('（乳名除外）');
    await expect.poll(() => previewText(page), { timeout: 10_000 }).toContain('新生儿姓名（乳名除外）');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a CEL type error at its line, in the problems list and the editor', async () => {
    if (!harness) return;
    const { page } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    const anchor = 'visibleIf: parentsMarried';
    const line = lineOf(NEWBORN, anchor);
    await cursorAfter(page, NEWBORN, anchor);
    await page.keyboard.type(' + 1');
    const entry = page.locator('.pg-source li, .pg-source [role=listitem]').filter({ hasText: 'CEL_TYPE' });
    await expect.poll(() => entry.first().textContent(), { timeout: 10_000 }).toContain(`${line}:`);
    // The editor marks the same line: the cursor's line holds an error underline.
    await expect.poll(() => page.locator('.cm-activeLine .cm-lintRange-error').count()).toBeGreaterThan(0);
    // The preview keeps the last bundle that worked, and says so.
    expect(await page.locator('.pg-stale').isVisible()).toBe(true);
    expect(await previewText(page)).toContain('新生儿姓名');
    await page.context().close();
  });

  it('names both departments of a merge conflict', async () => {
    if (!harness) return;
    const { page } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    // 疾控's vaccination form now needs at least 40 characters where others allow fewer.
    const anchor = 'etxm: { type: string, maxLength: 50';
    await cursorAfter(page, NEWBORN, anchor);
    await page.keyboard.type(', minLength: 40');
    const entry = page
      .locator('.pg-source li, .pg-source [role=listitem]')
      .filter({ hasText: /MERGE_(CONSTRAINT_EMPTY|TYPE_CONFLICT)/ });
    // The tightest sides: 疾控's new minimum against 公安's maximum of 15.
    await expect
      .poll(() => entry.first().textContent(), { timeout: 10_000 })
      .toMatch(/疾控.*公安|公安.*疾控/);
    expect(await entry.first().textContent()).toContain(`${lineOf(NEWBORN, anchor)}:`);
    await page.context().close();
  });

  it('simulates the newborn flow to completion through a 容缺 material, and the trace replays with `onething replay`', async () => {
    if (!harness) return;
    const { page, problems } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    const sample = page.getByRole('combobox', { name: '填入样例' });
    await sample.selectOption('data:valid-complete');
    await sample.selectOption('materials:rongque-supplied');
    await page.getByRole('tab', { name: '流转模拟' }).click();
    const panel = page.locator('#panel-simulate');
    await panel.getByRole('button', { name: '提交申请' }).click();
    const status = panel.locator('.sim-now');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/办理中|已受理|审查/);
    // The 户口簿 was deferred (容缺): its supply deadline is listed, and the licence waits for it.
    const supply = panel.getByRole('button', { name: /^补交/ }).first();
    await supply.waitFor({ timeout: 20_000 });
    // One working day on, within the 容缺 supply deadline: not done, the 户口簿 is still outstanding.
    await panel.getByRole('button', { name: /^推进/ }).first().click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).not.toContain('处理中');
    expect(await status.textContent()).not.toContain('已办结');
    await supply.click();
    // Supplied: the withheld licence is issued; run the clock on if anything is still under way.
    const runToEnd = panel.getByRole('button', { name: '运行到办结' });
    await expect
      .poll(
        async () => {
          const text = (await status.textContent()) ?? '';
          if (!text.includes('已办结') && (await runToEnd.isEnabled())) await runToEnd.click();
          return text;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain('已办结');
    // Download the trace and replay it with the CLI.
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '下载轨迹' }).click();
    const download = await downloading;
    const dir = mkdtempSync(join(tmpdir(), 'onething-pg-'));
    const file = join(dir, download.suggestedFilename() || 'trace.jsonl');
    await download.saveAs(file);
    const replay = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'packages/engine/bin/onething.js'),
        'replay',
        file,
        '--bundle',
        join(REPO_ROOT, 'examples/newborn/bundle.yaml'),
      ],
      { encoding: 'utf8' },
    );
    expect(replay.status, replay.stdout + replay.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('陈雅婷'); // personal data is tokenised
    // Load the trace back into the simulator: the stepper replays it step by step, to the end.
    await panel.getByLabel('载入轨迹').setInputFiles(file);
    await expect
      .poll(() => panel.locator('.sim-replay [role=status]').textContent(), { timeout: 15_000 })
      .toMatch(/全部 \d+ 步重现/);
    await panel.getByRole('button', { name: '到结尾' }).click();
    expect(await panel.locator('.sim-step').textContent()).toContain('completed');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('finds the draft intact after a reload: the edited bundle and what was entered', async () => {
    if (!harness) return;
    const { page, context } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await cursorAfter(page, NEWBORN, 'zh-CN: 新生儿姓名');
    await page.keyboard.type('（草稿）');
    await page.getByRole('combobox', { name: '填入样例' }).selectOption('data:valid-complete');
    await expect.poll(() => previewText(page), { timeout: 10_000 }).toContain('新生儿姓名（草稿）');
    await page.waitForTimeout(600); // the draft is saved 300 ms after the last change
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名（草稿）');
    expect(await page.locator('.pg-note-line').textContent()).toContain('已恢复上次的草稿');
    const babyName = await page.evaluate(
      () =>
        (document.querySelector('onething-form') as HTMLElement & { data: Record<string, unknown> }).data
          .babyName,
    );
    const sample = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples/newborn/data/valid-complete.json'), 'utf8'),
    );
    expect(babyName).toBe(sample.babyName);
    await context.close();
  });

  it('opens a share link with the same bundle', async () => {
    if (!harness) return;
    const { page, context } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await cursorAfter(page, NEWBORN, 'zh-CN: 新生儿姓名');
    await page.keyboard.type('（分享）');
    await page.getByRole('button', { name: '复制分享链接' }).click();
    await expect.poll(() => page.url()).toContain('#share=');
    const url = page.url();
    await context.close();
    const other = await run().browser.newContext();
    const colleague = await other.newPage();
    await colleague.goto(url);
    await expect.poll(() => previewText(colleague), { timeout: 15_000 }).toContain('新生儿姓名（分享）');
    // The link's text is now the colleague's draft: their own edits survive a reload.
    expect(colleague.url()).not.toContain('#share=');
    await cursorAfter(
      colleague,
      NEWBORN.replace('新生儿姓名', '新生儿姓名（分享）'),
      'zh-CN: 新生儿姓名（分享）',
    );
    await colleague.keyboard.type('（改）');
    await expect
      .poll(() => previewText(colleague), { timeout: 10_000 })
      .toContain('新生儿姓名（分享）（改）');
    await colleague.waitForTimeout(600);
    await colleague.reload();
    await expect
      .poll(() => previewText(colleague), { timeout: 15_000 })
      .toContain('新生儿姓名（分享）（改）');
    await other.close();
  });

  it('switches the preview to elder mode and English, shows provenance and the departments’ payloads, by keyboard', async () => {
    if (!harness) return;
    const { page, problems } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await page.getByRole('checkbox', { name: '适老化模式' }).check();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('onething-form')!.hasAttribute('elder')))
      .toBe(true);
    await page.getByRole('combobox', { name: '表单语言' }).selectOption('en');
    await expect.poll(() => previewText(page)).toContain("Baby's name");
    await page.getByRole('combobox', { name: '填入样例' }).selectOption('data:valid-complete');
    // The tabs by keyboard: focus the selected tab, then Arrow-Right to the next ones.
    await page.getByRole('tab', { name: '表单预览' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: '字段来源' }).getAttribute('aria-selected')).toBe('true');
    const babyName = page.locator('#panel-provenance tr[data-field=babyName]');
    await expect.poll(() => babyName.textContent()).toMatch(/卫健.*疾控.*公安/s);
    await page.keyboard.press('ArrowRight');
    const police = page.locator('#panel-payloads article[data-item=birthReg]');
    const sample = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples/newborn/data/valid-complete.json'), 'utf8'),
    );
    await expect.poll(() => police.textContent()).toContain(sample.babyName);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the TypeScript types, generated in the page, of the merged data and of one item', async () => {
    if (!harness) return;
    const { page, problems } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    await page.getByRole('tab', { name: '类型定义' }).click();
    const code = page.locator('#panel-types pre');
    await expect
      .poll(() => code.textContent(), { timeout: 20_000 })
      .toContain('export interface NewbornApplication {');
    await page.locator('#panel-types select').selectOption('BirthRegPayload');
    await expect.poll(() => code.textContent()).toContain('export interface BirthRegPayload {');
    expect(await code.textContent()).not.toContain('export interface NewbornApplication {');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe violations, in each view', async () => {
    if (!harness) return;
    const { page } = await openPlayground(run());
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('新生儿姓名');
    for (const tab of ['表单预览', '字段来源', '分部门数据', '流转模拟', '类型定义']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(300);
      expect(await runAxe(page), tab).toEqual([]);
    }
    await page.context().close();
  });
});

/** 1-based line of the first `anchor` in `source`. */
function lineOf(source: string, anchor: string): number {
  return source.slice(0, source.indexOf(anchor)).split('\n').length;
}
