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
  newbornApplication,
  newbornOutputs,
  startServerProcess,
  writeAdapterFile,
  type ServerProcess,
} from './crashHarness.js';
import {
  CALLBACK_SECRETS,
  CRASH_HTTP,
  crashBehaviour,
  expectSameOutcome,
  seededRandom,
  sleep,
  waitUntilFinal,
  type CrashOutcome,
} from './crashScenario.js';
import { createFakeDepartment } from './fakeDepartment.js';
import { createLoadClient, runPool } from './loadClient.js';

const SEED = Number(process.env.ONETHING_CRASH_SEED ?? 0x5eed6);
const APPLICATIONS = 40;
const CRASHES = 5;
const LEASE_MS = 3000;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Run extends CrashOutcome {
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

async function run(crashes: number, seed: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'onething-crash-'));
  dirs.push(dir);
  const fake = await createFakeDepartment({
    behaviour: crashBehaviour,
    outputs: newbornOutputs,
    callbackSecrets: CALLBACK_SECRETS,
  });
  const adaptersFile = writeAdapterFile(join(dir, 'adapters.json'), fake, CALLBACK_SECRETS, CRASH_HTTP);
  const db = join(dir, 'onething.db');
  const next = seededRandom(seed);
  const log: string[] = [];
  // Early updates (409: the submission is not settled yet) are expected and only counted.
  let early = 0;
  fake.events.on('rejected', (e: { status: number; body: string }) => {
    if (e.status === 409 && early++ > 0) return;
    log.push(
      `callback answered ${e.status}: ${e.body.slice(0, 160)}${e.status === 409 ? ' (and later 409s)' : ''}`,
    );
  });
  const apps: Run['apps'] = [];
  const start = (killAfterAnswers?: number) =>
    startServerProcess({
      storage: 'sqlite',
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
  await waitUntilFinal(server.url, apps, server.stderr);
  fake.setServer(undefined);
  expect(await server.stop()).toBe('exit 0');
  // The whole stored state (the API shows applicants none of the decider's internals, like pending calls).
  const stored = new Database(db, { readonly: true });
  const read = stored.prepare<[string], { state: string }>('SELECT state FROM applications WHERE id = ?');
  const states = apps.map((app) => JSON.parse(read.get(app.id)!.state) as Record<string, unknown>);
  const { n } = stored.prepare<[], { n: number }>('SELECT count(*) AS n FROM applications').get()!;
  stored.close();
  return { apps, states, storedCount: n, fake, log };
}

describe('crash tests (sqlite)', () => {
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
      expectSameOutcome(baseline, crashed, APPLICATIONS);
    } finally {
      await baseline.fake.close();
      await crashed.fake.close();
    }
  }, 240_000); // ~50 s on a quiet 2-core machine; generous, since lease expiries and slow answers stretch under load
});
