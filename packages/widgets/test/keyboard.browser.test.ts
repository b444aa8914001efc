// The whole newborn form completed with the keyboard alone (issue #4, 7: "the whole form completable by
// keyboard"): Tab between fields, typing, arrows in drop-downs and radio groups, Space for switches,
// Enter to go on. The page is examples/embed/index.html under the strict CSP, after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillByKeyboard } from './fixtures/fillByKeyboard.js';
import { openFormPage } from './fixtures/openFormPage.js';
import { REPO_ROOT } from './fixtures/startStaticServer.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const env = useWidgetBrowser();
const example = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as unknown;
const complete = example('examples/newborn/data/valid-complete.json') as Record<string, unknown>;
const happyPath = example('examples/newborn/scenarios/happy-path.json') as { materials: object };
const FIRST_STEP = [
  'babyName',
  'babyGender',
  'babyBirthTime',
  'babyEthnicity',
  'birthInstitution',
  'birthPlaceRegion',
  'birthPlaceDetail',
  'gestationWeeks',
  'birthWeightG',
  'birthLengthCm',
  'childOrder',
];

interface SubmitDetail {
  data: Record<string, unknown>;
  payloads: Record<string, Record<string, unknown>>;
  materials: Record<string, unknown>;
}

describe.skipIf(!chromiumPath)('<onething-form> by keyboard only (examples/embed)', () => {
  it('fills the first step and goes on to step 2 with Enter', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
    );
    const form = page.locator('onething-form');
    const { filled } = await fillByKeyboard(page, complete);
    expect(filled).toEqual(FIRST_STEP);
    // Focus is on 下一步 now.
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('.ot-progress').textContent()).toMatch(/^第 2 步，共 \d+ 步$/);
    await expect(form.getByLabel('母亲姓名').isVisible()).resolves.toBe(true);
    const values = await page.evaluate(
      () => (document.querySelector('onething-form') as unknown as { data: Record<string, unknown> }).data,
    );
    for (const key of [...FIRST_STEP, 'babyBirthDate']) expect(values[key], key).toEqual(complete[key]);
    expect(problems).toEqual([]);
    await close();
  });

  it('fills the whole form in sections mode and submits with Enter', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
      {
        mode: 'sections',
      },
    );
    const { filled } = await fillByKeyboard(page, complete);
    expect(filled.length).toBeGreaterThan(35);
    // Material decisions are not rendered yet (materials panel to come): the host sets them.
    await page.evaluate((materials) => {
      const form = document.querySelector('onething-form') as unknown as { materials: object };
      form.materials = materials;
      const w = window as unknown as { submitted: Promise<unknown> };
      w.submitted = new Promise((resolve) =>
        document.addEventListener('onething-submit', (e) => resolve((e as CustomEvent).detail), {
          once: true,
        }),
      );
    }, happyPath.materials);
    // Focus is on 提交申请: Enter opens the review (核对信息), whose heading takes focus; Tab on to
    // 确认提交 and Enter submits.
    await page.keyboard.press('Enter');
    const focusedText = () =>
      page.evaluate(
        () => document.querySelector('onething-form')!.shadowRoot!.activeElement?.textContent ?? '',
      );
    await expect.poll(focusedText).toBe('核对信息');
    for (let i = 0; i < 30 && (await focusedText()) !== '确认提交'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const detail = (await page.evaluate(
      () => (window as unknown as { submitted: Promise<unknown> }).submitted,
    )) as SubmitDetail;
    // Every value of valid-complete.json: typed, chosen, or computed (出生日期 from the ID number).
    expect(detail.data).toEqual(complete);
    expect(detail.payloads.birthCert).toMatchObject({ babyName: complete.babyName });
    expect(detail.payloads.birthReg).toBeTypeOf('object');
    expect(Object.keys(detail.materials).sort()).toEqual(Object.keys(happyPath.materials).sort());
    expect(problems).toEqual([]);
    await close();
  });

  // Regression: an unanswered boolean was shown as a switch reading 否 (aria-checked="false") while its
  // value was undefined, so 落户方父（母）是否为户主 hid the householder fields until pressed twice.
  it('a yes/no field announces the value the form holds', async () => {
    const { page, close } = await openFormPage(env.browser, `${env.base}/examples/embed/index.html`, {
      mode: 'sections',
    });
    try {
      const field = page.locator('onething-form [data-field=parentIsHouseholder]');
      const value = () =>
        page.evaluate(
          () =>
            (document.querySelector('onething-form') as unknown as { data: Record<string, unknown> }).data
              .parentIsHouseholder,
        );
      // Unanswered: nothing is checked and no switch claims 否.
      expect(await value()).toBeUndefined();
      expect(await field.locator('[role=switch]').count()).toBe(0);
      expect(await field.locator('[role=radio][aria-checked=true]').count()).toBe(0);
      await field.getByRole('radio', { name: '否' }).click();
      expect(await value()).toBe(false);
      expect(await field.locator('[role=switch]').getAttribute('aria-checked')).toBe('false');
    } finally {
      await close();
    }
  });
});
