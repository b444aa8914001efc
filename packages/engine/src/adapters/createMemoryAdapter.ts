import type { SubmitResult } from '../flow/types.js';
import { parseInstant } from '../flow/instants.js';
import type { PatternValues } from './fillPattern.js';
import { fillPattern } from './fillPattern.js';
import type { MemoryItemScript, MemoryScript } from './MemoryScript.js';
import {
  advanceTimeline,
  createTimeline,
  supplementTimeline,
  takeUpdates,
  type Timeline,
} from './memoryTimeline.js';
import { sleep as hostSleep } from './sleep.js';
import type {
  AbortSignalLike,
  CallOptions,
  CallResult,
  DepartmentAdapter,
  PollRequest,
  SubmitRequest,
  SupplementRequest,
  UpdateEnvelope,
  WithdrawRequest,
} from './types.js';

export interface MemoryAdapterOptions {
  /** Department id, for `{department}` in patterns (default: the request's department). */
  department?: string;
  /** What the department does; see `MemoryScript` for the defaults. */
  script?: MemoryScript;
  /** The runner's injected clock (ISO 8601), used when a call carries no valid `now`. */
  clock: () => string;
  /** Waits for `slowMs`; injected in tests (default: the host's timer). Must resolve early on abort. */
  sleep?: (ms: number, signal: AbortSignalLike) => Promise<void>;
}

/** One call the memory department received, for tests to assert on. */
export interface MemoryCall {
  method: 'submit' | 'supplement' | 'withdraw' | 'poll' | 'reconcile';
  applicationId: string;
  item: string;
  idempotencyKey?: string;
  attempt?: number;
  /** Whether this call took effect: the first successful call with its idempotency key. */
  effective: boolean;
  /** `now` of the call. */
  at: string;
  /** What the caller got: a result status, `aborted`, `none` (reconcile) or `updates:N` (poll). */
  outcome: string;
}

/** A scripted in-memory department: a `DepartmentAdapter` with polling, reconciliation and a call log. */
export interface MemoryAdapter extends DepartmentAdapter {
  poll(request: PollRequest, options: CallOptions): Promise<UpdateEnvelope[]>;
  reconcile(request: SubmitRequest, options: CallOptions): Promise<SubmitResult | undefined>;
  /** Every call received, oldest first. */
  readonly calls: readonly MemoryCall[];
}

const DEFAULT_ITEM: MemoryItemScript = {
  intake: { outcome: 'accept' },
  steps: [{ status: 'inReview' }, { status: 'issued' }],
};

const aborted = { status: 'failed', transient: true, message: 'aborted' } as const;

/**
 * Create a scripted in-memory department for tests, demos and the playground. It answers from its
 * `script` (intake outcome, outages, slow or lost replies, review steps) and keeps every decision
 * deterministic: times come from the runner's clock, numbers from a counter. A key seen before gets the
 * stored result back without a second effect; `calls` records every call.
 *
 * @example
 * const department = createMemoryAdapter({
 *   clock: () => '2025-03-20T09:30:00+08:00',
 *   script: { items: { birthReg: { steps: [{ status: 'issued', afterDays: 1 }] } } },
 * });
 * const result = await department.submit(request, { signal, now: '2025-03-20T09:30:00+08:00' });
 * const updates = await department.poll(pollRequest, { signal, now: '2025-03-21T10:00:00+08:00' });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions): MemoryAdapter {
  const script = options.script ?? {};
  const wait = options.sleep ?? hostSleep;
  const calls: MemoryCall[] = [];
  const submitted = new Map<string, SubmitResult>();
  const answered = new Map<string, CallResult>();
  const submitCount = new Map<string, number>();
  const timelines = new Map<string, Timeline>();
  const eventCount = new Map<string, number>();
  let seq = 0;

  const scriptOf = (item: string): MemoryItemScript => ({
    ...DEFAULT_ITEM,
    ...script.default,
    ...script.items?.[item],
  });
  const nowOf = (call: CallOptions): { iso: string; ms: number } => {
    for (const iso of [call?.now, options.clock()]) {
      const ms = parseInstant(iso);
      if (ms !== undefined) return { iso: iso as string, ms };
    }
    return { iso: String(call?.now), ms: 0 };
  };
  const record = (entry: MemoryCall): MemoryCall => {
    calls.push(entry);
    return entry;
  };
  const idOf = (r: { applicationId: string; item: string }) => `${r.applicationId}:${r.item}`;
  const eventIds = (id: string) => () => {
    const n = (eventCount.get(id) ?? 0) + 1;
    eventCount.set(id, n);
    return `${id}:${n}`;
  };

  /** Take a submission's effect: refuse it, or accept it and start its review timeline. */
  function take(request: SubmitRequest, item: MemoryItemScript, now: number): SubmitResult {
    const intake = item.intake ?? { outcome: 'accept' };
    if (intake.outcome === 'refuse') return { status: 'refused', reasons: structuredJson(intake.reasons) };
    seq += 1;
    const values: PatternValues = {
      seq,
      item: request.item,
      department: options.department ?? request.department,
      applicationId: request.applicationId,
    };
    const receiptNo = fillPattern(intake.receiptNo ?? 'SL{seq:6}', values);
    const deferred = (request.materials ?? []).filter((m) => m.source === 'deferred').map((m) => m.material);
    timelines.set(idOf(request), createTimeline(values, receiptNo, item.steps ?? [], deferred, now));
    return { status: 'accepted', receiptNo };
  }

  async function submit(request: SubmitRequest, call: CallOptions): Promise<SubmitResult> {
    const now = nowOf(call);
    const id = idOf(request);
    const n = (submitCount.get(id) ?? 0) + 1;
    submitCount.set(id, n);
    const entry = record({
      method: 'submit',
      applicationId: request.applicationId,
      item: request.item,
      idempotencyKey: request.idempotencyKey,
      attempt: request.attempt,
      effective: false,
      at: now.iso,
      outcome: 'aborted',
    });
    if (call.signal.aborted) return aborted;
    const item = scriptOf(request.item);
    let result = submitted.get(request.idempotencyKey);
    if (!result) {
      const outage = item.outage;
      if (outage && ('permanent' in outage || n <= outage.failures)) {
        const transient = !('permanent' in outage);
        const message = outage.message ?? `department unavailable (scripted outage, call ${n})`;
        entry.outcome = 'failed';
        return { status: 'failed', transient, message };
      }
      result = take(request, item, now.ms);
      submitted.set(request.idempotencyKey, result);
      entry.effective = true;
    }
    // The reply, not the effect, is slow or lost: a retry with the same key finds the submission.
    const hangs = item.hang === true || (typeof item.hang === 'number' && n <= item.hang);
    if (hangs) await waitForAbort(call.signal);
    else if (item.slowMs) await wait(item.slowMs, call.signal);
    if (call.signal.aborted) return aborted;
    entry.outcome = result.status;
    return structuredJson(result);
  }

  /** Shared by `supplement` and `withdraw`: idempotent by key, `apply` runs on the first effect only. */
  function answer(
    method: 'supplement' | 'withdraw',
    request: SupplementRequest | WithdrawRequest,
    call: CallOptions,
    apply: (timeline: Timeline | undefined, now: number) => CallResult,
  ): Promise<CallResult> {
    const now = nowOf(call);
    const entry = record({
      method,
      applicationId: request.applicationId,
      item: request.item,
      idempotencyKey: request.idempotencyKey,
      effective: false,
      at: now.iso,
      outcome: 'aborted',
    });
    if (call.signal.aborted) return Promise.resolve(aborted);
    let result = answered.get(request.idempotencyKey);
    if (!result) {
      const timeline = timelines.get(idOf(request));
      if (timeline) advanceTimeline(timeline, now.ms, eventIds(idOf(request)));
      result = apply(timeline, now.ms);
      if (result.status === 'ok') {
        answered.set(request.idempotencyKey, result);
        entry.effective = true;
      }
    }
    entry.outcome = result.status;
    return Promise.resolve({ ...result });
  }

  return {
    calls,
    submit,
    supplement: (request, call) =>
      answer('supplement', request, call, (timeline, now) => {
        if (!timeline)
          return {
            status: 'failed',
            transient: false,
            message: `no accepted submission of ${request.item} in ${request.applicationId}`,
          };
        supplementTimeline(timeline, request.materials ?? [], now);
        return { status: 'ok' };
      }),
    withdraw: (request, call) =>
      answer('withdraw', request, call, (timeline) => {
        if (timeline) timeline.withdrawn = true;
        return { status: 'ok' };
      }),
    poll(request, call) {
      const now = nowOf(call);
      const timeline = timelines.get(idOf(request));
      if (timeline) advanceTimeline(timeline, now.ms, eventIds(idOf(request)));
      const updates = timeline ? takeUpdates(timeline) : [];
      record({
        method: 'poll',
        applicationId: request.applicationId,
        item: request.item,
        idempotencyKey: request.submissionKey,
        effective: false,
        at: now.iso,
        outcome: `updates:${updates.length}`,
      });
      return Promise.resolve(updates);
    },
    reconcile(request, call) {
      const result = submitted.get(request.idempotencyKey);
      record({
        method: 'reconcile',
        applicationId: request.applicationId,
        item: request.item,
        idempotencyKey: request.idempotencyKey,
        effective: false,
        at: nowOf(call).iso,
        outcome: result?.status ?? 'none',
      });
      return Promise.resolve(result && structuredJson(result));
    },
  };
}

function waitForAbort(signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function structuredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
