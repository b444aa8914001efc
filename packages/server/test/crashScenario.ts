// What the crash tests of issue #6 share, whatever the storage: the department faults, the seeded
// generator of kill points, and the checks that a crashed run ended as the uninterrupted one.
import { expect } from 'vitest';
import { FINAL, comparableState, newbornApplication } from './crashHarness.js';
import type { FakeBehaviour, FakeDepartment } from './fakeDepartment.js';
import { createLoadClient, runPool } from './loadClient.js';

/** Departments that push signed callbacks; the others are polled. */
export const CALLBACK_SECRETS = {
  health: 'health-callback-secret-0001',
  medicalInsurance: 'medins-callback-secret-0001',
  hrss: 'hrss-callback-secret-00000001',
};

/** The HTTP adapter settings of every department in the crash tests. */
export const CRASH_HTTP = {
  timeoutMs: 1000,
  retries: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
  // police ignores Idempotency-Key (below): the adapter file says so, and a repeat is looked up first.
  notIdempotent: ['police'],
};

/** Faults per department; police (the household register) has no idempotent API and must be reconciled. */
export function crashBehaviour(department: string, item: string): FakeBehaviour {
  switch (department) {
    case 'health':
      return { failFirst: 1, duplicate: true };
    case 'cdc':
      return { hangFirst: 1 };
    case 'police':
      return { idempotent: false, slowMs: 120 };
    case 'medicalInsurance':
      return item === 'maternityBenefit' ? { refuse: true } : { slowMs: 60, duplicate: true };
    case 'tax':
      return { dropFirst: 1 };
    default:
      return { failFirst: 2 };
  }
}

/** mulberry32: a small seeded generator, so kill points reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One run's outcome: the stored states of the accepted applications, in submission order. */
export interface CrashOutcome {
  apps: Array<{ id: string; token: string }>;
  /** The whole stored state of each accepted application (the API hides the decider's internals). */
  states: Array<Record<string, unknown>>;
  /** Applications in the store, accepted or not. */
  storedCount: number;
  fake: FakeDepartment;
}

/**
 * The crashed run ended as the uninterrupted one: every accepted application is stored once, with its
 * materials, nothing pending, in the baseline's end state; at most one effect per idempotency key at
 * the department, and one effective submission per dispatched item carrying the baseline's payload.
 */
export function expectSameOutcome(baseline: CrashOutcome, crashed: CrashOutcome, applications: number): void {
  const submitted = newbornApplication();
  expect(crashed.apps).toHaveLength(applications);
  expect(new Set(crashed.apps.map((a) => a.id)).size).toBe(applications);
  expect(crashed.storedCount).toBe(applications);
  const expected = comparableState(baseline.states[0]!);
  for (const [i, state] of crashed.states.entries()) {
    expect(state, `application ${i} (${crashed.apps[i]!.id}) is stored`).toBeDefined();
    expect(state.pending, `application ${i}`).toEqual({});
    expect(state.materials).toEqual(submitted.materials);
    expect(comparableState(state), `application ${i} (${crashed.apps[i]!.id})`).toEqual(
      comparableState(baseline.states[i]!),
    );
    expect(comparableState(state)).toEqual(expected);
  }
  for (const [key, n] of crashed.fake.effects) {
    const trail = crashed.fake.requests.filter((r) => r.key === key);
    expect(n, `${key}: ${trail.map((r) => `${r.method} ${r.path} → ${r.answer}`).join(', ')}`).toBe(1);
  }
  for (const [i, state] of crashed.states.entries()) {
    const items = state.items as Record<string, { status: string }>;
    for (const [item, { status }] of Object.entries(items)) {
      if (status === 'skipped' || status === 'blocked') continue;
      const seen = crashed.fake.submissionsOf(String(state.applicationId), item);
      const base = baseline.fake.submissionsOf(String(baseline.states[i]!.applicationId), item);
      expect(seen.length, `${item} of application ${i}`).toBe(1);
      expect(comparableState({ applicationId: state.applicationId, ...seen[0]!.request })).toEqual(
        comparableState({ applicationId: baseline.states[i]!.applicationId, ...base[0]!.request }),
      );
    }
  }
}

/** Wait (at most `timeoutMs`) until every application is final by the API at `url`; their states, in order. */
export async function waitUntilFinal(
  url: string,
  apps: CrashOutcome['apps'],
  diagnostics: () => string,
  timeoutMs = 30_000,
): Promise<CrashOutcome['states']> {
  const client = createLoadClient(url, 8);
  const states = new Array<Record<string, unknown>>(apps.length);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const open = apps.map((_, i) => i).filter((i) => !FINAL.has(String(states[i]?.status)));
      if (open.length === 0) return states;
      if (Date.now() > deadline) {
        const stuck = open.slice(0, 3).map((i) => JSON.stringify((states[i] as { items?: unknown })?.items));
        throw new Error(
          `${open.length} application(s) not final after ${timeoutMs} ms, e.g. ${stuck.join('\n')}\n${diagnostics()}`,
        );
      }
      await runPool(open.length, 8, async (k) => {
        const { id, token } = apps[open[k]!]!;
        const reply = await client.send('GET', `/api/applications/${id}`, undefined, {
          authorization: `Bearer ${token}`,
        });
        expect(reply.status).toBe(200);
        states[open[k]!] = (reply.body as { state: Record<string, unknown> }).state;
      });
      await sleep(100);
    }
  } finally {
    client.close();
  }
}
