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
/** The kills of a crashed run, in a seeded order; `answer` is the crash point between a department's
 * answer and the state commit. */
const KILLS: ReadonlyArray<{
  who: 'api' | 'worker' | 'workers';
  at: 'answer' | 'delay' | 'submitting' | 'timed';
}> = [
  { who: 'worker', at: 'answer' },
  { who: 'worker', at: 'answer' },
  { who: 'worker', at: 'delay' },
  { who: 'worker', at: 'timed' },
  { who: 'workers', at: 'timed' },
  { who: 'api', at: 'submitting' },
  { who: 'api', at: 'timed' },
];
const CRASHES = KILLS.length;
/**
 * A job active for 3 s belongs to a dead worker: above the longest department call here (a hang up to
 * the 1 s adapter timeout, then retries), so a live worker's job is never taken back. Maintenance
 * checks every second; a taken-back job waits the 1 s retry delay (doubled with jitter) first.
 */
const QUEUE_POLICY = { expireInSeconds: 3, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 };

type Role = 'api' | 'worker 1' | 'worker 2';
const ROLES: readonly Role[] = ['api', 'worker 1', 'worker 2'];

/** Resolves once `ready()` holds (checked every millisecond). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(1);
}

/** A seeded Fisher–Yates shuffle. */
function shuffled<T>(list: readonly T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const db of databases) await db.drop();
});

interface Run extends CrashOutcome {
  log: string[];
  deadJobs: number;
  /** Submissions sent again after the API died under them, and those answered as replays. */
  resent: number;
  replayed: number;
  /** Submissions accepted so far. */
  accepted: number;
  ms: number;
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
    /** SIGKILL `role` once `when` resolves (unless its crash point killed it first); how it ended. */
    async kill(role: Role, when: Promise<unknown>): Promise<string> {
      const child = running.get(role)!;
      await Promise.race([child.exited, when]);
      if (role === 'api') {
        // From now on requests wait for the next API process.
        fake.setServer(undefined);
        let resolve!: (p: ServerProcess) => void;
        const promise = new Promise<ServerProcess>((r) => (resolve = r));
        apiBack = { promise, resolve };
      }
      const ended = await child.kill();
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
async function submit(
  cluster: Cluster,
  prefix: string,
  count: number,
  stats: Pick<Run, 'resent' | 'replayed' | 'accepted'>,
): Promise<Run['apps']> {
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
            stats.resent++;
            await sleep(20); // the API died under this request: send it again
            continue;
          }
          const answer = await reply.text();
          expect(reply.status, answer).toBe(201);
          if (reply.headers.get('idempotent-replayed') === 'true') stats.replayed++;
          stats.accepted++;
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
  const started = Date.now();
  const next = seededRandom(seed);
  const log: string[] = [];
  const stats = { resent: 0, replayed: 0, accepted: 0 };
  // Early updates (409: the submission is not settled yet) are expected and only counted.
  let early = 0;
  fake.events.on('rejected', (e: { status: number; body: string }) => {
    if (e.status === 409 && early++ > 0) return;
    log.push(
      `callback answered ${e.status}: ${e.body.slice(0, 160)}${e.status === 409 ? ' (and later 409s)' : ''}`,
    );
  });
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
    for (const [round, kill] of shuffled(KILLS, next).slice(0, crashes).entries()) {
      const one: Role = next() < 0.5 ? 'worker 1' : 'worker 2';
      const victims: Role[] =
        kill.who === 'api' ? ['api'] : kill.who === 'workers' ? ['worker 1', 'worker 2'] : [one];
      const wait = 20 + Math.floor(next() * 400);
      const pause = Math.floor(next() * 500);
      const submitted = submit(cluster, `round${round}`, batch, stats);
      let when: Promise<unknown>;
      const acceptedBefore = stats.accepted;
      const nth = 1 + Math.floor(next() * 3);
      if (kill.at === 'submitting')
        // After the nth answer of this round, while the other requests are in flight.
        when = until(() => stats.accepted - acceptedBefore >= nth);
      else if (kill.at === 'answer') {
        cluster.running.get(one)!.arm();
        when = sleep(1500); // a crash point that did not fire (no answer came) ends as a timed kill
      } else if (kill.at === 'delay')
        when = Promise.race([new Promise((r) => fake.events.once('delaying', r)), sleep(1500)]);
      else when = sleep(wait);
      const children = victims.map((role) => cluster.running.get(role)!);
      const how = await Promise.all(victims.map((role) => cluster.kill(role, when)));
      const fired = children.some((c) => c.crashedAfterAnswer()) ? ' after the answer' : '';
      const detail =
        kill.at === 'submitting' ? `(after ${nth} accepted)` : kill.at === 'timed' ? `(${wait} ms)` : '';
      log.push(`${victims.join('+')} ${kill.at}${detail}: ${how.join('+')}${fired}, down ${pause} ms`);
      await sleep(pause);
      await Promise.all(victims.map((role) => cluster.start(role, role === 'api' ? 0 : killAfter())));
      apps.push(...(await submitted));
    }
    apps.push(...(await submit(cluster, 'last', APPLICATIONS - apps.length, stats)));
    await waitUntilFinal((await cluster.api()).url, apps, cluster.stderr);
  } catch (error) {
    console.log(`postgres crash test seed ${seed}: failed after the kills ${log.join('; ') || '(none)'}`);
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
    ...stats,
    ms: Date.now() - started,
  };
}

describe.skipIf(!adminUrl)('crash tests (postgres: 1 API + 2 worker processes)', () => {
  it('every application ends as in an uninterrupted run, nothing lost, nothing applied twice', async () => {
    console.log(`postgres crash test seed ${SEED} (ONETHING_CRASH_SEED)`);
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
        `${crashed.resent} submission(s) sent again, ${crashed.replayed} replayed; ` +
        `${reconciled.length} reconcile request(s), callbacks ${JSON.stringify(crashed.fake.pushStats)}; ` +
        `uninterrupted run ${baseline.ms} ms, crashed run ${crashed.ms} ms`,
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
