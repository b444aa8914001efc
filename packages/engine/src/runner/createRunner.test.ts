/**
 * The runner against bad input and faults (issue #3, "Bad input and faults"): departments that answer
 * with the wrong shape, throw, hang or answer twice, a clock set backwards, a missing adapter, two
 * runners on one store and a record of another bundle. Each ends in a defined state or a clear
 * diagnostic, never a crash, and no submission is lost or made twice.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../adapters/createMemoryAdapter.js';
import type {
  AbortSignalLike,
  AdapterMap,
  CallOptions,
  DepartmentAdapter,
  SubmitRequest,
  UpdateEnvelope,
} from '../adapters/types.js';
import { formatInstant, parseInstant } from '../flow/instants.js';
import type { Flow } from '../flow/createFlow.js';
import type { SubmitResult } from '../flow/types.js';
import { miniData, miniFlow, miniMaterials } from '../../test/fixtures/flowFixture.js';
import { createMemoryStore } from './createMemoryStore.js';
import { createRunner } from './createRunner.js';
import { createVirtualClock } from './createVirtualClock.js';
import type { RunnerOptions, RunnerStep } from './types.js';

const flow: Flow = miniFlow();
const START = '2025-03-20T09:00:00+08:00';
const MIN = 60_000;
const DAY = 86_400_000;
const submit = { type: 'submit', data: miniData(), materials: miniMaterials() } as const;

/** A hand-written department: `answer` decides each submit; every request is recorded. */
function department(answer: (request: SubmitRequest, options: CallOptions) => unknown) {
  const submits: SubmitRequest[] = [];
  const signals: AbortSignalLike[] = [];
  const adapter: DepartmentAdapter = {
    submit(request, options) {
      submits.push(request);
      signals.push(options.signal);
      return answer(request, options) as Promise<SubmitResult>;
    },
    supplement: async () => ({ status: 'ok' }),
    withdraw: async () => ({ status: 'ok' }),
  };
  return { adapter, submits, signals };
}

/** A scripted memory department whose birth certificate carries the number `birthReg` needs. */
function memoryDepartment(clock: { now(): number }) {
  return createMemoryAdapter({
    clock: () => formatInstant(clock.now()),
    script: {
      items: { birthCert: { steps: [{ status: 'issued', outputs: { birthCertNo: 'O350123456' } }] } },
    },
  });
}

/** A runner on a virtual clock, recording its steps; `adapters` may use the clock. */
function setup(
  adapters: (clock: ReturnType<typeof createVirtualClock>) => RunnerOptions['adapters'],
  more: Partial<RunnerOptions> = {},
) {
  const clock = createVirtualClock(START);
  const store = createMemoryStore();
  const runner = createRunner({ flow, adapters: adapters(clock), store, clock, ...more });
  const steps: RunnerStep[] = [];
  runner.subscribe((step) => steps.push(step));
  /** Create `A1`, submit it a minute later and wait for the department calls. */
  const start = async () => {
    await runner.create('A1');
    clock.advance(MIN);
    const decision = await runner.send('A1', submit);
    await runner.idle();
    return decision;
  };
  const item = (id: string) => runner.get('A1')!.items[id]!;
  return { clock, store, runner, steps, start, item };
}

const codes = (step: RunnerStep | { decision: { diagnostics: Array<{ code: string }> } }) =>
  step.decision.diagnostics.map((d) => d.code);

describe('an adapter answering with the wrong shape', () => {
  const wrong: Array<[string, unknown]> = [
    ['an unknown status', { status: 'great' }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'accepted'],
    ['an array', [{ status: 'accepted', receiptNo: 'R1' }]],
    ['accepted without a receipt number', { status: 'accepted' }],
    ['accepted with an empty receipt number', { status: 'accepted', receiptNo: '' }],
    ['refused without reasons', { status: 'refused' }],
    ['failed without transient', { status: 'failed', message: 'x' }],
    ['ok (an answer to a supplement, not a submission)', { status: 'ok' }],
  ];

  it.each(wrong)('%s: the item fails for good, the other items go on', async (_, answer) => {
    const police = department(async () => answer);
    const { runner, clock, start, item } = setup((clock) => ({
      health: memoryDepartment(clock),
      police: police.adapter,
    }));
    await start();
    expect(item('birthCert').status).toBe('inReview');
    clock.advance(MIN);
    await runner.tick(); // birthCert issued: birthReg and benefit are dispatched
    await runner.idle();

    const birthReg = item('birthReg');
    expect(birthReg.status).toBe('failed');
    expect(birthReg.reasons?.[0]?.en).toMatch(/^wrong answer shape: result/);
    expect(police.submits).toHaveLength(1); // permanent: not retried
    expect(Object.values(runner.get('A1')!.timers).filter((t) => t.item === 'birthReg')).toEqual([]);
    expect(Object.keys(runner.get('A1')!.pending)).toEqual([]);

    clock.advance(MIN);
    await runner.tick();
    await runner.idle();
    expect(item('benefit').status).toBe('issued');
    expect(item('birthCert').status).toBe('issued');
  });

  it('keeps only the known fields of a well-formed answer', async () => {
    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1', secret: 'x' }));
    const { start, item, runner } = setup(() => ({ health: health.adapter }));
    await start();
    expect(item('birthCert')).toMatchObject({ status: 'inReview', receiptNo: 'R-1' });
    expect(JSON.stringify(runner.get('A1'))).not.toContain('secret');
  });

  it(
    // Regression (fixed): `raceAbort` calls `promise.then` on whatever `submit` returned, so a plain (non-promise)
    // answer becomes the transient failure "adapter error: promise.then is not a function" and is
    // retried, instead of being taken as the answer it is (or reported as a wrong shape). Without an
    // AbortController on the host the same adapter works, since `await` accepts plain values.
    'takes a synchronous (non-promise) answer as the answer',
    async () => {
      const health = department(() => ({ status: 'accepted', receiptNo: 'R-sync' }));
      const { start, item } = setup(() => ({ health: health.adapter }));
      await start();
      expect(item('birthCert')).toMatchObject({ status: 'inReview', receiptNo: 'R-sync' });
    },
  );
});

describe('an adapter that throws', () => {
  const throwing: Array<[string, () => unknown]> = [
    [
      'synchronously',
      () => {
        throw new Error('boom');
      },
    ],
    ['with a rejected promise', () => Promise.reject(new Error('boom'))],
    ['a non-error value', () => Promise.reject('boom')],
  ];

  it.each(throwing)('%s: a transient failure, retried with the same key', async (_, fail) => {
    let calls = 0;
    // `fail` runs inside `submit`, so the first case throws from `submit` itself.
    const health = department((request) =>
      ++calls === 1 ? fail() : Promise.resolve({ status: 'accepted', receiptNo: `R-${request.attempt}` }),
    );
    const { runner, clock, start, item, steps } = setup(() => ({ health: health.adapter }));
    await start();

    const birthCert = item('birthCert');
    expect(birthCert.status).toBe('retryWait');
    expect(birthCert.reasons?.[0]?.en).toBe('adapter error: boom');
    const retry = Object.values(runner.get('A1')!.timers).find((t) => t.purpose === 'retry');
    expect(retry).toMatchObject({ item: 'birthCert' });
    expect(steps.at(-1)!.decision.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    clock.set(parseInstant(retry!.at)!);
    await runner.tick();
    await runner.idle();
    expect(item('birthCert').status).toBe('inReview');
    expect(health.submits).toHaveLength(2);
    expect(health.submits[1]!.idempotencyKey).toBe(health.submits[0]!.idempotencyKey);
    expect(health.submits.map((s) => s.attempt)).toEqual([1, 2]);
  });

  it('fails for good once the retry budget is spent', async () => {
    const health = department(() => Promise.reject(new Error('down')));
    const { runner, clock, start, item } = setup(() => ({ health: health.adapter }));
    await start();
    for (let round = 0; round < 10 && item('birthCert').status === 'retryWait'; round++) {
      const retry = Object.values(runner.get('A1')!.timers).find((t) => t.purpose === 'retry')!;
      clock.set(parseInstant(retry.at)!);
      await runner.tick();
      await runner.idle();
    }
    expect(item('birthCert').status).toBe('failed');
    expect(health.submits).toHaveLength(5); // the default maxAttempts
    expect(new Set(health.submits.map((s) => s.idempotencyKey)).size).toBe(1);
  });
});

describe('an adapter that hangs', () => {
  it('ignoring its signal: the call timeout makes it a transient failure', async () => {
    const health = department(() => new Promise(() => undefined));
    const { start, item, runner } = setup(() => ({ health: health.adapter }), { callTimeoutMs: 20 });
    await start();
    expect(item('birthCert').status).toBe('retryWait');
    expect(item('birthCert').reasons?.[0]?.en).toMatch(/timed out/);
    expect(health.signals[0]!.aborted).toBe(true);
    expect(Object.keys(runner.get('A1')!.pending)).toEqual([]);
  });

  it('honouring its signal: the abort is a transient failure too', async () => {
    const health = department(
      (_, { signal }) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () =>
            resolve({ status: 'failed', transient: true, message: 'aborted' }),
          ),
        ),
    );
    const { start, item } = setup(() => ({ health: health.adapter }), { callTimeoutMs: 20 });
    await start();
    expect(item('birthCert').status).toBe('retryWait');
  });

  it(
    // Regression (fixed): `callAdapter` awaits `adapter.reconcile` without `raceAbort`, so a reconcile that ignores
    // its signal keeps a restored call in flight forever: the item stays `dispatching`, `idle()`
    // never resolves, and the call timeout does not apply to it.
    'a hanging reconcile of a resumed call times out as well',
    async () => {
      const store = createMemoryStore();
      const clock = createVirtualClock(START);
      const first = createRunner({ flow, adapters: {}, store, clock });
      first.subscribe((step) => {
        if (step.input.event.type === 'submit') first.close(); // dies before dispatching
      });
      await first.create('A1');
      await first.send('A1', submit);

      let aborted!: () => void;
      const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
      const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
      health.adapter.reconcile = (_, { signal }) => {
        signal.addEventListener('abort', () => aborted());
        return new Promise(() => undefined);
      };
      const second = createRunner({
        flow,
        adapters: { health: health.adapter },
        store,
        clock,
        callTimeoutMs: 20,
      });
      expect(await second.restore()).toEqual([]);
      await abortSeen;
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(second.get('A1')!.items.birthCert!.status).not.toBe('dispatching');
    },
  );

  it(
    // Regression (fixed): `poll` awaits `adapter.poll` with a signal no timer ever aborts and without `raceAbort`,
    // so one department whose poll hangs blocks `tick()` for good, and with it every due timer of
    // every later application. It should time out like the other calls and be retried next tick.
    'a hanging poll does not block tick()',
    async () => {
      const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
      health.adapter.poll = () => new Promise(() => undefined);
      const { start, runner, item } = setup(() => ({ health: health.adapter }), { callTimeoutMs: 20 });
      await start();
      expect(item('birthCert').status).toBe('inReview');
      // Not a timing assertion: a generous bound (25× the call timeout) only keeps a hang from
      // stalling the suite.
      const outcome = await Promise.race([
        runner.tick().then(() => 'ticked'),
        new Promise((resolve) => setTimeout(() => resolve('hung'), 500)),
      ]);
      expect(outcome).toBe('ticked');
    },
  );
});

describe('a department answering twice', () => {
  it('applies an update event id once, however often it is delivered', async () => {
    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
    const polls: string[] = [];
    const envelope = (eventId: string): UpdateEnvelope => ({
      eventId,
      applicationId: 'A1',
      item: 'birthCert',
      update: { status: 'approved' },
    });
    health.adapter.poll = async (request) => {
      polls.push(request.item);
      // At least once, and then some: the same event twice in each poll.
      return request.item === 'birthCert' ? [envelope('E-1'), envelope('E-1')] : [];
    };
    const { runner, clock, start, item, steps } = setup(() => ({ health: health.adapter }));
    await start();
    clock.advance(MIN);
    await runner.tick();
    clock.advance(MIN);
    await runner.tick();
    await runner.idle();

    expect(polls.filter((p) => p === 'birthCert').length).toBeGreaterThanOrEqual(2);
    const applied = steps.filter(
      (s) => s.input.event.type === 'departmentUpdate' && s.input.event.eventId === 'E-1',
    );
    expect(applied).toHaveLength(1);
    expect(item('birthCert').status).toBe('approved');
    expect(runner.get('A1')!.seen.filter((id) => id === 'E-1')).toEqual(['E-1']);
  });

  it('a repeated event sent directly is a duplicate, not a second change', async () => {
    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
    const { runner, start, store } = setup(() => ({ health: health.adapter }));
    await start();
    const event = {
      type: 'departmentUpdate',
      item: 'birthCert',
      eventId: 'E-9',
      update: { status: 'approved' },
    } as const;
    const once = await runner.send('A1', event);
    const revision = (await store.load('A1'))!.revision;
    const twice = await runner.send('A1', event);
    expect(codes({ decision: once })).toEqual([]);
    expect(codes({ decision: twice })).toEqual(['FLOW_DUPLICATE_UPDATE']);
    expect(twice.state).toBe(once.state);
    expect((await store.load('A1'))!.revision).toBe(revision);
  });
});

describe('a virtual clock set backwards', () => {
  it('is a warning; updatedAt never decreases and timers fire in order', async () => {
    let answer!: (result: SubmitResult) => void;
    const health = department(() => new Promise((resolve) => (answer = resolve)));
    const { runner, clock, store, steps } = setup(() => ({ health: health.adapter }));
    await runner.create('A1');
    clock.advance(MIN);
    const submitted = await runner.send('A1', submit); // its answer is held back
    const submittedAt = submitted.state.updatedAt;

    clock.advance(-2 * 3600_000);
    answer({ status: 'accepted', receiptNo: 'R-1' });
    await runner.idle();
    const accepted = steps.at(-1)!;
    expect(accepted.input.event.type).toBe('adapterResult');
    expect(codes(accepted)).toEqual(['FLOW_CLOCK_BACKWARDS']);
    expect(accepted.decision.diagnostics[0]!.severity).toBe('warning');
    expect(accepted.decision.state.items.birthCert!.status).toBe('inReview');
    expect(accepted.decision.state.updatedAt).toBe(submittedAt);
    expect((await store.load('A1'))!.state.updatedAt).toBe(submittedAt);
    // Timers are armed from the last instant, not from the earlier one the clock gave.
    const armed = Object.values(runner.get('A1')!.timers);
    expect(armed.length).toBeGreaterThanOrEqual(2);
    for (const timer of armed) expect(parseInstant(timer.at)!).toBeGreaterThan(parseInstant(submittedAt)!);

    clock.set(parseInstant(submittedAt)! + 30 * DAY);
    await runner.tick();
    await runner.idle();
    const fired = steps
      .filter((s) => s.input.event.type === 'timer')
      .map((s) => armed.find((t) => s.input.event.type === 'timer' && t.id === s.input.event.id));
    expect(fired.length).toBe(armed.length);
    const firedAt = fired.map((t) => parseInstant(t!.at)!);
    expect(firedAt).toEqual([...firedAt].sort((a, b) => a - b));

    const updated = steps.map((s) => parseInstant(s.decision.state.updatedAt)!);
    for (let i = 1; i < updated.length; i++) expect(updated[i]!).toBeGreaterThanOrEqual(updated[i - 1]!);
  });
});

describe('a department without an adapter', () => {
  it('fails the item for good with a message naming the department', async () => {
    const { start, item, runner } = setup(() => ({}));
    const decision = await start();
    expect(decision.state.items.birthCert!.status).toBe('dispatching');
    expect(item('birthCert').status).toBe('failed');
    expect(item('birthCert').reasons?.[0]?.en).toBe('no adapter for department health');
    expect(runner.get('A1')!.timers).toEqual({});
    expect(runner.get('A1')!.status).toBe('inProgress'); // an operator may retry
  });

  it('an adapter keyed by item id wins over the department one', async () => {
    const byDepartment = department(async () => ({ status: 'great' }));
    const byItem = department(async () => ({ status: 'accepted', receiptNo: 'R-item' }));
    const { start, item } = setup(() => ({ health: byDepartment.adapter, birthCert: byItem.adapter }));
    await start();
    expect(item('birthCert')).toMatchObject({ status: 'inReview', receiptNo: 'R-item' });
    expect(byDepartment.submits).toEqual([]);
  });

  it('does not take an adapter from the prototype of the map', async () => {
    const inherited = department(async () => ({ status: 'accepted', receiptNo: 'R-x' }));
    const { start, item } = setup(() => Object.create({ health: inherited.adapter }) as AdapterMap);
    await start();
    expect(item('birthCert').status).toBe('failed');
    expect(inherited.submits).toEqual([]);
  });
});

describe('two runners on one store', () => {
  it('the second to decide gets FLOW_STATE_MISMATCH and overwrites nothing', async () => {
    const store = createMemoryStore();
    const clock = createVirtualClock(START);
    const health = createMemoryAdapter({ clock: () => formatInstant(clock.now()) });
    const one = createRunner({ flow, adapters: { health }, store, clock });
    const two = createRunner({ flow, adapters: { health }, store, clock });
    await one.create('A1');
    expect(await two.restore(['A1'])).toEqual([]);
    expect(two.get('A1')!.status).toBe('draft');

    clock.advance(MIN);
    const first = await one.send('A1', submit);
    await one.idle();
    const saved = (await store.load('A1'))!;
    expect(saved.state.status).toBe('inProgress');

    clock.advance(MIN);
    const second = await two.send('A1', submit);
    await two.idle();
    expect(codes({ decision: second })).toEqual(['FLOW_STATE_MISMATCH']);
    expect(second.diagnostics[0]!.messages.en).toContain('revision conflict on A1');
    expect(second.effects).toEqual([]);
    expect(second.state.status).toBe('draft'); // what the second runner had, not a new state
    expect(await store.load('A1')).toEqual(saved);
    expect(first.effects.filter((e) => e.type === 'dispatch')).toHaveLength(1);
    const submits = health.calls.filter((c) => c.method === 'submit');
    expect(submits).toHaveLength(1);

    // The loser reloads on its next input and sees the application as it is now.
    expect(two.get('A1')).toBeUndefined();
    const retried = await two.send('A1', submit);
    expect(codes({ decision: retried })).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(retried.state).toEqual(saved.state);
    expect(health.calls.filter((c) => c.method === 'submit')).toHaveLength(1);
  });

  it('create on a store that already holds the application returns the stored state', async () => {
    const store = createMemoryStore();
    const clock = createVirtualClock(START);
    const one = createRunner({ flow, adapters: {}, store, clock });
    await one.create('A1');
    clock.advance(MIN);
    await one.send('A1', submit);
    await one.idle();
    const two = createRunner({ flow, adapters: {}, store, clock });
    const state = await two.create('A1');
    expect(state.status).toBe('inProgress');
    expect((await store.load('A1'))!.state).toEqual(state);
  });

  it('an unknown application is a programmer error carrying the diagnostic', async () => {
    const { runner } = setup(() => ({}));
    await expect(runner.send('nope', submit)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'FLOW_STATE_MISMATCH' })],
    });
  });
});

describe('restore', () => {
  /** A store holding `A1` submitted, with its dispatch in flight (the runner died before calling). */
  async function crashedStore() {
    const store = createMemoryStore();
    const clock = createVirtualClock(START);
    const dead = createRunner({ flow, adapters: {}, store, clock });
    dead.subscribe((step) => {
      if (step.input.event.type === 'submit') dead.close();
    });
    await dead.create('A1');
    clock.advance(MIN);
    await dead.send('A1', submit);
    await dead.idle();
    const record = (await store.load('A1'))!;
    expect(Object.values(record.state.pending).map((p) => p.type)).toEqual(['dispatch']);
    return { store, clock, record };
  }

  it('resumes in-flight calls with their idempotency keys', async () => {
    const { store, clock, record } = await crashedStore();
    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
    const runner = createRunner({ flow, adapters: { health: health.adapter }, store, clock });
    expect(await runner.restore()).toEqual([]);
    await runner.idle();
    const [call] = Object.values(record.state.pending);
    expect(health.submits.map((s) => s.idempotencyKey)).toEqual([call!.idempotencyKey]);
    expect(runner.get('A1')!.items.birthCert!.status).toBe('inReview');
  });

  it('asks reconcile first and does not submit what the department already has', async () => {
    const { store, clock } = await crashedStore();
    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-new' }));
    health.adapter.reconcile = async () => ({ status: 'accepted', receiptNo: 'R-known' });
    const runner = createRunner({ flow, adapters: { health: health.adapter }, store, clock });
    await runner.restore(['A1']);
    await runner.idle();
    expect(health.submits).toEqual([]);
    expect(runner.get('A1')!.items.birthCert!.receiptNo).toBe('R-known');
  });

  it('a record of another bundle version is reported, not resumed', async () => {
    const { store, clock, record } = await crashedStore();
    const other = structuredClone(record);
    other.revision += 1;
    other.state.bundle.hash = 'another-hash';
    expect(await store.save('A1', other)).toBe(true);

    const health = department(async () => ({ status: 'accepted', receiptNo: 'R-1' }));
    const runner = createRunner({ flow, adapters: { health: health.adapter }, store, clock });
    const diagnostics = await runner.restore();
    await runner.idle();
    expect(diagnostics.map((d) => d.code)).toEqual(['FLOW_STATE_MISMATCH']);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.messages.en).toContain('another-hash');
    expect(diagnostics[0]!.messages.en).toContain(flow.bundleHash);
    expect(runner.get('A1')).toBeUndefined();
    expect(runner.nextTimerAt()).toBeUndefined();
    expect(health.submits).toEqual([]);
    expect(await store.load('A1')).toEqual(other);
  });

  it('a record of another machine version is reported, not resumed', async () => {
    const { store, clock, record } = await crashedStore();
    const other = structuredClone(record);
    other.revision += 1;
    other.state.machineVersion += 1;
    await store.save('A1', other);
    const runner = createRunner({ flow, adapters: {}, store, clock });
    const diagnostics = await runner.restore(['A1', 'missing']);
    expect(diagnostics.map((d) => d.code)).toEqual(['FLOW_STATE_MISMATCH']);
    expect(diagnostics[0]!.messages.en).toContain(`machine v${other.state.machineVersion}`);
    expect(runner.get('A1')).toBeUndefined();
  });
});

describe('close', () => {
  it('drops the answers of calls in flight and saves nothing more', async () => {
    let answer!: (result: SubmitResult) => void;
    const health = department(() => new Promise((resolve) => (answer = resolve)));
    const { runner, clock, store, steps } = setup(() => ({ health: health.adapter }));
    await runner.create('A1');
    clock.advance(MIN);
    await runner.send('A1', submit);
    const before = await store.load('A1');
    runner.close();
    answer({ status: 'accepted', receiptNo: 'R-1' });
    await runner.idle();
    expect(await store.load('A1')).toEqual(before);
    expect(steps.map((s) => s.input.event.type)).toEqual(['submit']);
  });
});
