// When errors show (issue #4, 7): a fresh form tells the applicant nothing is wrong yet; a field shows
// its error once left (or checked by 检查/下一步/提交), and an ID number's check digit is told as soon
// as all 18 characters are typed. Real Chromium, strict CSP, examples/embed/index.html.
import { describe, expect, it } from 'vitest';
import { openFormPage } from './fixtures/openFormPage.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const env = useWidgetBrowser();

/** What the form shows as wrong: error texts and controls marked invalid. */
async function shownProblems(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const root = document.querySelector('onething-form')!.shadowRoot!;
    return {
      errors: [...root.querySelectorAll('.ot-field > .ot-error')].map((e) => e.textContent ?? ''),
      invalid: root.querySelectorAll('[aria-invalid="true"]').length,
    };
  });
}

describe.skipIf(!chromiumPath)('when errors show', () => {
  it('none on a fresh form; a left field shows its own; the ID check digit live; submit shows all', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
      {
        mode: 'sections',
      },
    );
    try {
      const form = page.locator('onething-form');
      expect(await shownProblems(page)).toEqual({ errors: [], invalid: 0 });

      // Leave a required field empty: its error, and only its error, shows.
      const name = form.getByLabel('新生儿姓名');
      await name.focus();
      await name.press('Tab');
      await expect.poll(async () => (await shownProblems(page)).errors.length).toBe(1);
      expect((await shownProblems(page)).errors[0]).toContain('新生儿姓名');
      expect(await name.getAttribute('aria-invalid')).toBe('true');

      // An 18-character ID number with a wrong check digit is reported while still in the field.
      const id = form.getByLabel('母亲公民身份号码');
      await id.fill('110105194912310021');
      await expect.poll(async () => (await shownProblems(page)).errors.join(' ')).toContain('校验位');
      expect(
        await id.evaluate(
          (input) =>
            input.getRootNode() instanceof ShadowRoot &&
            (input.getRootNode() as ShadowRoot).activeElement === input,
        ),
      ).toBe(true);

      // A failed submit shows every remaining problem.
      await form.getByRole('button', { name: '提交申请' }).click();
      await expect.poll(async () => (await shownProblems(page)).errors.length).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
