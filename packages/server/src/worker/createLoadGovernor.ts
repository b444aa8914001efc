import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** How many jobs the worker of a process may run now (see {@link createLoadGovernor}). */
export interface LoadGovernor {
  /** An applicant's (or a department's) request arrived: the API is in use. */
  noteRequest(): void;
  /** Jobs the worker may run at once now: `max` while the process has room, fewer while it does not. */
  limit(max: number): number;
  stop(): void;
}

export interface LoadGovernorOptions {
  /** How often the process's load is looked at (default 100 ms). */
  windowMs?: number;
  /** Event-loop utilisation at or above which the worker backs off (default 0.85). */
  busy?: number;
  /** Jobs the worker always keeps running, so its work never stops (default 1). */
  floor?: number;
}

/**
 * Applicants first. In one process that serves the API and runs the job worker (the SQLite mode), a
 * burst of submissions and the jobs each one creates compete for the same thread: left alone, the
 * worker's department calls and state updates double the applicants' waiting time exactly when most
 * of them are waiting. The governor looks at the event loop's utilisation every `windowMs`: while it
 * is saturated and requests are arriving, the worker's concurrency is halved (down to `floor`); once
 * there is room again, or no request came, it doubles back to the configured maximum. Jobs are only
 * delayed, never dropped: the backlog is worked off as soon as the burst is over.
 *
 * @example
 * const governor = createLoadGovernor();
 * app.addHook('onRequest', (_req, _reply, done) => { governor.noteRequest(); done(); });
 * createSqliteJobRunner(storage, { limit: governor.limit });
 */
export function createLoadGovernor(options: LoadGovernorOptions = {}): LoadGovernor {
  const busy = options.busy ?? 0.85;
  const floor = Math.max(1, options.floor ?? 1);
  let requests = 0;
  let cap = Number.POSITIVE_INFINITY;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    if (requests > 0 && utilization >= busy) cap = Math.max(floor, Math.floor(Math.min(cap, 64) / 2));
    else if (cap !== Number.POSITIVE_INFINITY) cap = cap >= 32 ? Number.POSITIVE_INFINITY : cap * 2;
    requests = 0;
  }, options.windowMs ?? 100);
  timer.unref();
  return {
    noteRequest: () => void requests++,
    limit: (max) => Math.max(floor, Math.min(max, cap)),
    stop: () => clearInterval(timer),
  };
}
