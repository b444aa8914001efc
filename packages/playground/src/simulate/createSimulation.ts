import {
  createFlow,
  createMemoryAdapter,
  createMemoryStore,
  createRunner,
  createTraceRecorder,
  createVirtualClock,
  createWorkCalendar,
  describeStep,
  formatInstant,
  type AbortSignalLike,
  type CompiledBundle,
  type FlowEvent,
  type Lang,
  type MaterialDecisions,
  type MemoryAdapter,
  type MemoryScript,
  type RunnerStep,
  type WorkCalendar,
} from '@onething/engine';
import type { ItemOutcome, ItemOutcomes } from './ItemOutcome.js';
import { itemScript, outcomeScript } from './outcomeScript.js';
import type { SimulationMessage, SimulationSnapshot, SlaWarning } from './SimulationSnapshot.js';
import { simText, type SimulateMessageKey } from './simulateMessages.js';
import { OUTCOME_EDITABLE, snapshotOf, textOf } from './snapshotOf.js';

const DAY_MS = 86_400_000;
const MAX_LOOP = 100_000;

/** How a simulation starts. */
export interface SimulationOptions {
  /** The merged form's values (the previewed 一表). */
  data: Record<string, unknown>;
  /** The applicant's material decisions: uploaded, 容缺 deferred, 告知承诺 signed, e-licence. */
  materials: MaterialDecisions;
  /** Per item, what its department does (default: approve). */
  outcomes?: ItemOutcomes;
  /** Virtual start instant (default `2025-03-17T09:00:00+08:00`, a Monday). */
  start?: string;
  /** Language of the snapshot's texts (default zh-CN). */
  lang?: Lang;
  /**
   * Working-day calendar of 限时办结 (default: the built-in State Council notices). A trace recorded
   * with another calendar replays only with that calendar.
   */
  calendar?: WorkCalendar;
  applicationId?: string;
  /** Secret of the trace's personal-data tokens (default: a random one per simulation). */
  traceKey?: string;
  /** Poll the departments this often on the virtual clock (default one hour). */
  pollEveryMs?: number;
  /** A department reply slower than this is abandoned and retried (default 30 s, virtual). */
  departmentTimeoutSeconds?: number;
  /** Real milliseconds the runner waits for a department that will not answer in time (default 50). */
  callTimeoutMs?: number;
}

/** The applicant's answer to a 补正 request. */
export interface CorrectionAnswer {
  data?: Record<string, unknown>;
  materials?: MaterialDecisions;
}

/** A running simulation: actions, a snapshot for views and the recorded trace. */
export interface Simulation {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): SimulationSnapshot;
  /** Call `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Texts of the snapshot in another language (the run goes on). */
  setLang(lang: Lang): void;
  /** Change an item's outcome; only while the item has not reached its department. */
  setOutcome(item: string, outcome: ItemOutcome): void;
  /** Submit the application (一次性告知 when something is missing: it stays a draft). */
  submit(): Promise<void>;
  /** Move the virtual clock on by `days` working days of the calendar, polling on the way. */
  advanceWorkingDays(days: number): Promise<void>;
  /** Move the virtual clock to the next armed timer (retry, 预警, 期限, 容缺, 核查) and fire it. */
  advanceToNextTimer(): Promise<void>;
  /** Move the clock on until the application settles or `maxDays` calendar days pass (default 90). */
  runUntilSettled(maxDays?: number): Promise<void>;
  /** The applicant supplies a 容缺 material. */
  supply(material: string): Promise<void>;
  /** The applicant answers an item's 补正 request. */
  answerCorrection(item: string, answer?: CorrectionAnswer): Promise<void>;
  /** The 核查 of a 告知承诺 material: the commitment held, or was false. */
  verify(item: string, material: string, result: 'verified' | 'breached', note?: string): Promise<void>;
  /** An operator retries a failed item. */
  retry(item: string): Promise<void>;
  /** The applicant withdraws the application. */
  withdraw(reason?: string): Promise<void>;
  /** The run so far as a trace (JSON Lines; personal data tokenised). */
  traceText(): string;
  /** Every decision so far, in order. */
  steps(): readonly RunnerStep[];
  /** The in-memory departments, with their call logs. */
  readonly departments: Readonly<Record<string, MemoryAdapter>>;
  /** Stop: calls still in flight are dropped. */
  dispose(): void;
}

/**
 * Simulate how one application travels through the departments (办件模拟), headless: in-memory
 * departments follow the outcome picked per item (受理, 不予受理, 办结, 不予许可, 补正, outages, slow
 * replies) while the user submits, moves a virtual clock on by working days and acts for the
 * applicant (容缺 supply, 补正 answers, withdrawal) and the 核查 office. Every decision is recorded as
 * a replayable trace. Actions never throw: problems are messages in the snapshot.
 *
 * @example
 * const sim = createSimulation(compiled, { data, materials, outcomes: { birthReg: { result: 'correction' } } });
 * await sim.submit();
 * await sim.advanceWorkingDays(2);
 * sim.getSnapshot().items; // statuses, receipt numbers, days left…
 * const jsonl = sim.traceText();
 */
export function createSimulation(compiled: CompiledBundle, options: SimulationOptions): Simulation {
  const calendar = options.calendar ?? createWorkCalendar();
  // The flow's own language stays the default: traces must replay with the CLI's default flow.
  const flow = createFlow(compiled, options.calendar ? { calendar } : {});
  const applicationId = options.applicationId ?? 'SIM-1';
  const start = options.start ?? '2025-03-17T09:00:00+08:00';
  const clock = createVirtualClock(start);
  const outcomes: ItemOutcomes = { ...options.outcomes };
  const script: MemoryScript & { items: NonNullable<MemoryScript['items']> } = {
    items: outcomeScript(compiled, outcomes, start.slice(0, 10)).items ?? {},
  };
  const timeoutMs = (options.departmentTimeoutSeconds ?? 30) * 1000;
  const slowReply = (ms: number, signal: AbortSignalLike): Promise<void> => {
    if (ms >= timeoutMs) return untilAborted(signal);
    clock.advance(ms);
    return Promise.resolve();
  };
  const departments: Record<string, MemoryAdapter> = {};
  for (const department of Object.keys(compiled.bundle.departments)) {
    departments[department] = createMemoryAdapter({
      department,
      script,
      clock: () => formatInstant(clock.now()),
      sleep: slowReply,
    });
  }
  const runner = createRunner({
    flow,
    adapters: departments,
    store: createMemoryStore(),
    clock,
    callTimeoutMs: options.callTimeoutMs ?? 50,
  });
  const recorder = createTraceRecorder({
    flow,
    applicationId,
    startedAt: formatInstant(clock.now()),
    createdBy: 'onething playground',
    key: options.traceKey ?? randomKey(),
  });

  let lang: Lang = options.lang ?? 'zh-CN';
  let state = flow.start({ applicationId, at: formatInstant(clock.now()) });
  const steps: RunnerStep[] = [];
  let texts: string[] = [];
  const warnings: Array<Omit<SlaWarning, 'itemName'>> = [];
  let messages: Array<Omit<SimulationMessage, 'text'> & { texts: Record<Lang, string> }> = [];
  let busy = false;
  let snapshot: SimulationSnapshot | undefined;
  const listeners = new Set<() => void>();
  const changed = () => {
    snapshot = undefined;
    for (const listener of listeners) listener();
  };

  runner.subscribe((step) => {
    steps.push(step);
    recorder.record(step.input, step.decision);
    state = step.decision.state;
    for (const d of step.decision.diagnostics) {
      if (d.severity !== 'info') messages.push({ code: d.code, severity: d.severity, texts: d.messages });
    }
    for (const effect of step.decision.effects) {
      if (effect.type !== 'notify') continue;
      const n = effect.notification;
      if (n.kind === 'slaWarning' || n.kind === 'overdue')
        warnings.push({ item: n.item, kind: n.kind, due: n.due, at: step.input.at });
    }
  });
  const ready = runner.create(applicationId).then((created) => {
    state = created;
  });

  const say = (key: SimulateMessageKey, severity: SimulationMessage['severity'], params = {}) => {
    const texts = { 'zh-CN': simText(key, 'zh-CN', params), en: simText(key, 'en', params) };
    messages.push({ code: key, severity, texts });
  };

  /** Let calls finish, fire due timers and poll, until nothing more happens at this instant. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const before = steps.length;
      await runner.idle();
      await runner.tick();
      await runner.idle();
      if (steps.length === before) return;
    }
  }

  /** Move the clock to `target` (epoch ms) in poll-sized steps, stopping early when `stop` says so. */
  async function advanceTo(target: number, stop?: () => boolean): Promise<void> {
    const pollEvery = options.pollEveryMs ?? 3_600_000;
    for (let i = 0; i < MAX_LOOP && clock.now() < target; i++) {
      const next = Math.min(clock.now() + pollEvery, runner.nextTimerAt() ?? Infinity, target);
      clock.set(Math.max(clock.now() + 1, next));
      await settle();
      if (stop?.()) return;
    }
  }

  let queue: Promise<void> = Promise.resolve();
  /** Run one action after the previous ones; its problems become messages, never exceptions. */
  function run(action: () => Promise<void>): Promise<void> {
    queue = queue.then(async () => {
      messages = [];
      busy = true;
      changed();
      try {
        await ready;
        await action();
      } catch (error) {
        say('SIMULATE_FAILED', 'error', { detail: error instanceof Error ? error.message : String(error) });
      } finally {
        busy = false;
        changed();
      }
    });
    return queue;
  }

  const send = (event: FlowEvent) =>
    run(async () => {
      await runner.send(applicationId, event);
      await settle();
    });

  return {
    departments,
    getSnapshot() {
      if (texts.length > steps.length) texts = [];
      for (let i = texts.length; i < steps.length; i++) texts.push(describeStep(flow, steps[i]!, lang));
      const itemName = (id: string) => textOf(compiled.bundle.items.find((i) => i.id === id)?.name, lang);
      const next = runner.nextTimerAt();
      snapshot ??= snapshotOf({
        compiled,
        calendar,
        lang,
        state,
        now: formatInstant(clock.now()),
        outcomes,
        warnings: warnings.map((w) => ({ ...w, itemName: itemName(w.item) || w.item })),
        timeline: steps.map((step, i) => ({ n: i + 1, at: step.input.at, text: texts[i]! })),
        messages: messages.map(({ code, severity, texts }) => ({ code, severity, text: texts[lang] })),
        ...(next !== undefined ? { nextTimerAt: formatInstant(next) } : {}),
        busy,
      });
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLang(next) {
      if (next === lang) return;
      lang = next;
      texts = [];
      changed();
    },
    setOutcome(item, outcome) {
      const status = state.items[item]?.status;
      if (!status || !(state.status === 'draft' || OUTCOME_EDITABLE.has(status))) return;
      outcomes[item] = outcome;
      script.items[item] = itemScript(compiled, item, outcome, start.slice(0, 10));
      changed();
    },
    submit: () =>
      run(async () => {
        if (state.status !== 'draft') return void say('SIMULATE_NOT_DRAFT', 'warning');
        await runner.send(applicationId, {
          type: 'submit',
          data: options.data,
          materials: options.materials,
        });
        await settle();
      }),
    advanceWorkingDays: (days) =>
      run(async () => {
        if (!Number.isInteger(days) || days < 1 || days > 366)
          return void say('SIMULATE_BAD_DAYS', 'error', { days });
        const now = formatInstant(clock.now());
        const today = now.slice(0, 10);
        const target = calendar.addWorkingDays(today, days);
        await advanceTo(clock.now() + (Date.parse(target) - Date.parse(today)));
      }),
    advanceToNextTimer: () =>
      run(async () => {
        const next = runner.nextTimerAt();
        if (next === undefined) return void say('SIMULATE_NO_TIMER', 'info');
        await advanceTo(Math.max(next, clock.now()));
        await settle();
      }),
    runUntilSettled: (maxDays = 90) =>
      run(async () => {
        if (state.status !== 'inProgress') return;
        await advanceTo(clock.now() + maxDays * DAY_MS, () => state.status !== 'inProgress');
      }),
    supply: (material) => send({ type: 'supply', material }),
    answerCorrection: (item, answer = {}) =>
      send({
        type: 'answerCorrection',
        item,
        ...(answer.data ? { data: answer.data } : {}),
        ...(answer.materials ? { materials: answer.materials } : {}),
      }),
    verify: (item, material, result, note) =>
      send({ type: 'verificationResult', item, material, result, ...(note ? { note } : {}) }),
    retry: (item) => send({ type: 'operatorRetry', item }),
    withdraw: (reason) => send({ type: 'withdraw', ...(reason ? { reason } : {}) }),
    traceText: () => recorder.toJsonl(),
    steps: () => steps,
    dispose() {
      runner.close();
      listeners.clear();
    },
  };
}

/** A random token key; `getRandomValues` also works outside secure contexts, unlike `randomUUID`. */
function randomKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function untilAborted(signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
