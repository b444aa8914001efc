import { checkUpdateEnvelopes } from '../adapters/checkAdapterResult.js';
import { hostGlobals } from '../adapters/hostGlobals.js';
import type { CallOptions, DepartmentAdapter, UpdateEnvelope } from '../adapters/types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { formatInstant, parseInstant } from '../flow/instants.js';
import type { FlowDecision, FlowEffect, FlowEvent, FlowState } from '../flow/types.js';
import { performCall, raceAbort, type CallAnswer } from './performCall.js';
import { createMemoryStore } from './createMemoryStore.js';
import type { Runner, RunnerOptions, RunnerStep } from './types.js';

type Call = FlowEffect & { type: 'dispatch' | 'supplement' | 'withdraw' };

/** Items worth polling: submitted and not yet settled. */
const POLLED = new Set(['inReview', 'correction', 'approved', 'suspended']);

const systemClock = { now: () => Date.now() };

/**
 * The in-process host of the flow (办件运行器): it feeds events to the decider one at a time per
 * application, saves each new state **before** performing its effects, calls the department adapters
 * (with a timeout, turning throws and wrong-shaped answers into failures), fires due timers from the
 * injected clock and polls departments without callbacks. A runner restored from the store resumes
 * in-flight calls with their original idempotency keys, so no department sees a submission twice.
 *
 * @example
 * const runner = createRunner({ flow, adapters: { health: createMemoryAdapter({ clock }) }, clock });
 * await runner.create('A-1');
 * await runner.send('A-1', { type: 'submit', data, materials });
 * await runner.idle();
 */
export function createRunner(options: RunnerOptions): Runner {
  const { flow, adapters } = options;
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? systemClock;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const cache = new Map<string, { state: FlowState; revision: number }>();
  const queues = new Map<string, Promise<unknown>>();
  const inflight = new Set<Promise<unknown>>();
  const listeners = new Set<(step: RunnerStep) => void>();
  let closed = false;

  const nowIso = () => formatInstant(clock.now());

  /** Decisions of one application happen one after another; different applications interleave. */
  function serially<T>(id: string, job: () => Promise<T>): Promise<T> {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tracked = next.catch(() => undefined);
    queues.set(id, tracked);
    inflight.add(tracked);
    void tracked.then(() => {
      inflight.delete(tracked);
      if (queues.get(id) === tracked) queues.delete(id);
    });
    return next;
  }

  async function load(id: string) {
    const cached = cache.get(id);
    if (cached) return cached;
    const record = await store.load(id);
    if (!record) return undefined;
    cache.set(id, record);
    return record;
  }

  async function apply(id: string, event: FlowEvent): Promise<FlowDecision> {
    const current = await load(id);
    if (!current) {
      const d = createDiagnostic('FLOW_STATE_MISMATCH', { params: { detail: `no application ${id}` } });
      // A programmer error (an id never created): the one error class, carrying the diagnostic.
      throw new OnethingError('FLOW_STATE_MISMATCH', d.messages.en, [d]);
    }
    const input = { at: nowIso(), event };
    const decision = flow.decide(current.state, input);
    if (closed) return decision;
    if (decision.state !== current.state) {
      const record = { revision: current.revision + 1, state: decision.state };
      if (!(await store.save(id, record))) {
        // Another runner moved this application on: reload and let the caller retry.
        cache.delete(id);
        const d = createDiagnostic('FLOW_STATE_MISMATCH', {
          params: { detail: `revision conflict on ${id}` },
        });
        return { state: current.state, effects: [], diagnostics: [d] };
      }
      cache.set(id, record);
    }
    for (const listener of listeners) listener({ applicationId: id, input, decision });
    if (closed) return decision; // closed by a listener: the effects are left to a restored runner
    for (const effect of decision.effects) perform(id, effect, false);
    return decision;
  }

  function adapterFor(call: Call): DepartmentAdapter | undefined {
    return Object.hasOwn(adapters, call.item)
      ? adapters[call.item]
      : Object.hasOwn(adapters, call.department)
        ? adapters[call.department]
        : undefined;
  }

  function perform(id: string, effect: FlowEffect, resumed: boolean): void {
    if (effect.type !== 'dispatch' && effect.type !== 'supplement' && effect.type !== 'withdraw') return;
    const call = (async () => {
      const answer = await callAdapter(id, effect, resumed);
      if (closed) return;
      await serially(id, () =>
        apply(id, { type: 'adapterResult', item: effect.item, callId: effect.callId, result: answer }),
      );
    })();
    const tracked = call.catch(() => undefined);
    inflight.add(tracked);
    void tracked.then(() => inflight.delete(tracked));
  }

  function callAdapter(id: string, call: Call, resumed: boolean): Promise<CallAnswer> {
    return performCall({
      adapter: adapterFor(call),
      applicationId: id,
      call,
      item: cache.get(id)?.state.items[call.item],
      now: nowIso(),
      timeoutMs: callTimeoutMs,
      resumed,
    });
  }

  async function poll(id: string, state: FlowState): Promise<void> {
    for (const [item, itemState] of Object.entries(state.items)) {
      if (closed) return;
      if (!POLLED.has(itemState.status)) continue;
      const department = flow.compiled.bundle.items.find((i) => i.id === item)?.department ?? '';
      const adapter = adapterFor({ item, department } as Call);
      if (!adapter?.poll) continue;
      let updates: UpdateEnvelope[];
      try {
        const submissionKey = itemState.idempotencyKey ?? `${id}:${item}`;
        const request = {
          applicationId: id,
          item,
          submissionKey,
          ...(itemState.receiptNo !== undefined ? { receiptNo: itemState.receiptNo } : {}),
        };
        // A department that does not answer must not hold up the timers of every later application.
        const { AbortController, setTimeout, clearTimeout } = hostGlobals();
        const controller = AbortController ? new AbortController() : undefined;
        const timer = setTimeout?.(() => controller?.abort(new Error('timeout')), callTimeoutMs);
        const callOptions = { signal: controller?.signal, now: nowIso() } as CallOptions;
        try {
          const checked = checkUpdateEnvelopes(
            await raceAbort(adapter.poll(request, callOptions), callOptions),
          );
          if (!checked.ok) continue;
          updates = checked.value;
        } finally {
          clearTimeout?.(timer);
        }
      } catch {
        continue; // a failed poll is retried at the next tick
      }
      for (const u of updates) {
        if (closed) return;
        if (u.applicationId !== id || u.item !== item) continue;
        // Polls deliver at least once: skip what this application has already applied.
        if (cache.get(id)?.state.seen.includes(u.eventId)) continue;
        await serially(id, () =>
          apply(id, { type: 'departmentUpdate', item, eventId: u.eventId, update: u.update }),
        );
      }
    }
  }

  return {
    async create(applicationId) {
      const state = flow.start({ applicationId, at: nowIso() });
      const record = { revision: 1, state };
      if (!(await store.save(applicationId, record))) {
        const existing = await load(applicationId);
        if (existing) return existing.state;
      }
      cache.set(applicationId, record);
      return state;
    },
    send: (applicationId, event) => serially(applicationId, () => apply(applicationId, event)),
    async tick() {
      const now = clock.now();
      for (const [id, { state }] of [...cache]) {
        const due = Object.values(state.timers)
          .filter((t) => (parseInstant(t.at) ?? Infinity) <= now)
          .sort((a, b) => parseInstant(a.at)! - parseInstant(b.at)! || (a.id < b.id ? -1 : 1));
        for (const timer of due) await serially(id, () => apply(id, { type: 'timer', id: timer.id }));
        await poll(id, cache.get(id)!.state);
      }
    },
    async idle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    async restore(applicationIds) {
      const diagnostics: Diagnostic[] = [];
      for (const id of applicationIds ?? (await store.list())) {
        const record = await store.load(id);
        if (!record) continue;
        const { state } = record;
        if (state.machineVersion !== flow.machineVersion || state.bundle.hash !== flow.bundleHash) {
          const detail = `${id}: bundle ${state.bundle.id}@${state.bundle.version} (${state.bundle.hash}), machine v${state.machineVersion}; this flow runs ${flow.compiled.bundle.id}@${flow.compiled.bundle.version} (${flow.bundleHash}), machine v${flow.machineVersion}`;
          diagnostics.push(createDiagnostic('FLOW_STATE_MISMATCH', { params: { detail } }));
          continue;
        }
        cache.set(id, record);
        for (const call of Object.values(state.pending)) perform(id, call, true);
      }
      return diagnostics;
    },
    get: (applicationId) => cache.get(applicationId)?.state,
    nextTimerAt() {
      let next: number | undefined;
      for (const { state } of cache.values()) {
        for (const timer of Object.values(state.timers)) {
          const at = parseInstant(timer.at);
          if (at !== undefined && (next === undefined || at < next)) next = at;
        }
      }
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
    },
  };
}
