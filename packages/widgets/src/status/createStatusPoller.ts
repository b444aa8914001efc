import type { FlowState } from '@onething/engine/runtime';
import { isFlowStateLike } from './isFlowStateLike.js';

/** What the poller needs of `fetch`'s answer; a real `Response` is one. */
export interface PollResponse {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

export interface StatusPollerOptions {
  /** URL answering with a FlowState snapshot as JSON. */
  url: string;
  /** Pause between the end of one request and the start of the next. */
  intervalMs: number;
  fetch: (
    url: string,
    init: { signal: AbortSignal; cache: 'no-store'; headers: Record<string, string> },
  ) => Promise<PollResponse>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  onSnapshot(state: FlowState): void;
  /** A request, its JSON or its shape failed; polling goes on and the last snapshot stays good. */
  onError(message: string): void;
}

export interface StatusPoller {
  /** Fetch now, then every `intervalMs` after each answer (requests never overlap). */
  start(): void;
  /** Stop: cancel the timer and the request in flight; a late answer is dropped. */
  stop(): void;
  readonly running: boolean;
}

/**
 * Polls a status URL for FlowState snapshots. Timers and `fetch` are injected, so the element passes
 * the browser's and tests pass their own.
 *
 * @example
 * const poller = createStatusPoller({ url: '/api/applications/42/state', intervalMs: 30_000,
 *   fetch: (u, i) => fetch(u, i), setTimeout: (f, ms) => setTimeout(f, ms),
 *   clearTimeout: (h) => clearTimeout(h as number), onSnapshot: show, onError: warn });
 * poller.start();
 */
export function createStatusPoller(options: StatusPollerOptions): StatusPoller {
  let generation = 0;
  let running = false;
  let timer: unknown;
  let controller: AbortController | undefined;

  const poll = async (mine: number) => {
    controller = new AbortController();
    const current = () => running && mine === generation;
    try {
      const response = await options.fetch(options.url, {
        signal: controller.signal,
        cache: 'no-store',
        headers: { accept: 'application/json' },
      });
      if (!current()) return;
      if (!response.ok) throw new Error(`${options.url}: HTTP ${response.status}`);
      const value: unknown = JSON.parse(await response.text());
      if (!current()) return;
      if (!isFlowStateLike(value)) {
        throw new Error(`${options.url}: not a flow state (expected applicationId, status and items)`);
      }
      options.onSnapshot(value);
    } catch (error) {
      if (current()) options.onError(error instanceof Error ? error.message : String(error));
    }
    if (current()) timer = options.setTimeout(() => void poll(mine), options.intervalMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      void poll(++generation);
    },
    stop() {
      if (!running) return;
      running = false;
      generation++;
      if (timer !== undefined) options.clearTimeout(timer);
      timer = undefined;
      controller?.abort();
    },
    get running() {
      return running;
    },
  };
}
