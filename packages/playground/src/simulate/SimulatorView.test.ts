import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation.js';
import { ItemStateTable } from './ItemStateTable.js';
import { loadTrace } from './loadTrace.js';
import { ReplayPanel } from './ReplayPanel.js';
import { SimulationPanels } from './SimulationPanels.js';
import { SimulatorView } from './SimulatorView.js';
import { newborn } from '../../test/fixtures/newbornRun.js';

const { compiled, data, materials } = newborn;
const noop = () => undefined;

describe('SimulatorView', () => {
  it('renders the outcome pickers, actions and trace controls as labelled controls, without inline styles', () => {
    const html = renderToString(h(SimulatorView, { compiled, data, materials, lang: 'en' }));
    expect(html).toContain('<h2 id="sim-title">Simulation</h2>');
    expect(html).toContain('<label for="sim-outcome-birthReg">Household registration');
    expect(html).toContain('<select id="sim-outcome-birthReg"');
    expect(html).toContain('Request a correction, then approve');
    expect(html).toMatch(/<button type="button"[^>]*>Submit the application<\/button>/);
    expect(html).toMatch(/<button type="button" disabled[^>]*>Advance 1 working days<\/button>/);
    expect(html).toContain('Download trace');
    expect(html).toMatch(/<label class="sim-file"><span>Load trace<\/span><input type="file"/);
    expect(html).toContain('aria-live="polite"');
    expect(html).not.toMatch(/\sstyle=/);
    const zh = renderToString(h(SimulatorView, { compiled, data, materials, lang: 'zh-CN' }));
    expect(zh).toContain('提交申请');
    expect(zh).toContain('下载轨迹');
    expect(zh).toContain('载入轨迹');
  });

  it('renders statuses, 容缺 deadlines and actions of a running simulation, escaping text', async () => {
    const deferred = {
      ...materials,
      m_hukouBook: { kind: 'deferred' as const, signer: 'x', signedAt: '2025-03-17T09:00:00+08:00' },
    };
    const sim = createSimulation(compiled, {
      data,
      materials: deferred,
      traceKey: 'k',
      outcomes: { ssCard: { result: 'accept' }, vaccineCert: { result: 'refuse' } },
    });
    await sim.submit();
    await sim.advanceWorkingDays(9);
    const snapshot = sim.getSnapshot();
    sim.dispose();
    const table = renderToString(
      h(ItemStateTable, {
        items: snapshot.items,
        lang: 'zh-CN',
        busy: false,
        onAnswerCorrection: noop,
        onRetry: noop,
      }),
    );
    expect(table).toContain('不予受理');
    expect(table).toContain('模拟：不符合受理条件');
    const panels = renderToString(
      h(SimulationPanels, { snapshot, lang: 'zh-CN', onSupply: noop, onVerify: noop }),
    );
    expect(panels).toContain('容缺材料');
    expect(panels).toMatch(/补交期限 2025-03-\d\d/);
    expect(panels).toMatch(/<button type="button">补交<\/button>/);

    const hostile = {
      ...snapshot,
      licences: [{ item: 'x', itemName: '<img src=x onerror=alert(1)>', no: '1', electronic: false }],
    };
    const escaped = renderToString(
      h(SimulationPanels, { snapshot: hostile, lang: 'en', onSupply: noop, onVerify: noop }),
    );
    expect(escaped).toContain('&lt;img src=x');
    expect(escaped).not.toContain('<img');
  });

  it('renders a diverging replay step with its diff and verdict', async () => {
    const sim = createSimulation(compiled, { data, materials, traceKey: 'k' });
    await sim.submit();
    sim.dispose();
    const tampered = sim.traceText().replace('"to":"dispatching"', '"to":"inReview"');
    const stepper = loadTrace(tampered, compiled, { lang: 'en' });
    stepper.goTo(stepper.divergence!.step);
    const html = renderToString(h(ReplayPanel, { stepper, fileName: 't.jsonl', lang: 'en', onClose: noop }));
    expect(html).toContain('Trace replay: t.jsonl');
    expect(html).toContain('diverges: effects');
    expect(html).toContain('sim-verdict-diverged');
    expect(html).toContain('<summary>Difference</summary>');
    expect(html).toContain(`Step ${stepper.divergence!.step} of ${stepper.steps.length}`);
  });
});
