import { createMemoryAdapter, type MemoryAdapter } from '../adapters/createMemoryAdapter.js';
import type { Flow } from '../flow/createFlow.js';
import { formatInstant } from '../flow/instants.js';
import type { FlowEvent, FlowState } from '../flow/types.js';
import type { MaterialDecisions } from '../form/types.js';
import { createMemoryStore } from './createMemoryStore.js';
import { createRunner } from './createRunner.js';
import { createVirtualClock } from './createVirtualClock.js';
import { delayMs, type SimulationScript } from './SimulationScript.js';
import type { RunnerStep } from './types.js';

export interface SimulationOptions {
  data: Record<string, unknown>;
  materials?: MaterialDecisions;
  script?: SimulationScript;
  applicationId?: string;
  /** Poll departments this often on the virtual clock (default one hour). */
  pollEveryMs?: number;
  /**
   * Fault injection: after the n-th decision (1-based) the runner dies as a process would and a new
   * one is restored from the store. `'beforeEffects'` kills it between saving the state and performing
   * the effects; `'afterEffects'` once the department calls have left but before their answers are
   * recorded. The departments keep what they received, as real ones would.
   */
  crashes?: Array<{ afterStep: number; when: 'beforeEffects' | 'afterEffects' }>;
}

export interface SimulationResult {
  state: FlowState;
  /** Every decision, in order: the inputs (with their instants) and what the decider did. */
  steps: RunnerStep[];
  /** The in-memory departments, with their call logs. */
  departments: Record<string, MemoryAdapter>;
  /** The store the runners saved to (its record of the application is the last state). */
  store: ReturnType<typeof createMemoryStore>;
  /** How many times a runner was restored after an injected crash. */
  restarts: number;
}

/**
 * Run one application through the flow on a virtual clock with scripted in-memory departments
 * (受理, 审查, 补正, 出证, outages…), scripted applicant actions (容缺 supply, 补正 answers, withdrawal) and
 * 核查 outcomes, until it settles or the horizon passes. Deterministic: the same bundle, data and
 * script give the same steps, which is what `onething simulate --record` writes as a trace.
 *
 * @example
 * const { state, steps } = await simulateApplication(flow, { data, materials, script });
 * state.status; // 'completed'
 */
export async function simulateApplication(flow: Flow, options: SimulationOptions): Promise<SimulationResult> {
  const script = options.script ?? {};
  const id = options.applicationId ?? 'SIM-1';
  const clock = createVirtualClock(script.start ?? '2025-03-17T09:00:00+08:00');
  const now = () => formatInstant(clock.now());
  const departments: Record<string, MemoryAdapter> = {};
  for (const department of Object.keys(flow.compiled.bundle.departments)) {
    departments[department] = createMemoryAdapter({ department, script, clock: now });
  }
  const store = createMemoryStore();
  const makeRunner = () => createRunner({ flow, adapters: departments, store, clock, callTimeoutMs: 200 });
  let runner = makeRunner();
  const steps: RunnerStep[] = [];
  const scheduled: Array<{ at: number; event: FlowEvent }> = [];
  const schedule = (afterMs: number, event: FlowEvent) =>
    scheduled.push({ at: clock.now() + afterMs, event });
  const answer = script.applicant?.answerCorrections;
  const crashes = new Map((options.crashes ?? []).map((c) => [c.afterStep, c.when]));
  let crashed = false;
  let restarts = 0;
  const observe = (step: RunnerStep): void => {
    steps.push(step);
    const crash = crashes.get(steps.length);
    if (crash) {
      crashed = true;
      const dying = runner;
      if (crash === 'beforeEffects') dying.close();
      else void Promise.resolve().then(() => dying.close());
    }
    for (const effect of step.decision.effects) {
      if (effect.type === 'verify') {
        const outcome = script.verifications?.[effect.item]?.[effect.material];
        if (outcome) {
          const event: FlowEvent = {
            type: 'verificationResult',
            item: effect.item,
            material: effect.material,
            result: outcome.result,
          };
          if (outcome.note !== undefined) event.note = outcome.note;
          schedule(delayMs(outcome), event);
        }
      }
      if (effect.type !== 'notify' || effect.notification.kind !== 'itemStatus') continue;
      const { item, to } = effect.notification;
      if (to === 'correction' && answer !== false) {
        const event: FlowEvent = { type: 'answerCorrection', item };
        if (answer?.data) event.data = answer.data;
        if (answer?.materials) event.materials = answer.materials;
        schedule(answer ? delayMs(answer) : 86_400_000, event);
      }
      if (to === 'failed' && script.operatorRetry)
        schedule(delayMs(script.operatorRetry), { type: 'operatorRetry', item });
    }
  };
  runner.subscribe(observe);
  /** After an injected crash: let the dead runner's calls run out, then restore a new one. */
  const settle = async (): Promise<void> => {
    await runner.idle();
    while (crashed) {
      crashed = false;
      restarts += 1;
      runner = makeRunner();
      runner.subscribe(observe);
      await runner.restore([id]);
      await runner.idle();
    }
  };

  await runner.create(id);
  clock.advance(60_000);
  const submitted = await runner.send(id, {
    type: 'submit',
    data: { ...options.data, ...script.data },
    materials: options.materials ?? script.materials ?? {},
  });
  await settle();
  if (submitted.state.status === 'inProgress') {
    for (const supply of script.applicant?.supply ?? [])
      schedule(delayMs(supply), { type: 'supply', material: supply.material });
    const withdraw = script.applicant?.withdraw;
    if (withdraw)
      schedule(delayMs(withdraw), {
        type: 'withdraw',
        ...(withdraw.reason ? { reason: withdraw.reason } : {}),
      });
  }
  const end = clock.now() + (script.horizonDays ?? 120) * 86_400_000;
  const pollEvery = options.pollEveryMs ?? 3_600_000;
  while (clock.now() < end) {
    await settle();
    const state = runner.get(id)!;
    const settled = state.status !== 'inProgress' && state.status !== 'draft';
    if (settled && Object.keys(state.timers).length === 0 && scheduled.length === 0) break;
    if (state.status === 'draft') break;
    const candidates = [
      clock.now() + pollEvery,
      runner.nextTimerAt() ?? Infinity,
      ...scheduled.map((s) => s.at),
    ];
    clock.set(Math.max(clock.now() + 1, Math.min(...candidates)));
    scheduled.sort((a, b) => a.at - b.at);
    while (scheduled.length > 0 && scheduled[0]!.at <= clock.now()) {
      await runner.send(id, scheduled.shift()!.event);
      await settle();
    }
    await runner.tick();
  }
  await settle();
  runner.close();
  return { state: runner.get(id)!, steps, departments, store, restarts };
}
