// Bundle text is rendered as text, never as HTML (issue #4, 8), in a real Chromium under the strict
// CSP: a bundle whose every text position holds markup renders it literally, runs no script and
// loads no image, in the form, the materials panel, the one-time notice and the review page.
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePageFiles } from './fixtures/bundlePage.js';
import { hostileBundle } from './fixtures/hostileBundle.js';
import { openFormPage } from './fixtures/openFormPage.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
const bundle = hostileBundle(XSS);

// The bundle as `onething compile` writes it, served at /__test__/hostile.bundle.js.
const pages = bundlePageFiles({ hostile: bundle });
afterAll(() => pages.dispose());
const env = useWidgetBrowser({ files: pages.files });

describe.skipIf(!chromiumPath)('bundle text is text (strict CSP)', () => {
  it('renders markup literally everywhere and runs none of it', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
      {
        waitForReady: true,
      },
    );
    // A string, not a function: vitest would rewrite the dynamic import inside a function.
    await page.evaluate(`(async () => {
      const el = document.querySelector('onething-form');
      const ready = new Promise((resolve) => document.addEventListener('onething-ready', resolve, { once: true }));
      el.bundle = await import('/__test__/hostile.bundle.js');
      await ready;
    })()`);
    const form = page.locator('onething-form');
    await form.getByRole('button', { name: '检查是否齐全' }).click();
    await form.locator('[data-field=name] input').fill('王小明');
    const root = () =>
      page.evaluate(() => {
        const shadow = document.querySelector('onething-form')!.shadowRoot!;
        return {
          images: shadow.querySelectorAll('img').length,
          scripts: shadow.querySelectorAll('script').length,
          literal: shadow.textContent!.split('<img src=x onerror="window.pwned=1">').length - 1,
          pwned: (window as unknown as { pwned?: number }).pwned ?? 0,
        };
      });
    const seen = await root();
    expect(seen.images).toBe(0);
    expect(seen.scripts).toBe(0);
    expect(seen.pwned).toBe(0);
    // Labels, help, section title and help, options, department names, material name, description,
    // commitment text, notice entries: each shows the markup as text.
    expect(seen.literal).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
    await close();
  });
});
