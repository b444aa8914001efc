import { checkCallResult, checkSubmitResult } from '../adapters/checkAdapterResult.js';
import { hostGlobals } from '../adapters/hostGlobals.js';
import type { CallOptions, DepartmentAdapter } from '../adapters/types.js';
import type { FlowEffect, ItemFlowState, SubmitResult } from '../flow/types.js';

/** An adapter call the decider asked for (its effect). */
export type CallEffect = FlowEffect & { type: 'dispatch' | 'supplement' | 'withdraw' };
/** What a call comes back with, as the decider's `adapterResult` takes it. */
export type CallAnswer = SubmitResult | { status: 'ok' };

export interface PerformCallOptions {
  /** The department's adapter; none → a permanent failure. */
  adapter: DepartmentAdapter | undefined;
  applicationId: string;
  call: CallEffect;
  /** The item's state now (receipt number and submission key for supplements and withdrawals). */
  item: ItemFlowState | undefined;
  /** The instant of the call, ISO 8601. */
  now: string;
  /** Abort after this long: a hanging department becomes a transient failure. */
  timeoutMs: number;
  /** A call resumed after a restart: ask `reconcile` first where the adapter has it. */
  resumed: boolean;
}

/**
 * Perform one adapter call with its idempotency key and a timeout, and turn whatever happens (a
 * throw, a timeout, an answer of the wrong shape) into an answer the decider takes. Shared by the
 * in-process runner and the server's workers, so both talk to departments alike.
 *
 * @example
 * const answer = await performCall({ adapter, applicationId, call, item, now, timeoutMs: 30_000, resumed: false });
 * flow.decide(state, { at: now, event: { type: 'adapterResult', item: call.item, callId: call.callId, result: answer } });
 */
export async function performCall(options: PerformCallOptions): Promise<CallAnswer> {
  const { adapter, applicationId: id, call, resumed } = options;
  if (!adapter)
    return { status: 'failed', transient: false, message: `no adapter for department ${call.department}` };
  const { AbortController, setTimeout, clearTimeout } = hostGlobals();
  const controller = AbortController ? new AbortController() : undefined;
  const timer = setTimeout?.(() => controller?.abort(new Error('timeout')), options.timeoutMs);
  const callOptions = { signal: controller?.signal, now: options.now } as CallOptions;
  try {
    const common = {
      applicationId: id,
      item: call.item,
      department: call.department,
      idempotencyKey: call.idempotencyKey,
    };
    if (call.type === 'dispatch') {
      const request = {
        ...common,
        attempt: call.attempt,
        payload: call.payload,
        materials: call.materials,
      };
      if (resumed && adapter.reconcile) {
        const known = await raceAbort(adapter.reconcile(request, callOptions), callOptions);
        if (known !== undefined) return shaped(checkSubmitResult(known));
      }
      return shaped(checkSubmitResult(await raceAbort(adapter.submit(request, callOptions), callOptions)));
    }
    const submissionKey = options.item?.idempotencyKey ?? `${id}:${call.item}`;
    const receipt = options.item?.receiptNo;
    const withReceipt = {
      ...common,
      submissionKey,
      ...(receipt !== undefined ? { receiptNo: receipt } : {}),
    };
    if (call.type === 'supplement') {
      const request = {
        ...withReceipt,
        materials: call.materials,
        ...(call.payload ? { payload: call.payload } : {}),
      };
      return shaped(checkCallResult(await raceAbort(adapter.supplement(request, callOptions), callOptions)));
    }
    return shaped(checkCallResult(await raceAbort(adapter.withdraw(withReceipt, callOptions), callOptions)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', transient: true, message: `adapter error: ${message.slice(0, 300)}` };
  } finally {
    clearTimeout?.(timer);
  }
}

function shaped(checked: { ok: true; value: CallAnswer } | { ok: false; message: string }): CallAnswer {
  return checked.ok
    ? checked.value
    : { status: 'failed', transient: false, message: `wrong answer shape: ${checked.message}` };
}

/** Resolve with a transient failure when the signal aborts first (an adapter that ignores its signal). */
export function raceAbort<T>(promise: Promise<T>, options: CallOptions): Promise<T | CallAnswer> {
  const signal = options.signal;
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () =>
      resolve({ status: 'failed', transient: true, message: 'timed out: the department did not answer' });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    // A plain value from an adapter that is not async is an answer too.
    Promise.resolve(promise).then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
