import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { replayTrace } from '@onething/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation, type SimulationOptions } from './createSimulation.js';
import { newborn, ROOT } from '../../test/fixtures/newbornRun.js';

const { compiled, data, materials } = newborn;
const root = ROOT;

let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

function simulate(options: Partial<SimulationOptions> = {}): Simulation {
  sim = createSimulation(compiled, { data, materials, traceKey: 'test-key', ...options });
  return sim;
}
const item = (s: Simulation, id: string) => s.getSnapshot().items.find((i) => i.id === id)!;

describe('createSimulation (examples/newborn)', () => {
  it('runs to completion with every item approved, and its trace replays in the engine and the CLI', async () => {
    const s = simulate();
    expect(s.getSnapshot()).toMatchObject({
      status: 'draft',
      canSubmit: true,
      now: '2025-03-17T09:00:00+08:00',
    });
    await s.submit();
    const submitted = s.getSnapshot();
    expect(submitted.status).toBe('inProgress');
    expect(item(s, 'birthCert')).toMatchObject({ status: 'inReview', receiptNo: 'SL000001', limitDays: 0 });
    expect(item(s, 'birthReg').status).toBe('waiting');
    await s.runUntilSettled();
    const done = s.getSnapshot();
    expect(done.status).toBe('completed');
    expect(done.items.every((i) => i.status === 'issued')).toBe(true);
    expect(done.licences).toHaveLength(compiled.bundle.items.length);
    expect(done.warnings).toEqual([]);
    expect(done.timeline.at(-1)?.text).toContain('已办结');

    const trace = s.traceText();
    expect(trace).not.toContain('陈雅婷'); // personal data tokenised
    expect(replayTrace(compiled, trace)).toMatchObject({ ok: true, steps: s.steps().length });
    const file = join(mkdtempSync(join(tmpdir(), 'onething-sim-')), 'run.jsonl');
    writeFileSync(file, trace);
    const cli = join(root, 'packages/engine/bin/onething.js');
    const bundle = join(root, 'examples/newborn/bundle.yaml');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'replay', file, '--bundle', bundle]);
    expect(stdout).toContain(`${s.steps().length} 步全部重现`); // exit code 0, or execFile rejects
  });

  it('withholds a licence until the 容缺 material is supplied', async () => {
    const deferred = {
      ...materials,
      m_hukouBook: { kind: 'deferred' as const, signer: '陈雅婷', signedAt: '2025-03-17T09:00:00+08:00' },
    };
    const s = simulate({ materials: deferred });
    await s.submit();
    await s.advanceWorkingDays(2);
    const waiting = s.getSnapshot();
    expect(item(s, 'birthReg').status).toBe('approved');
    expect(waiting.licences.map((l) => l.item)).not.toContain('birthReg');
    expect(waiting.supplies).toEqual([
      expect.objectContaining({
        material: 'm_hukouBook',
        items: ['birthReg'],
        due: '2025-03-20',
        suspended: false,
      }),
    ]);
    await s.supply('m_hukouBook');
    await s.advanceWorkingDays(1);
    expect(item(s, 'birthReg').status).toBe('issued');
    expect(s.getSnapshot().supplies).toEqual([]);
    const issuedAt = s.getSnapshot().timeline.find((t) => t.text.includes('出生登记（户口登记） 已出证'))!.at;
    const suppliedAt = s.getSnapshot().timeline.find((t) => t.text.includes('补交 m_hukouBook'))!.at;
    expect(issuedAt >= suppliedAt).toBe(true);
    expect(replayTrace(compiled, s.traceText()).ok).toBe(true);
  });

  it('goes through a 补正 round: the clock pauses, the answer resumes the review', async () => {
    const s = simulate({ outcomes: { birthReg: { result: 'correction' } } });
    await s.submit();
    await s.advanceWorkingDays(2); // accepted on day 1 at 11:00, 补正 asked a calendar day later
    expect(item(s, 'birthReg')).toMatchObject({
      status: 'correction',
      canAnswerCorrection: true,
      paused: 'correction',
      reasons: ['模拟：请补正材料'],
    });
    await s.answerCorrection('birthReg');
    expect(item(s, 'birthReg').status).toBe('inReview');
    await s.runUntilSettled();
    expect(s.getSnapshot().status).toBe('completed');
    expect(replayTrace(compiled, s.traceText()).ok).toBe(true);
  });

  it('recovers from an outage of 2 attempts by retrying on the timers', async () => {
    const s = simulate({ outcomes: { birthCert: { result: 'approve', outageAttempts: 2 } } });
    await s.submit();
    expect(item(s, 'birthCert').status).toBe('retryWait');
    expect(s.getSnapshot().nextTimerAt).toBeDefined();
    await s.advanceToNextTimer();
    expect(item(s, 'birthCert').status).toBe('retryWait');
    await s.advanceToNextTimer();
    expect(item(s, 'birthCert')).toMatchObject({ status: 'inReview', receiptNo: 'SL000002' });
    const submits = s.departments.health!.calls.filter(
      (c) => c.method === 'submit' && c.item === 'birthCert',
    );
    expect(submits.map((c) => c.outcome)).toEqual(['failed', 'failed', 'accepted']);
    await s.runUntilSettled();
    expect(s.getSnapshot().status).toBe('completed');
  });

  it('raises 预警 and then 超期 when the clock passes a limit without a decision', async () => {
    const s = simulate({ outcomes: { ssCard: { result: 'accept' } } });
    await s.submit();
    await s.advanceWorkingDays(3);
    const ss = item(s, 'ssCard');
    expect(ss).toMatchObject({ status: 'inReview', limitDays: 5, overdue: false });
    expect(ss.daysLeft).toBeGreaterThan(0);
    await s.advanceWorkingDays(6);
    const late = s.getSnapshot();
    expect(late.warnings.map((w) => [w.item, w.kind])).toEqual([
      ['ssCard', 'slaWarning'],
      ['ssCard', 'overdue'],
    ]);
    expect(item(s, 'ssCard')).toMatchObject({ overdue: true, warned: true });
    expect(item(s, 'ssCard').daysLeft).toBeLessThan(0);
    expect(replayTrace(compiled, s.traceText()).ok).toBe(true);
  });

  it('keeps a refused submission as a draft with the one-time notice', async () => {
    const s = simulate({ data: { ...data, babyName: undefined, motherMobile: '123' }, lang: 'en' });
    await s.submit();
    const snap = s.getSnapshot();
    expect(snap.status).toBe('draft');
    expect(snap.canSubmit).toBe(true);
    const entries = snap.notice!.flatMap((g) => g.entries.map((e) => e.key));
    expect(entries).toEqual(expect.arrayContaining(['babyName', 'motherMobile']));
    expect(snap.notice![0]!.entries[0]!.reasons[0]).toMatch(/[a-z]/);
  });

  it('refuses and denies as scripted, and the application ends partially completed', async () => {
    const s = simulate({
      outcomes: { vaccineCert: { result: 'refuse' }, parentingGuide: { result: 'deny' } },
    });
    await s.submit();
    expect(item(s, 'vaccineCert')).toMatchObject({ status: 'refused', reasons: ['模拟：不符合受理条件'] });
    await s.runUntilSettled();
    expect(item(s, 'parentingGuide').status).toBe('denied');
    expect(s.getSnapshot().status).toBe('partiallyCompleted');
  });

  it('abandons a reply slower than the department timeout and retries it', async () => {
    const s = simulate({
      outcomes: {
        birthCert: { result: 'approve', slowSeconds: 5 },
        vaccineCert: { result: 'approve', slowSeconds: 60 },
      },
    });
    await s.submit();
    expect(item(s, 'birthCert').status).toBe('inReview');
    expect(item(s, 'vaccineCert').status).toBe('retryWait');
    expect(s.getSnapshot().now).toBe('2025-03-17T09:00:05+08:00');
  });

  it('verifies and breaches 告知承诺 commitments', async () => {
    const committed = {
      ...materials,
      m_noHouseCommit: {
        kind: 'committed' as const,
        signer: '陈雅婷',
        signedAt: '2025-03-17T09:00:00+08:00',
      },
    };
    const s = simulate({ data: { ...data, householdType: 'COLLECTIVE' }, materials: committed });
    await s.submit();
    await s.runUntilSettled();
    const pending = s.getSnapshot().verifications;
    expect(pending).toEqual([
      expect.objectContaining({
        item: 'birthReg',
        material: 'm_noHouseCommit',
        status: 'pending',
        method: 'interDepartment',
      }),
    ]);
    await s.verify('birthReg', 'm_noHouseCommit', 'breached', '承诺不实');
    expect(item(s, 'birthReg').status).toBe('revoked');
    expect(s.getSnapshot().status).toBe('partiallyCompleted');
    expect(replayTrace(compiled, s.traceText()).ok).toBe(true);
  });

  it('withdraws, reports bad input as messages and switches language', async () => {
    const s = simulate();
    await s.advanceToNextTimer();
    expect(s.getSnapshot().messages.map((m) => m.code)).toEqual(['SIMULATE_NO_TIMER']);
    await s.submit();
    await s.advanceWorkingDays(0.5);
    expect(s.getSnapshot().messages[0]).toMatchObject({ code: 'SIMULATE_BAD_DAYS', severity: 'error' });
    s.setLang('en');
    expect(s.getSnapshot().messages[0]!.text).toContain('whole number');
    expect(s.getSnapshot().statusText).toBe('in progress');
    await s.withdraw('changed my mind');
    expect(s.getSnapshot()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    await s.submit();
    expect(s.getSnapshot().messages.map((m) => m.code)).toEqual(['SIMULATE_NOT_DRAFT']);
  });

  it('changes an outcome only while the item has not reached its department', async () => {
    const s = simulate();
    s.setOutcome('birthReg', { result: 'deny' });
    await s.submit();
    s.setOutcome('birthCert', { result: 'refuse' }); // already accepted: ignored
    expect(item(s, 'birthCert').outcome).toEqual({ result: 'approve' });
    expect(item(s, 'birthCert').outcomeEditable).toBe(false);
    expect(item(s, 'birthReg').outcomeEditable).toBe(true);
    await s.runUntilSettled();
    expect(item(s, 'birthReg').status).toBe('denied');
  });
});
