import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation.js';
import { loadTrace } from './loadTrace.js';
import { newborn, readRepoFile } from '../../test/fixtures/newbornRun.js';

const { compiled, data, materials } = newborn;
const read = readRepoFile;

async function recorded(): Promise<string> {
  const sim = createSimulation(compiled, {
    data,
    materials,
    traceKey: 'k',
    outcomes: { birthReg: { result: 'correction' } },
  });
  await sim.submit();
  await sim.advanceWorkingDays(2);
  await sim.answerCorrection('birthReg');
  await sim.runUntilSettled();
  sim.dispose();
  return sim.traceText();
}

describe('loadTrace', () => {
  it('steps through a recorded simulation that reproduces', async () => {
    const text = await recorded();
    const stepper = loadTrace(text, compiled, { lang: 'en' });
    expect(stepper.ok).toBe(true);
    expect(stepper.problems).toEqual([]);
    expect(stepper.summary('en')).toBe(`All ${stepper.steps.length} steps reproduce`);
    expect(stepper.summary('zh-CN')).toBe(`全部 ${stepper.steps.length} 步重现`);
    expect(stepper.steps.every((s) => s.verdict === 'reproduced')).toBe(true);
    expect(stepper.position).toBe(0);
    expect(stepper.current()).toBeUndefined();
    const first = stepper.forward()!;
    expect(first).toMatchObject({
      n: 1,
      line: 2,
      input: { type: 'submit' },
      state: { status: 'inProgress' },
    });
    expect(first.text).toContain('application in progress');
    expect(first.effects.some((e) => e.type === 'dispatch')).toBe(true);
    expect(stepper.back()).toBeUndefined();
    expect(stepper.back()).toBeUndefined(); // stays at 0
    const last = stepper.toEnd()!;
    expect(last.state.status).toBe('completed');
    expect(stepper.forward()).toBe(last); // stays at the end
    expect(stepper.goTo(3)!.n).toBe(3);
  });

  it('reports a tampered trace at the step that was changed', async () => {
    const lines = (await recorded()).split('\n');
    const index = lines.findIndex(
      (l, i) => i > 5 && l.includes('"kind":"step"') && l.includes('"to":"approved"'),
    );
    const n = (JSON.parse(lines[index]!) as { n: number }).n;
    lines[index] = lines[index]!.replace('"to":"approved"', '"to":"issued"');
    const stepper = loadTrace(lines.join('\n'), compiled, { lang: 'zh-CN' });
    expect(stepper.ok).toBe(false);
    expect(stepper.divergence).toMatchObject({ step: n, line: index + 1, what: 'effects' });
    expect(stepper.steps[n - 1]!.verdict).toBe('diverged');
    expect(stepper.steps[n - 1]!.diff).toContain('issued');
    expect(stepper.steps[n - 2]!.verdict).toBe('reproduced');
    expect(stepper.steps[n]!.verdict).toBe('notReplayed');
    expect(stepper.summary('zh-CN')).toBe(`第 ${n} 步（第 ${index + 1} 行）不一致：效果`);
    expect(stepper.problems.map((p) => p.code)).toEqual(['TRACE_DIVERGED']);
    expect(stepper.problems[0]!.messages.en).toMatch(/step/i);
  });

  it('reports a bad file as bilingual problems, never an exception', () => {
    for (const bad of ['not json at all', '', '{"kind":"header"}', '\u0000\u0001', 42]) {
      const stepper = loadTrace(bad, compiled);
      expect(stepper.ok).toBe(false);
      expect(stepper.problems.length).toBeGreaterThan(0);
      for (const p of stepper.problems) {
        expect(p.code).toMatch(/^TRACE_/);
        expect(p.messages['zh-CN']).not.toBe('');
        expect(p.messages.en).not.toBe('');
      }
      expect(stepper.summary('en')).not.toBe('');
      expect(stepper.toEnd()).toBeUndefined();
    }
  });

  it('refuses a trace of another bundle version without replaying it', async () => {
    const text = (await recorded()).replace('"version":"1.0.0"', '"version":"9.9.9"');
    const stepper = loadTrace(text, compiled);
    expect(stepper.problems.map((p) => p.code)).toContain('TRACE_BUNDLE_MISMATCH');
    expect(stepper.steps.length).toBeGreaterThan(0);
    expect(stepper.steps.every((s) => s.verdict === 'notReplayed')).toBe(true);
  });

  it('notices a truncated file', async () => {
    const text = (await recorded()).trimEnd().split('\n').slice(0, -3).join('\n');
    const stepper = loadTrace(text, compiled);
    expect(stepper.ok).toBe(false);
    expect(stepper.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it('replays the example traces of examples/newborn', () => {
    const stepper = loadTrace(read('examples/newborn/traces/rongque-supplied.jsonl'), compiled);
    expect(stepper.ok).toBe(true);
    expect(stepper.toEnd()!.state.status).toBe('completed');
  });
});
