import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './createMemoryAdapter.js';
import type { MemoryScript } from './MemoryScript.js';
import type { MemoryAdapterOptions } from './createMemoryAdapter.js';
import type { SubmitRequest } from './types.js';

const T0 = Date.parse('2025-03-20T09:30:00+08:00');
const MIN = 60_000;
const DAY = 86_400_000;
/** The runner's clock, `ms` after T0, as an ISO instant. */
const at = (ms = 0) => new Date(T0 + ms).toISOString();
const call = (ms = 0, signal = new AbortController().signal) => ({ now: at(ms), signal });

const submission = (over: Partial<SubmitRequest> = {}): SubmitRequest => ({
  applicationId: 'app1',
  item: 'birthReg',
  department: 'police',
  idempotencyKey: 'app1:birthReg:1',
  attempt: 1,
  payload: { name: '王小明' },
  materials: [],
  ...over,
});
const poll = { applicationId: 'app1', item: 'birthReg', submissionKey: 'app1:birthReg:1' };
const supplement = (key: string, materials: string[] = []) => ({
  applicationId: 'app1',
  item: 'birthReg',
  department: 'police',
  idempotencyKey: key,
  submissionKey: 'app1:birthReg:1',
  materials,
});

/**
 * The department as the runner sees it: polls deliver at least once (every update so far), and the
 * runner skips event ids an earlier poll already gave it; this wrapper does the same.
 */
const adapter = (script?: MemoryScript, more: Partial<MemoryAdapterOptions> = {}) => {
  const department = createMemoryAdapter({ script, clock: () => at(0), ...more });
  const seen = new Set<string>();
  const poll: typeof department.poll = async (request, options) => {
    const all = await department.poll(request, options);
    const fresh = all.filter((u) => !seen.has(u.eventId));
    for (const u of all) seen.add(u.eventId);
    return fresh;
  };
  return Object.assign(Object.create(department) as typeof department, { poll, raw: department });
};
const statuses = (updates: Array<{ update: { status: string } }>) => updates.map((u) => u.update.status);
/** Each idempotency key took effect at most once. */
const effectsByKey = (calls: ReadonlyArray<{ idempotencyKey?: string; effective: boolean }>) => {
  const counts: Record<string, number> = {};
  for (const c of calls) if (c.effective) counts[c.idempotencyKey!] = (counts[c.idempotencyKey!] ?? 0) + 1;
  return counts;
};

describe('at-least-once polling', () => {
  it('re-delivers every update until the caller has recorded it (a lost poll answer loses nothing)', async () => {
    const department = adapter().raw;
    await department.submit(submission(), call());
    const first = await department.poll(poll, call());
    expect(statuses(first)).toEqual(['inReview', 'issued']);
    expect(await department.poll(poll, call(DAY))).toEqual(first);
  });
});

describe('createMemoryAdapter', () => {
  it('accepts by default with a numbered receipt, then reports inReview and issued at once', async () => {
    const department = adapter();
    expect(await department.submit(submission(), call())).toEqual({
      status: 'accepted',
      receiptNo: 'SL000001',
    });
    const updates = await department.poll(poll, call());
    expect(statuses(updates)).toEqual(['inReview', 'issued']);
    expect(updates.map((u) => u.eventId)).toEqual(['app1:birthReg:1', 'app1:birthReg:2']);
    expect(updates[1]!.update).toEqual({ status: 'issued', licence: { no: 'ZZ000001' } });
    expect(await department.poll(poll, call(DAY))).toEqual([]);
  });

  it('fills receipt and licence patterns and issues outputs from one counter, never at random', async () => {
    const script: MemoryScript = {
      default: {
        intake: { outcome: 'accept', receiptNo: '{department}-{item}-{seq:4}' },
        steps: [
          {
            status: 'issued',
            electronic: true,
            licenceNo: 'CS{seq}',
            outputs: { birthCertNo: 'N350{seq:6}', n: 2 },
          },
        ],
      },
    };
    const run = async () => {
      const department = adapter(script);
      await department.submit(submission({ item: 'a', idempotencyKey: 'ka' }), call());
      const b = await department.submit(submission({ item: 'b', idempotencyKey: 'kb' }), call());
      const updates = await department.poll(
        { applicationId: 'app1', item: 'b', submissionKey: 'kb' },
        call(),
      );
      return { b, updates };
    };
    const first = await run();
    expect(first.b).toEqual({ status: 'accepted', receiptNo: 'police-b-0002' });
    expect(first.updates[0]!.update).toEqual({
      status: 'issued',
      licence: { no: 'CS2', electronic: true },
      outputs: { birthCertNo: 'N350000002', n: 2 },
    });
    expect(await run()).toEqual(first);
  });

  it('refuses at intake with the scripted reasons and reports nothing afterwards', async () => {
    const reasons = [{ 'zh-CN': '不属于本机关管辖', en: 'Not our jurisdiction' }];
    const department = adapter({ items: { birthReg: { intake: { outcome: 'refuse', reasons } } } });
    expect(await department.submit(submission(), call())).toEqual({ status: 'refused', reasons });
    expect(await department.poll(poll, call(DAY))).toEqual([]);
    expect(department.calls[0]).toMatchObject({ method: 'submit', effective: true, outcome: 'refused' });
  });

  it('fails transiently for the first N calls of an outage, then accepts the same key once', async () => {
    const department = adapter({ items: { birthReg: { outage: { failures: 2 } } } });
    const results = [];
    for (let attempt = 1; attempt <= 4; attempt++)
      results.push(await department.submit(submission({ attempt }), call(attempt * MIN)));
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'accepted', 'accepted']);
    expect(results[0]).toMatchObject({ transient: true });
    expect(department.calls.map((c) => c.effective)).toEqual([false, false, true, false]);
    expect(effectsByKey(department.calls)).toEqual({ 'app1:birthReg:1': 1 });
  });

  it('fails permanently in a permanent outage, without effect', async () => {
    const department = adapter({ default: { outage: { permanent: true, message: '系统停机' } } });
    expect(await department.submit(submission(), call())).toEqual({
      status: 'failed',
      transient: false,
      message: '系统停机',
    });
    expect(await department.reconcile(submission(), call())).toBeUndefined();
  });

  it('hangs until aborted; the submission took effect, so a retry and reconcile find it', async () => {
    const department = adapter({ items: { birthReg: { hang: 1 } } });
    const controller = new AbortController();
    const pending = department.submit(submission(), call(0, controller.signal));
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    controller.abort();
    expect(await pending).toEqual({ status: 'failed', transient: true, message: 'aborted' });
    expect(await department.reconcile(submission(), call())).toEqual({
      status: 'accepted',
      receiptNo: 'SL000001',
    });
    expect(await department.submit(submission({ attempt: 2 }), call(MIN))).toEqual({
      status: 'accepted',
      receiptNo: 'SL000001',
    });
    expect(effectsByKey(department.calls)).toEqual({ 'app1:birthReg:1': 1 });
  });

  it('answers slowly through the injected sleep, and an abort during the wait is a transient failure', async () => {
    const waits: number[] = [];
    const controller = new AbortController();
    const department = adapter(
      { default: { slowMs: 1500 } },
      {
        sleep: async (ms) => {
          waits.push(ms);
          if (waits.length === 2) controller.abort();
        },
      },
    );
    expect(await department.submit(submission(), call())).toMatchObject({ status: 'accepted' });
    const second = await department.submit(
      submission({ idempotencyKey: 'k2', item: 'x' }),
      call(0, controller.signal),
    );
    expect(second).toEqual({ status: 'failed', transient: true, message: 'aborted' });
    expect(waits).toEqual([1500, 1500]);
  });

  it('answers an already aborted call at once, without effect', async () => {
    const controller = new AbortController();
    controller.abort();
    const department = adapter();
    expect(await department.submit(submission(), call(0, controller.signal))).toMatchObject({
      status: 'failed',
    });
    expect(department.calls[0]!.effective).toBe(false);
  });

  it('delivers steps at their scheduled instants on the runner clock, each once', async () => {
    const department = adapter({
      default: {
        steps: [
          { status: 'inReview', afterMs: 10 * MIN },
          { status: 'specialStep', step: '现场核查', afterDays: 1 },
          { status: 'specialStepEnded', afterDays: 2 },
          { status: 'approved', afterMs: 1 },
          { status: 'issued' },
        ],
      },
    });
    await department.submit(submission(), call());
    expect(await department.poll(poll, call(10 * MIN - 1))).toEqual([]);
    expect(statuses(await department.poll(poll, call(10 * MIN)))).toEqual(['inReview']);
    // A late poll gets everything due since, in script order.
    const late = await department.poll(poll, call(10 * DAY));
    expect(statuses(late)).toEqual(['specialStep', 'specialStepEnded', 'approved', 'issued']);
    expect(late[0]!.update).toEqual({ status: 'specialStep', step: '现场核查' });
    expect(late.map((u) => u.eventId)).toEqual([
      'app1:birthReg:2',
      'app1:birthReg:3',
      'app1:birthReg:4',
      'app1:birthReg:5',
    ]);
  });

  it('can deliver one update twice with the same event id', async () => {
    const department = adapter({ default: { steps: [{ status: 'approved', answerTwice: true }] } });
    await department.submit(submission(), call());
    const updates = await department.poll(poll, call());
    expect(updates).toHaveLength(2);
    expect(updates[0]).toEqual(updates[1]);
  });

  it('after a correction request, continues only once the answer (supplement) arrives', async () => {
    const reasons = [{ 'zh-CN': '出生医学证明不清晰' }];
    const department = adapter({
      default: {
        steps: [
          { status: 'correctionRequested', reasons, afterMs: MIN },
          { status: 'issued', afterMs: 5 * MIN },
        ],
      },
    });
    await department.submit(submission(), call());
    expect(await department.poll(poll, call(2 * MIN))).toMatchObject([
      { update: { status: 'correctionRequested', reasons } },
    ]);
    expect(await department.poll(poll, call(DAY))).toEqual([]);
    expect(await department.supplement(supplement('s1', ['birthProof']), call(DAY))).toEqual({
      status: 'ok',
    });
    expect(await department.poll(poll, call(DAY + 5 * MIN - 1))).toEqual([]);
    expect(statuses(await department.poll(poll, call(DAY + 5 * MIN)))).toEqual(['issued']);
  });

  it('holds back issuance while a 容缺 (deferred) material is outstanding', async () => {
    const department = adapter({
      default: {
        steps: [
          { status: 'approved', afterDays: 1 },
          { status: 'issued', afterDays: 1 },
        ],
      },
    });
    const materials = [
      { material: 'marriageCert', source: 'provided' as const },
      { material: 'propertyProof', source: 'deferred' as const },
    ];
    await department.submit(submission({ materials }), call());
    expect(statuses(await department.poll(poll, call(5 * DAY)))).toEqual(['approved']);
    await department.supplement(supplement('s-other', ['marriageCert']), call(6 * DAY));
    expect(await department.poll(poll, call(7 * DAY))).toEqual([]);
    await department.supplement(supplement('s-deferred', ['propertyProof']), call(8 * DAY));
    expect(statuses(await department.poll(poll, call(8 * DAY)))).toEqual(['issued']);
  });

  it('applies a repeated supplement or withdrawal key once', async () => {
    const department = adapter({ default: { steps: [{ status: 'issued', afterDays: 3 }] } });
    await department.submit(submission(), call());
    await department.supplement(supplement('s1'), call(MIN));
    await department.supplement(supplement('s1'), call(2 * MIN));
    const withdrawal = { ...supplement('w1'), receiptNo: 'SL000001' };
    expect(await department.withdraw(withdrawal, call(3 * MIN))).toEqual({ status: 'ok' });
    expect(await department.withdraw(withdrawal, call(4 * MIN))).toEqual({ status: 'ok' });
    expect(effectsByKey(department.calls)).toEqual({ 'app1:birthReg:1': 1, s1: 1, w1: 1 });
    // Withdrawn: the licence never comes.
    expect(await department.poll(poll, call(10 * DAY))).toEqual([]);
  });

  it('refuses to supplement a submission it never accepted', async () => {
    const result = await adapter().supplement(supplement('s1'), call());
    expect(result).toMatchObject({ status: 'failed', transient: false });
  });

  it('resubmitting the same key returns the same result; a new key is a new submission', async () => {
    const department = adapter();
    const first = await department.submit(submission(), call());
    expect(await department.submit(submission({ attempt: 2 }), call(MIN))).toEqual(first);
    const again = await department.submit(submission({ idempotencyKey: 'app1:birthReg:2' }), call(2 * MIN));
    expect(again).toEqual({ status: 'accepted', receiptNo: 'SL000002' });
    expect(effectsByKey(department.calls)).toEqual({ 'app1:birthReg:1': 1, 'app1:birthReg:2': 1 });
    expect(department.calls.map((c) => c.attempt)).toEqual([1, 2, 1]);
  });

  it('reconciles a known key to its stored result and an unknown one to undefined', async () => {
    const department = adapter();
    const result = await department.submit(submission(), call());
    expect(await department.reconcile(submission(), call())).toEqual(result);
    expect(await department.reconcile(submission({ idempotencyKey: 'never' }), call())).toBeUndefined();
  });

  it('falls back on the injected clock when a call carries no valid instant', async () => {
    const department = adapter(
      { default: { steps: [{ status: 'inReview', afterMs: MIN }] } },
      { clock: () => at(MIN) },
    );
    await department.submit(submission(), { now: 'not a time', signal: new AbortController().signal });
    expect(department.calls[0]!.at).toBe(at(MIN));
    expect(await department.poll(poll, call(2 * MIN))).toHaveLength(1);
  });
});
