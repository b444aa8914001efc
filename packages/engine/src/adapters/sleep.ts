import { hostGlobals } from './hostGlobals.js';
import type { AbortSignalLike } from './types.js';

/**
 * Wait `ms` milliseconds on the host's timer, or less if `signal` aborts first. It never rejects: the
 * caller looks at `signal.aborted` afterwards, which keeps the adapters free of try/catch for aborts.
 *
 * @example
 * await sleep(250, options.signal);
 * if (options.signal.aborted) return { status: 'failed', transient: true, message: 'aborted' };
 */
export function sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  const { setTimeout, clearTimeout } = hostGlobals();
  return new Promise((resolve) => {
    if (signal?.aborted || !setTimeout) return resolve();
    const done = () => {
      clearTimeout?.(handle);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const handle = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
