// Accessibility of <onething-form> in a real Chromium (issue #4, 7): axe-core finds no serious or
// critical violation in normal and elder mode (适老化), elder mode meets its type, target and contrast
// floors with one step per screen, and the React host page (issue #4, 10) works under the same strict
// CSP. axe-core is served by the test server as a same-origin script, so the pages keep their strict
// policy (an injected inline script would be blocked). Pages: examples/embed/ after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFormPage, type OpenFormPageOptions } from './fixtures/openFormPage.js';
import { AXE_URL, axeFile, runAxe } from './fixtures/runAxe.js';
import { REPO_ROOT } from './fixtures/startStaticServer.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const env = useWidgetBrowser({ files: { [AXE_URL]: axeFile() } });
const example = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as unknown;
const complete = example('examples/newborn/data/valid-complete.json') as Record<string, unknown>;
const happyPath = example('examples/newborn/scenarios/happy-path.json') as { materials: object };
const open = (options: OpenFormPageOptions = {}) =>
  openFormPage(env.browser, `${env.base}/examples/embed/index.html`, options);

describe.skipIf(!chromiumPath)('axe-core on <onething-form> (examples/embed, strict CSP)', () => {
  it.each([
    { name: 'sections', options: { mode: 'sections' } },
    { name: 'first step', options: {} },
    { name: 'elder, sections asked', options: { mode: 'sections', elder: true } },
    { name: 'elder, first step', options: { elder: true } },
  ] as const)('no serious or critical violation: $name', async ({ options }) => {
    const { page, problems, close } = await open(options);
    await expect.poll(() => page.locator('onething-form .ot-field').count()).toBeGreaterThan(5);
    expect(await runAxe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('looks into the shadow root (an unlabelled input inside it is found)', async () => {
    const { page, close } = await open({ mode: 'sections' });
    await page.evaluate(() =>
      document.querySelector('onething-form')!.shadowRoot!.querySelector('.ot-label')!.removeAttribute('for'),
    );
    const found = await runAxe(page);
    expect(found.map((v) => v.id)).toContain('label');
    expect(found.find((v) => v.id === 'label')!.targets[0]).toContain('onething-form');
    await close();
  });

  it('no serious or critical violation after a failed submit (error summary, aria-invalid fields)', async () => {
    const { page, problems, close } = await open({ mode: 'sections' });
    const form = page.locator('onething-form');
    await form.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => form.locator('.ot-summary').isVisible()).toBe(true);
    expect(await form.locator('[aria-invalid="true"]').count()).toBeGreaterThan(3);
    expect(await runAxe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

/** Sizes and colours of the rendered form, read from computed styles inside the shadow root. */
interface ElderMeasures {
  labels: Array<{ text: string; fontSize: number; contrast: number }>;
  texts: Array<{ text: string; fontSize: number; contrast: number }>;
  targets: Array<{ what: string; height: number }>;
  sections: number;
  buttons: string[];
}

function measure(page: Page): Promise<ElderMeasures> {
  return page.evaluate(() => {
    const host = document.querySelector('onething-form')!;
    const root = host.shadowRoot!;
    type Rgba = [number, number, number, number];
    const rgba = (css: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) throw new Error(`unexpected colour ${css}`);
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[ ,/]+/).map(Number);
      return [r, g, b, a];
    };
    // The colour behind an element: its own and its ancestors' backgrounds (through the shadow host),
    // composed over the white canvas.
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = el; at;) {
        layers.push(rgba(getComputedStyle(at).backgroundColor));
        const parent: ParentNode | null = at.parentNode;
        at = parent instanceof ShadowRoot ? parent.host : at.parentElement;
      }
      let colour: Rgba = [255, 255, 255, 1];
      for (const [r, g, b, a] of layers.reverse())
        colour = [r * a + colour[0] * (1 - a), g * a + colour[1] * (1 - a), b * a + colour[2] * (1 - a), 1];
      return colour;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (el: Element) => {
      const [l1, l2] = [luminance(rgba(getComputedStyle(el).color)), luminance(backgroundOf(el))];
      return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    };
    const labels = [...root.querySelectorAll('.ot-label')].map((el) => ({
      text: el.textContent ?? '',
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      contrast: contrast(el),
    }));
    // Radio buttons and checkboxes are hit through their whole label (.ot-choice), which is the target.
    const targets = [
      ...root.querySelectorAll('.ot-input, .ot-select, .ot-textarea, .ot-switch, .ot-button, .ot-choice'),
    ].map((el) => ({
      what: `${el.className} ${el.id || el.textContent}`,
      height: el.getBoundingClientRect().height,
    }));
    // Every element with its own visible text: notes, errors, legends, buttons, choices.
    const texts = [...root.querySelectorAll('*')]
      .filter(
        (el) =>
          el.getClientRects().length > 0 &&
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
      )
      .map((el) => ({
        text: `${el.className}: ${el.textContent!.slice(0, 20)}`,
        fontSize: parseFloat(getComputedStyle(el).fontSize),
        contrast: Math.round(contrast(el) * 100) / 100,
      }));
    return {
      labels,
      texts,
      targets,
      sections: root.querySelectorAll('.ot-section').length,
      buttons: [...root.querySelectorAll('button[type=submit]')].map((b) => b.textContent ?? ''),
    };
  });
}

describe.skipIf(!chromiumPath)('elder mode (适老化, the `elder` attribute)', () => {
  it.each([
    { name: 'the bundle’s steps', mode: undefined },
    { name: 'sections asked', mode: 'sections' },
  ] as const)(
    'large type, 44 px targets, 7:1 label contrast, one step per screen: $name',
    async ({ mode }) => {
      const { page, problems, close } = await open({ elder: true, ...(mode ? { mode } : {}) });
      await expect.poll(() => page.locator('onething-form .ot-field').count()).toBeGreaterThan(5);
      const m = await measure(page);
      expect(m.labels.length).toBeGreaterThan(5);
      expect(m.labels.filter((l) => l.fontSize < 18)).toEqual([]);
      expect(m.labels.filter((l) => l.contrast < 7)).toEqual([]);
      expect(m.targets.length).toBeGreaterThan(5);
      expect(m.targets.filter((t) => t.height < 44)).toEqual([]);
      // One step per screen: one section and a 下一步 button, even when sections were asked for.
      expect(m.sections).toBe(1);
      expect(m.buttons).toEqual(['下一步']);
      expect(problems).toEqual([]);
      await close();
    },
  );

  // BUG (widgets): help and provenance notes are `.875em`, 17.5 px at elder mode's 20 px base, under the
  // 18 px floor of issue #4 ("base type ≥ 18 px"). Remove `.fails` once elder mode keeps every text ≥ 18 px.
  it('every text is at least 18 px', async () => {
    const { page, close } = await open({ elder: true });
    try {
      await expect.poll(() => page.locator('onething-form .ot-field').count()).toBeGreaterThan(5);
      expect((await measure(page)).texts.filter((t) => t.fontSize < 18)).toEqual([]);
    } finally {
      await close();
    }
  });

  // BUG (widgets): the elder palette is set on `:host([elder])`, and a host page's own custom properties
  // on the element win over `:host` rules. examples/embed/page.css themes `--ot-accent: #0b57d0`, so in
  // elder mode the 下一步/提交申请 button is white on #0b57d0: 6.4:1, under 7:1. Elder mode's contrast
  // must hold under any host theme (e.g. `!important` in `:host([elder])`, or elder-only properties).
  // Remove `.fails` once it does.
  it('every text has a contrast of at least 7:1, under the host page’s theme', async () => {
    const { page, close } = await open({ elder: true });
    try {
      await expect.poll(() => page.locator('onething-form .ot-field').count()).toBeGreaterThan(5);
      expect((await measure(page)).texts.filter((t) => t.contrast < 7)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe.skipIf(!chromiumPath)('a React 19 host (examples/embed/react-host.html)', () => {
  const openHost = () =>
    openFormPage(env.browser, `${env.base}/examples/embed/react-host.html`, { waitForReady: false });

  // React 19 and preact set a JSX prop on a custom element as a *property* when the element has one:
  // the `bundle` property therefore takes a one-line string as a URL, as the attribute does.
  it('loads the form with the bundle URL given as a JSX prop', async () => {
    const { page, close } = await openHost();
    try {
      const settled = await page.evaluate(() => (window as unknown as { settled: Promise<string> }).settled);
      expect(settled).toBe('ready');
      await expect(page.locator('onething-form').getByLabel('母亲姓名').inputValue()).resolves.toBe('陈雅婷');
    } finally {
      await close();
    }
  });

  it('the `data` property reaches the form and `onething-submit` reaches the host, no console error', async () => {
    const { page, problems, close } = await openHost();
    const form = page.locator('onething-form');
    // The host's `data` (what the portal knows) is in the form.
    await expect.poll(() => form.getByLabel('母亲姓名').inputValue(), { timeout: 5000 }).toBe('陈雅婷');
    await expect(form.getByLabel('母亲手机号码').inputValue()).resolves.toBe('13859201234');
    expect(await runAxe(page)).toEqual([]);
    await page.evaluate(
      ({ data, materials }) => {
        const element = document.querySelector('onething-form') as unknown as {
          data: object;
          materials: object;
        };
        element.data = data;
        element.materials = materials;
      },
      { data: complete, materials: happyPath.materials },
    );
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    await expect
      .poll(() => page.locator('#host-result').textContent())
      .toMatch(/^已提交：.*birthCert.*birthReg/);
    expect(problems).toEqual([]);
    await close();
  });
});
