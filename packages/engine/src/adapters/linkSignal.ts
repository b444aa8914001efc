import { hostGlobals } from './hostGlobals.js';
import type { AbortSignalLike } from './types.js';

/** A signal for one attempt of a call; `dispose` must be called when the attempt ends. */
export interface LinkedSignal {
  signal: AbortSignalLike;
  /** Whether the attempt's own timeout (not the caller) aborted it. */
  timedOut(): boolean;
  dispose(): void;
}

/**
 * A signal that aborts when `parent` aborts or after `timeoutMs`, whichever comes first.
 *
 * Built by hand rather than from `AbortSignal.any` + `AbortSignal.timeout`: the timeout's timer can
 * then be cleared as soon as the attempt ends (a pending `AbortSignal.timeout` keeps its timer alive),
 * we know which side fired, and it works on platforms that lack either static method.
 */
export function linkSignal(parent: AbortSignalLike, timeoutMs: number): LinkedSignal {
  const { AbortController, setTimeout, clearTimeout } = hostGlobals();
  if (!AbortController) return { signal: parent, timedOut: () => false, dispose: () => {} };
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  const handle = setTimeout?.(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout?.(handle);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
