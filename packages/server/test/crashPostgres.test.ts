// Crash tests of issue #6 in PostgreSQL mode: one API-only process and two worker processes share one
// fresh database (pg-boss queues) and the fake department of crash.test.ts, with its faults. At seeded
// random points one of them is SIGKILLed: a worker right after a department's answer before the state
// commit, a worker while a department delays its answer, any process at a random instant, the API while
// applications are being submitted (the client retries with the same Idempotency-Key once it is back).
// The victim restarts after a random pause. A killed worker's jobs come back when pg-boss expires them
// (shortened here to seconds through the queue policy). In the end every application must be where an
// uninterrupted run leaves it, nothing lost or created twice, no submission applied twice at the
// department, and no job given up. Needs ONETHING_TEST_PG (see postgresTestDatabase.ts).
// Reproduce a failure with ONETHING_CRASH_SEED=<the printed seed>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  newbornApplication,
  newbornOutputs,
  startServerProcess,
  writeAdapterFile,
  type ServerProcess,
  type ServerProcessEnv,
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
import { createFakeDepartment, type FakeDepartment } from './fakeDepartment.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgresTestDatabase.js';

const adminUrl = await postgresForTests();

const SEED = Number(process.env.ONETHING_CRASH_SEED ?? 0x5eed6);
const APPLICATIONS = 40;
const CRASHES = 6;
/**
 * A job active for 3 s belongs to a dead worker: above the longest department call here (a hang up to
 * the 1 s adapter timeout, then retries), so a live worker's job is never taken back. Maintenance
 * checks every second; a taken-back job waits the 1 s retry delay (doubled with jitter) first.
 */
const QUEUE_POLICY = { expireInSeconds: 3, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 };

type Role = 'api' | 'worker 1' | 'worker 2';
const ROLES: readonly Role[] = ['api', 'worker 1', 'worker 2'];

const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const db of databases) await db.drop();
});

interface Run extends CrashOutcome {
  log: string[];
  deadJobs: number;
}

/**
 * The three processes. The API may be down for a while: `api()` waits until it is back, and the fake
 * department delivers callbacks to whichever API process is current.
 */
function createCluster(
  settings: (role: Role, killAfterAnswers: number) => ServerProcessEnv,
  fake: FakeDepartment,
) {
  const running = new Map<Role, ServerProcess>();
  let apiBack: { promise: Promise<ServerProcess>; resolve: (p: ServerProcess) => void } | undefined;
  const stderr = () =>
    [...running].map(([role, p]) => `--- ${role} ---\n${p.stderr().slice(-2000)}`).join('\n');
  return {
    running,
    stderr,
    async start(role: Role, killAfterAnswers = 0): Promise<ServerProcess> {
      const child = await startServerProcess(settings(role, killAfterAnswers));
      running.set(role, child);
      if (role === 'api') {
        fake.setServer(child.url);
        apiBack?.resolve(child);
        apiBack = undefined;
      }
      return child;
    },
    /** SIGKILL `role` (unless its crash point killed it already); how it ended. */
    async kill(role: Role, how: Promise<unknown>): Promise<string> {
      const child = running.get(role)!;
      if (role === 'api') {
        let resolve!: (p: ServerProcess) => void;
        const promise = new Promise<ServerProcess>((r) => (resolve = r));
        apiBack = { promise, resolve };
      }
      const ended = await Promise.race([child.exited, how.then(() => child.kill())]);
      if (role === 'api') fake.setServer(undefined);
      running.delete(role);
      return ended;
    },
    api(): Promise<ServerProcess> {
      return apiBack?.promise ?? Promise.resolve(running.get('api')!);
    },
    async stop(): Promise<string[]> {
      fake.setServer(undefined);
      return Promise.all(ROLES.map((role) => running.get(role)!.stop()));
    },
  };
}
type Cluster = ReturnType<typeof createCluster>;

/**
 * Submit `count` applications under the keys `<prefix>-<n>`, every one until accepted (201): a request
 * the API died under is sent again, with the same key, to the API that replaces it.
 */
async function submit(cluster: Cluster, prefix: string, count: number): Promise<Run['apps']> {
  const body = JSON.stringify(newbornApplication());
  const apps: Run['apps'] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const n = next++;
        for (;;) {
          const api = await cluster.api();
          let reply: Response;
          try {
            reply = await fetch(`${api.url}/api/applications`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': `${prefix}-${n}` },
              body,
              signal: AbortSignal.timeout(10_000),
            });
          } catch {
            await sleep(20); // the API died under this request: send it again
            continue;
          }
          const answer = await reply.text();
          expect(reply.status, answer).toBe(201);
          apps[n] = JSON.parse(answer) as { id: string; token: string };
          break;
        }
      }
    }),
  );
  return apps;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function run(crashes: number, seed: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'onething-crash-pg-'));
  dirs.push(dir);
  const db = await createTestDatabase(adminUrl!);
  databases.push(db);
  const fake = await createFakeDepartment({
    behaviour: crashBehaviour,
    outputs: newbornOutputs,
    callbackSecrets: CALLBACK_SECRETS,
  });
  const adaptersFile = writeAdapterFile(join(dir, 'adapters.json'), fake, CALLBACK_SECRETS, CRASH_HTTP);
  const next = seededRandom(seed);
  const log: string[] = [];
  fake.events.on('rejected', (e: { status: number; body: string }) =>
    log.push(`callback answered ${e.status}: ${e.body.slice(0, 160)}`),
  );
  const cluster = createCluster(
    (role, killAfterAnswers) => ({
      storage: 'postgres',
      databaseUrl: db.url,
      adaptersFile,
      pollMs: 50,
      postgres: QUEUE_POLICY,
      ...(role === 'api' ? { worker: false } : { api: false }),
      ...(killAfterAnswers ? { killAfterAnswers } : {}),
    }),
    fake,
  );
  const killAfter = () => 1 + Math.floor(next() * 8);
  // The API first: it migrates; the workers then find the schema and queues in place.
  await cluster.start('api');
  await Promise.all([cluster.start('worker 1', killAfter()), cluster.start('worker 2', killAfter())]);
  const apps: Run['apps'] = [];
  const batch = Math.ceil(APPLICATIONS / (crashes + 1));
  try {
    for (let round = 0; round < crashes; round++) {
      const victim = ROLES[Math.floor(next() * ROLES.length)]!;
      const mode =
        victim === 'api'
          ? (['submitting', 'timed'] as const)[Math.floor(next() * 2)]!
          : (['answer', 'delay', 'timed'] as const)[Math.floor(next() * 3)]!;
      const wait = 20 + Math.floor(next() * 400);
      const pause = Math.floor(next() * 500);
      const submitted = submit(cluster, `round${round}`, batch);
      const child = cluster.running.get(victim)!;
      let when: Promise<unknown>;
      if (mode === 'submitting')
        when = sleep(wait / 4); // while requests are in flight
      else if (mode === 'answer') {
        child.arm();
        when = sleep(1500); // a crash point that did not fire (no answer came) ends as a timed kill
      } else if (mode === 'delay')
        when = Promise.race([new Promise((r) => fake.events.once('delaying', r)), sleep(1500)]);
      else when = submitted.then(() => sleep(wait));
      const how = await cluster.kill(victim, when);
      const fired = mode === 'answer' && child.crashedAfterAnswer() ? ' after the answer' : '';
      const detail = mode === 'submitting' ? `(${wait / 4} ms)` : mode === 'timed' ? `(${wait} ms)` : '';
      log.push(`${victim} ${mode}${detail}: ${how}${fired}, down ${pause} ms`);
      await sleep(pause);
      await cluster.start(victim, victim === 'api' ? 0 : killAfter());
      apps.push(...(await submitted));
    }
    apps.push(...(await submit(cluster, 'last', APPLICATIONS - apps.length)));
    await waitUntilFinal((await cluster.api()).url, apps, cluster.stderr);
  } catch (error) {
    await Promise.all([...cluster.running.values()].map((p) => p.kill()));
    await fake.close();
    throw error;
  }
  expect(await cluster.stop(), cluster.stderr()).toEqual(['exit 0', 'exit 0', 'exit 0']);
  const rows = await query<{ id: string; state: Record<string, unknown> }>(
    db.url,
    'SELECT id, state FROM applications',
  );
  const byId = new Map(rows.map((r) => [r.id, r.state]));
  const dead = await query<{ n: string }>(
    db.url,
    "SELECT count(*) AS n FROM pgboss.job WHERE name = 'onething-dead'",
  );
  return {
    apps,
    states: apps.map((app) => byId.get(app.id)!),
    storedCount: rows.length,
    fake,
    log,
    deadJobs: Number(dead[0]!.n),
  };
}

describe.skipIf(!adminUrl)('crash tests (postgres: 1 API + 2 worker processes)', () => {
  it('every application ends as in an uninterrupted run, nothing lost, nothing applied twice', async () => {
    console.log(`postgres crash test seed ${SEED} (ONETHING_CRASH_SEED)`);
    const started = Date.now();
    const baseline = await run(0, SEED);
    const crashed = await run(CRASHES, SEED).catch(async (error: unknown) => {
      await baseline.fake.close();
      throw error;
    });
    const reconciled = crashed.fake.requests.filter(
      (r) => r.method === 'GET' && !r.path.endsWith('/updates'),
    );
    console.log(
      `postgres crash test seed ${SEED}: kills ${crashed.log.join('; ')}; ` +
        `${reconciled.length} reconcile request(s), callbacks ${JSON.stringify(crashed.fake.pushStats)}; ` +
        `${Date.now() - started} ms`,
    );
    try {
      expect(baseline.deadJobs).toBe(0);
      expect(crashed.deadJobs).toBe(0);
      expectSameOutcome(baseline, crashed, APPLICATIONS);
    } finally {
      await baseline.fake.close();
      await crashed.fake.close();
    }
  }, 90_000);
});
