// Crash tests of issue #6: the server runs as a child process against a fake department (5xx, hangs,
// slow and lost answers, a refusal, a non-idempotent department, duplicate callbacks) and is SIGKILLed
// at seeded random points while newborn applications flow: right after a department's answer before
// the state commit, while a department delays its answer, and at random instants. Each time it restarts
// on the same database. In the end every application must be where an uninterrupted run leaves it,
// nothing may be lost, and no submission may have taken effect twice at the department.
// Reproduce a failure with ONETHING_CRASH_SEED=<the printed seed>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FINAL,
  comparableState,
  newbornApplication,
  newbornOutputs,
  startServerProcess,
  writeAdapterFile,
  type ServerProcess,
  type StorageMode,
} from './crashHarness.js';
import { createFakeDepartment, type FakeBehaviour, type FakeDepartment } from './fakeDepartment.js';
import { createLoadClient, runPool } from './loadClient.js';

const SEED = Number(process.env.ONETHING_CRASH_SEED ?? 0x5eed6);
const STORAGE = (process.env.ONETHING_CRASH_STORAGE ?? 'sqlite') as StorageMode;
const APPLICATIONS = 40;
const CRASHES = 5;
const LEASE_MS = 3000;

const SECRETS = {
  health: 'health-callback-secret-0001',
  medicalInsurance: 'medins-callback-secret-0001',
  hrss: 'hrss-callback-secret-00000001',
};

/** Faults per department; police (the household register) has no idempotent API and must be reconciled. */
function behaviour(department: string, item: string): FakeBehaviour {
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
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Run {
  apps: Array<{ id: string; token: string }>;
  states: Array<Record<string, unknown>>;
  fake: FakeDepartment;
  db: string;
  log: string[];
}

/** Submit `count` applications; every one must be accepted (201). */
async function submit(server: ServerProcess, count: number): Promise<Array<{ id: string; token: string }>> {
  const client = createLoadClient(server.url, 8);
  const application = newbornApplication();
  try {
    return await runPool(count, 8, async () => {
      const reply = await client.send('POST', '/api/applications', application);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body as { id: string; token: string };
    });
  } finally {
    client.close();
  }
}

/** Wait until every application is final; their states, in order. */
async function finish(server: ServerProcess, apps: Run['apps']): Promise<Run['states']> {
  const client = createLoadClient(server.url, 8);
  const states = new Array<Record<string, unknown>>(apps.length);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      const open = apps.map((_, i) => i).filter((i) => !FINAL.has(String(states[i]?.status)));
      if (open.length === 0) return states;
      if (Date.now() > deadline) {
        const stuck = open.slice(0, 3).map((i) => JSON.stringify((states[i] as { items?: unknown })?.items));
        throw new Error(
          `${open.length} application(s) not final after 30 s, e.g. ${stuck.join('\n')}\n${server.stderr()}`,
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

async function run(crashes: number, seed: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'onething-crash-'));
  dirs.push(dir);
  const fake = await createFakeDepartment({ behaviour, outputs: newbornOutputs, callbackSecrets: SECRETS });
  const adaptersFile = writeAdapterFile(join(dir, 'adapters.json'), fake, SECRETS, {
    timeoutMs: 1000,
    retries: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
  });
  const db = join(dir, 'onething.db');
  const next = random(seed);
  const log: string[] = [];
  fake.events.on('rejected', (e: { status: number; body: string }) =>
    log.push(`callback answered ${e.status}: ${e.body.slice(0, 160)}`),
  );
  const apps: Run['apps'] = [];
  const start = (killAfterAnswers?: number) =>
    startServerProcess({
      storage: STORAGE,
      db,
      adaptersFile,
      pollMs: 50,
      leaseMs: LEASE_MS,
      ...(killAfterAnswers ? { killAfterAnswers } : {}),
    });
  const batch = Math.ceil(APPLICATIONS / (crashes + 1));
  for (let round = 0; round < crashes; round++) {
    const killAfter = 1 + Math.floor(next() * 8);
    const server = await start(killAfter);
    fake.setServer(server.url);
    apps.push(...(await submit(server, batch)));
    const mode = (['answer', 'delay', 'timed'] as const)[Math.floor(next() * 3)]!;
    const wait = 20 + Math.floor(next() * 400);
    if (mode === 'answer') server.arm();
    else if (mode === 'delay')
      await Promise.race([new Promise((r) => fake.events.once('delaying', r)), sleep(1500)]);
    else await sleep(wait);
    // A crash point that did not fire (no answer came) ends as a timed kill.
    const how = await Promise.race([
      server.exited,
      sleep(mode === 'answer' ? 1500 : 0).then(() => server.kill()),
    ]);
    fake.setServer(undefined);
    const fired = mode === 'answer' && server.crashedAfterAnswer() ? ' after the answer' : '';
    log.push(
      `${mode}${mode === 'answer' ? `(${killAfter})` : mode === 'timed' ? `(${wait} ms)` : ''}: ${how}${fired}`,
    );
  }
  const server = await start();
  fake.setServer(server.url);
  apps.push(...(await submit(server, APPLICATIONS - apps.length)));
  await finish(server, apps);
  fake.setServer(undefined);
  expect(await server.stop()).toBe('exit 0');
  // The whole stored state (the API shows applicants none of the decider's internals, like pending calls).
  const stored = new Database(db, { readonly: true });
  const read = stored.prepare<[string], { state: string }>('SELECT state FROM applications WHERE id = ?');
  const states = apps.map((app) => JSON.parse(read.get(app.id)!.state) as Record<string, unknown>);
  stored.close();
  return { apps, states, fake, db, log };
}

describe(`crash tests (${STORAGE})`, () => {
  it('every application ends as in an uninterrupted run, nothing lost, nothing applied twice', async () => {
    const baseline = await run(0, SEED);
    const crashed = await run(CRASHES, SEED);
    const reconciled = crashed.fake.requests.filter(
      (r) => r.method === 'GET' && !r.path.endsWith('/updates'),
    );
    console.log(
      `crash test seed ${SEED} (ONETHING_CRASH_SEED): kills ${crashed.log.join('; ')}; ` +
        `${reconciled.length} reconcile request(s), callbacks ${JSON.stringify(crashed.fake.pushStats)}`,
    );
    try {
      const submitted = newbornApplication();
      expect(crashed.apps).toHaveLength(APPLICATIONS);
      // Nothing lost: every accepted application is stored, with its data and materials.
      const stored = new Database(crashed.db, { readonly: true });
      expect(stored.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: APPLICATIONS });
      stored.close();
      const expected = comparableState(baseline.states[0]!);
      for (const [i, state] of crashed.states.entries()) {
        expect(state.pending, `application ${i}`).toEqual({});
        expect(state.materials).toEqual(submitted.materials);
        expect(comparableState(state), `application ${i} (${crashed.apps[i]!.id})`).toEqual(
          comparableState(baseline.states[i]!),
        );
        expect(comparableState(state)).toEqual(expected);
      }
      // At most one effect per idempotency key, and one effective submission per dispatched item,
      // carrying the same materials and payload as in the uninterrupted run.
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
    } finally {
      await baseline.fake.close();
      await crashed.fake.close();
    }
  }, 90_000);
});
