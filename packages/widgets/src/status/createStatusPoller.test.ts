import { describe, expect, it } from 'vitest';
import type { FlowState } from '../../../engine/src/index.js';
import { createStatusPoller, type PollResponse } from './createStatusPoller.js';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const state = (status: string) =>
  JSON.stringify({
    applicationId: 'A1',
    status,
    items: { cert: { status: 'inReview', outstanding: [], verifications: [] } },
  });

/** A poller over scripted answers and hand-driven timers. */
function harness(answers: Array<PollResponse | Error>) {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const requests: Array<{ url: string; signal: AbortSignal }> = [];
  const snapshots: FlowState[] = [];
  const errors: string[] = [];
  const poller = createStatusPoller({
    url: '/state',
    intervalMs: 30_000,
    fetch: (url, init) => {
      requests.push({ url, signal: init.signal });
      const answer = answers.shift() ?? new Error('no more answers');
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    setTimeout: (callback, ms) => {
      timers.set(++next, { callback, ms });
      return next;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
    onSnapshot: (value) => snapshots.push(value),
    onError: (message) => errors.push(message),
  });
  const fire = async () => {
    const [id, timer] = [...timers][0]!;
    timers.delete(id);
    timer.callback();
    await flush();
  };
  return { poller, timers, requests, snapshots, errors, fire };
}

const ok = (text: string): PollResponse => ({ ok: true, status: 200, text: () => Promise.resolve(text) });

describe('createStatusPoller', () => {
  it('fetches at once, then again after the interval', async () => {
    const h = harness([ok(state('inProgress')), ok(state('completed'))]);
    h.poller.start();
    await flush();
    expect(h.snapshots.map((s) => s.status)).toEqual(['inProgress']);
    expect([...h.timers.values()].map((t) => t.ms)).toEqual([30_000]);
    await h.fire();
    expect(h.snapshots.map((s) => s.status)).toEqual(['inProgress', 'completed']);
    expect(h.requests).toHaveLength(2);
    expect(h.timers.size).toBe(1);
  });

  it('reports bad JSON, bad shapes and HTTP errors, and keeps polling', async () => {
    const h = harness([
      ok('{not json'),
      ok('{"applicationId": 1}'),
      { ok: false, status: 503, text: () => Promise.resolve('') },
      new Error('offline'),
      ok(state('completed')),
    ]);
    h.poller.start();
    await flush();
    for (let i = 0; i < 4; i++) await h.fire();
    expect(h.errors).toHaveLength(4);
    expect(h.errors[1]).toContain('not a flow state');
    expect(h.errors[2]).toBe('/state: HTTP 503');
    expect(h.errors[3]).toBe('offline');
    expect(h.snapshots.map((s) => s.status)).toEqual(['completed']);
  });

  it('stops: clears the timer, aborts the request in flight and drops its answer', async () => {
    const h = harness([ok(state('inProgress'))]);
    h.poller.start();
    await flush();
    h.poller.stop();
    expect(h.timers.size).toBe(0);
    expect(h.poller.running).toBe(false);

    let resolve!: (response: PollResponse) => void;
    const late = createStatusPoller({
      url: '/state',
      intervalMs: 1000,
      fetch: () => new Promise((r) => (resolve = r)),
      setTimeout: () => {
        throw new Error('no timer after stop');
      },
      clearTimeout: () => undefined,
      onSnapshot: () => {
        throw new Error('no snapshot after stop');
      },
      onError: () => {
        throw new Error('no error after stop');
      },
    });
    late.start();
    late.stop();
    resolve(ok(state('completed')));
    await flush();
    expect(late.running).toBe(false);
  });

  it('passes an abort signal that stop() aborts', async () => {
    const h = harness([]);
    h.poller.start();
    const { signal } = h.requests[0]!;
    h.poller.stop();
    expect(signal.aborted).toBe(true);
    await flush();
    expect(h.errors).toEqual([]);
  });
});
