// The materials panel and the one-time notice in a real Chromium under the strict CSP (issue #4, 4 and 5):
// the notice lists what is missing, grouped by department; the applicant chooses 容缺 (signed pledge)
// and 告知承诺 (signed commitment) for eligible materials, 免证 and uploads for the rest, and the choices
// arrive in the submit payload with signer and time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFormPage } from './fixtures/openFormPage.js';
import { REPO_ROOT } from './fixtures/startStaticServer.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const env = useWidgetBrowser();
const complete = JSON.parse(
  readFileSync(join(REPO_ROOT, 'examples/newborn/data/valid-complete.json'), 'utf8'),
) as Record<string, unknown>;
// A collective household: the 无房承诺书 is then required, and it may be replaced by a 告知承诺.
const data = { ...complete, householdType: 'COLLECTIVE' };

const card = (page: Page, material: string): Locator =>
  page.locator(`onething-form [id$="-material-${material}"]`);

async function sign(page: Page, material: string, way: '容缺受理，后补' | '签署告知承诺', button: string) {
  const c = card(page, material);
  await c.getByRole('radio', { name: way }).check();
  await c.getByRole('checkbox').check();
  await c.getByLabel('签署人姓名').fill('陈雅婷');
  await c.getByRole('button', { name: button }).click();
}

describe.skipIf(!chromiumPath)('materials and the one-time notice (examples/embed)', () => {
  it('lists what is missing, then carries 容缺 and 告知承诺 decisions into the submit payload', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
      {
        mode: 'sections',
      },
    );
    await page.evaluate((values) => {
      (document.querySelector('onething-form') as unknown as { data: object }).data = values;
    }, data);
    const form = page.locator('onething-form');

    // 一次性告知 before any material is given: every missing one, by department.
    await form.getByRole('button', { name: '检查是否齐全' }).click();
    const notice = form.locator('.ot-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('落户方居民户口簿');
    expect(text).toContain('无房承诺书');
    expect(text).toContain('公安');

    // 容缺 for the hukou book, 告知承诺 for the no-house statement.
    await sign(page, 'm_hukouBook', '容缺受理，后补', '签署容缺承诺');
    await sign(page, 'm_noHouseCommit', '签署告知承诺', '签署告知承诺');
    // 免证 for the IDs and the marriage certificate.
    for (const material of ['m_parentIds', 'm_marriageCert']) {
      const c = card(page, material);
      const radio = c.getByRole('radio', { name: '使用电子证照（免证）' });
      if (await radio.count()) await radio.check();
      await c.getByRole('button', { name: '使用电子证照' }).click();
    }
    // Uploads for the rest (names and sizes only reach the payload).
    for (const material of ['m_ethnicityConfirm', 'm_insConfirm', 'm_bankCard']) {
      const c = card(page, material);
      if (!(await c.count())) continue;
      const radio = c.getByRole('radio', { name: '上传材料' });
      if (await radio.count()) await radio.check();
      await c.locator('input[type=file]').setInputFiles({
        name: `${material}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 test'),
      });
    }
    await form.getByRole('button', { name: '检查是否齐全' }).click();
    await expect.poll(async () => (await notice.textContent()) ?? '').toContain('材料和信息齐全');

    await page.evaluate(() => {
      (window as unknown as { submitted: Promise<unknown> }).submitted = new Promise((resolve) =>
        document.addEventListener('onething-submit', (e) => resolve((e as CustomEvent).detail), {
          once: true,
        }),
      );
    });
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    const detail = (await page.evaluate(
      () => (window as unknown as { submitted: Promise<unknown> }).submitted,
    )) as {
      materials: Record<string, { kind: string; signer?: string; signedAt?: string; files?: unknown[] }>;
    };
    expect(detail.materials.m_hukouBook).toMatchObject({ kind: 'deferred', signer: '陈雅婷' });
    expect(detail.materials.m_hukouBook!.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+08:00$/);
    expect(detail.materials.m_noHouseCommit).toMatchObject({ kind: 'committed', signer: '陈雅婷' });
    expect(detail.materials.m_parentIds).toMatchObject({ kind: 'eLicence' });
    expect(detail.materials.m_bankCard).toMatchObject({
      kind: 'provided',
      files: [{ name: 'm_bankCard.pdf', type: 'application/pdf' }],
    });
    expect(problems).toEqual([]);
    await close();
  });
});
