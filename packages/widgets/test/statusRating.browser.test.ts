// <onething-status> and <onething-rating> in a real Chromium under the strict CSP (issue #4, 6): the
// status of a real flow run (the newborn 容缺 scenario, stopped half-way) and the 好差评 levels with a
// reason required below 基本满意.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileBundle, createFlow, loadBundle, simulateApplication } from '../../engine/src/index.js';
import { openFormPage } from './fixtures/openFormPage.js';
import { REPO_ROOT } from './fixtures/startStaticServer.js';
import { chromiumPath, useWidgetBrowser } from './fixtures/useWidgetBrowser.js';

const env = useWidgetBrowser();
const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const bundle = parse(read('examples/newborn/bundle.yaml')) as Record<string, unknown>;

/** The newborn 容缺 scenario run by the flow, stopped after the first working day. */
async function midwayState() {
  const flow = createFlow(compileBundle(loadBundle(read('examples/newborn/bundle.yaml'))));
  const script = { ...JSON.parse(read('examples/newborn/scenarios/rongque-supplied.json')), horizonDays: 1 };
  script.applicant = { supply: [{ material: 'm_hukouBook', afterDays: 5 }] };
  const { state } = await simulateApplication(flow, {
    data: JSON.parse(read('examples/newborn/data/valid-complete.json')),
    script,
  });
  return state;
}

describe.skipIf(!chromiumPath)('<onething-status> and <onething-rating> (strict CSP)', () => {
  it('shows each item of a flow snapshot, with receipts, 容缺 and working days left', async () => {
    const state = await midwayState();
    expect(state.status).toBe('inProgress');
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
    );
    await page.evaluate(
      ({ state, bundle }) => {
        const el = document.createElement('onething-status') as HTMLElement & {
          state: unknown;
          bundle: unknown;
        };
        el.setAttribute('today', '2025-03-18');
        el.bundle = bundle;
        el.state = state;
        document.body.append(el);
      },
      { state, bundle },
    );
    const shown = () =>
      page.evaluate(() => document.querySelector('onething-status')!.shadowRoot!.textContent ?? '');
    await expect.poll(shown).toContain('出生登记（户口登记）');
    const text = await shown();
    expect(text).toContain('已办结'); // 《出生医学证明》 issued on the first day
    expect(text).toContain('容缺'); // the hukou book deferred for 户口登记
    expect(text).toMatch(/SL\d{6}/); // receipt numbers from the departments
    expect(text).toMatch(/剩余 \d+ 个工作日|今天是办理时限的最后一天/); // 限时办结 countdown
    expect(problems).toEqual([]);
    await close();
  });

  it('asks a reason for a low rating and reports the rating', async () => {
    const { page, problems, close } = await openFormPage(
      env.browser,
      `${env.base}/examples/embed/index.html`,
    );
    await page.evaluate((bundle) => {
      const el = document.createElement('onething-rating') as HTMLElement & { bundle: unknown };
      el.bundle = bundle;
      document.body.append(el);
      (window as unknown as { rated: Promise<unknown> }).rated = new Promise((resolve) =>
        el.addEventListener('onething-rate', (e) => resolve((e as CustomEvent).detail), { once: true }),
      );
    }, bundle);
    const rating = page.locator('onething-rating');
    const overall = rating.getByRole('radiogroup', { name: '总体评价' });
    await overall.getByRole('radio', { name: '不满意', exact: true }).check();
    await rating.getByRole('button', { name: '提交评价' }).click();
    const shown = () =>
      page.evaluate(() => document.querySelector('onething-rating')!.shadowRoot!.textContent ?? '');
    await expect.poll(shown).toContain('原因');
    await rating.getByRole('checkbox', { name: '办事效率' }).first().check();
    await rating.getByRole('button', { name: '提交评价' }).click();
    const detail = (await page.evaluate(() => (window as unknown as { rated: Promise<unknown> }).rated)) as {
      overall: number;
      reasons?: { overall?: string[] };
    };
    expect(detail.overall).toBe(2);
    expect(detail.reasons?.overall).toEqual(['efficiency']);
    expect(problems).toEqual([]);
    await close();
  });
});
