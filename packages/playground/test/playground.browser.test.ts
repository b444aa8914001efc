// The playground end to end, in a real Chromium, served from its production build under its strict
// Content-Security-Policy (`script-src 'self'`, as a header). Issue #5.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
});
