// The PostgreSQL mode against a real server (ONETHING_TEST_PG, see postgresTestDatabase.ts): each test
// gets its own fresh database. Without ONETHING_TEST_PG the suite says so in one line and is skipped;
// under CI=true it fails instead. The multi-process test runs the built CLI (npm run build first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPgBossJobRunner,
  createPostgresStorage,
  createServer,
  NotDueError,
  PG_MIGRATIONS,
  type Job,
  type PostgresStorage,
} from '../src/index.js';
import { createTestDatabase, postgresForTests, type TestDatabase } from './postgresTestDatabase.js';

const adminUrl = await postgresForTests();

const root = join(__dirname, '../../..');
const onethingBin = join(root, 'packages/engine/bin/onething.js');
const serverDist = join(root, 'packages/server/dist/index.js');
const valid = JSON.parse(
  readFileSync(join(root, 'examples/newborn/data/valid-complete.json'), 'utf8'),
) as Record<string, unknown>;
const materials = (
  JSON.parse(readFileSync(join(root, 'examples/newborn/scenarios/happy-path.json'), 'utf8')) as {
    materials?: Record<string, unknown>;
  }
).materials;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process and everything it printed. */
interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** Stop a child we started: SIGTERM, then SIGKILL if it has not exited after 15 s. */
async function stop(child: Child): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  child.process.kill('SIGTERM');
  const killer = setTimeout(() => child.process.kill('SIGKILL'), 15_000);
  const code = await child.exited;
  clearTimeout(killer);
  return code;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!adminUrl)('the server on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const children: Child[] = [];
  const fresh = async () => {
    const db = await createTestDatabase(adminUrl!);
    databases.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(children.map(stop));
    for (const db of databases) await db.drop();
  });

  it('migrates once when several processes start together, and again finds nothing to do', async () => {
    expect(existsSync(serverDist), 'run `npm run build` first').toBe(true);
    const inProcess = await fresh();
    const storages = await Promise.all(
      [1, 2, 3, 4].map(() => createPostgresStorage({ connectionString: inProcess.url })),
    );
    await Promise.all(storages.map((s) => s.close()));

    const separate = await fresh();
    const script = `const { createPostgresStorage } = await import(process.argv[1]);
      const s = await createPostgresStorage({ connectionString: process.env.DATABASE_URL });
      await s.close();`;
    const start = () =>
      run(['--input-type=module', '-e', script, pathToFileURL(serverDist).href], {
        DATABASE_URL: separate.url,
      });
    const pair = [start(), start()];
    children.push(...pair);
    expect(await Promise.all(pair.map((c) => c.exited)), pair.map((c) => c.output()).join('\n')).toEqual([
      0, 0,
    ]);
    const again = start();
    children.push(again);
    expect(await again.exited, again.output()).toBe(0);

    for (const db of [inProcess, separate]) {
      const versions = await query<{ version: number }>(
        db.url,
        'SELECT version FROM onething_migrations ORDER BY version',
      );
      expect(versions.map((v) => v.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      const queues = await query<{ name: string }>(db.url, 'SELECT name FROM pgboss.queue ORDER BY name');
      expect(queues.map((q) => q.name)).toEqual([
        'onething-call',
        'onething-dead',
        'onething-poll',
        'onething-timer',
      ]);
      expect(await query(db.url, 'SELECT version FROM pgboss.version')).toHaveLength(1);
    }
  }, 60_000);

  it('carries a newborn application to completed with simulated departments; a state change and its jobs commit together', async () => {
    const db = await fresh();
    const server = await createServer({
      bundlesDir: join(root, 'examples'),
      databaseUrl: db.url,
      pollIntervalMs: 20,
    });
    try {
      expect(server.storage.kind).toBe('postgres');
      const storage = server.storage as PostgresStorage;
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { bundleId: 'newborn', data: valid, materials },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id, token } = res.json<{ id: string; token: string }>();
      const status = async () =>
        (
          await server.app.inject({
            method: 'GET',
            url: `/api/applications/${id}`,
            headers: { authorization: `Bearer ${token}` },
          })
        ).json<{ state: { status: string } }>().state.status;
      await expect.poll(status, { timeout: 30_000, interval: 100 }).toBe('completed');
      const events = await storage.eventsSince(id, 0);
      const revisions = events.filter((e) => e.kind === 'state').map((e) => e.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(revisions.at(-1)).toBe((await storage.getApplication(id))!.revision);

      // Tampered data: 422, nothing stored.
      const before = await storage.countApplications();
      const bad = await server.app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { bundleId: 'newborn', data: { notAField: 1 } },
      });
      expect(bad.statusCode).toBe(422);
      expect(await storage.countApplications()).toBe(before);

      // A transaction that throws after enqueueing leaves neither the state nor its jobs nor events.
      const state = (await storage.getApplication(id))!.state;
      const later = Date.now() + 3_600_000;
      const write = (appId: string, fail: boolean) =>
        storage.transaction(async (tx) => {
          await tx.insertApplication({ id: appId, bundleId: 'newborn', revision: 1, state, tokenHash: 'x' });
          await tx.appendEvents([
            { applicationId: appId, revision: 1, at: state.updatedAt, kind: 'state', data: {} },
          ]);
          await tx.enqueue([{ name: 'timer', applicationId: appId, timerId: 'noSuchTimer', runAt: later }]);
          if (fail) throw new Error('crash after enqueue');
        });
      const jobsOf = async (appId: string) =>
        (await query(db.url, "SELECT id FROM pgboss.job WHERE data->>'applicationId' = $1", [appId])).length;
      await expect(write('atomic-rolled-back', true)).rejects.toThrow('crash after enqueue');
      expect(await storage.getApplication('atomic-rolled-back')).toBeUndefined();
      expect(await storage.eventsSince('atomic-rolled-back', 0)).toEqual([]);
      expect(await jobsOf('atomic-rolled-back')).toBe(0);
      await write('atomic-committed', false);
      expect(await storage.getApplication('atomic-committed')).toBeDefined();
      expect(await storage.eventsSince('atomic-committed', 0)).toHaveLength(1);
      expect(await jobsOf('atomic-committed')).toBe(1);

      // getApplication in a transaction locks the row: two writers go one after the other.
      const stateEvent = (revision: number) => ({
        applicationId: 'atomic-committed',
        revision,
        at: '2025-03-20T09:30:00+08:00',
        kind: 'state',
        data: { revision },
      });
      const bump = () =>
        storage.transaction(async (tx) => {
          const current = (await tx.getApplication('atomic-committed'))!;
          await sleep(50); // let the other transaction try to read meanwhile
          const revision = current.revision + 1;
          return tx.updateApplication(current.id, revision, current.state, [stateEvent(revision)]);
        });
      expect(await Promise.all([bump(), bump()])).toEqual([true, true]);
      const bumped = (await storage.getApplication('atomic-committed'))!;
      expect(bumped.revision).toBe(3);
      expect((await storage.eventsSince('atomic-committed', 1)).map((e) => e.revision)).toEqual([2, 3]);
      // A stale revision is refused, and the events it brought are not saved.
      expect(
        await storage.transaction((tx) => tx.updateApplication(bumped.id, 3, bumped.state, [stateEvent(3)])),
      ).toBe(false);
      expect(await storage.eventsSince('atomic-committed', 0)).toHaveLength(3);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('concurrent creates with one Idempotency-Key make one application; the others replay its answer', async () => {
    const db = await fresh();
    const server = await createServer({
      bundlesDir: join(root, 'examples'),
      databaseUrl: db.url,
      worker: false,
    });
    try {
      const replies = await Promise.all(
        Array.from({ length: 6 }, () =>
          server.app.inject({
            method: 'POST',
            url: '/api/applications',
            headers: { 'idempotency-key': 'same-key-1' },
            payload: { bundleId: 'newborn', data: valid, materials },
          }),
        ),
      );
      expect(replies.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      expect(new Set(replies.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
      expect(await server.storage.countApplications()).toBe(1);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('retries a failing job with backoff into the dead letters, re-sends a job not due yet for its instant, and takes back the job of a worker that died', async () => {
    const db = await fresh();
    const storage = await createPostgresStorage({
      connectionString: db.url,
      retryLimit: 1,
      retryDelaySeconds: 1,
      expireInSeconds: 1,
      maintenanceIntervalSeconds: 1,
    });
    const runner = createPgBossJobRunner(storage, { pollMs: 50 });
    try {
      // A worker that took a job and died: fetched, never completed.
      await storage.transaction((tx) =>
        tx.enqueue([{ name: 'call', applicationId: 'orphan', callId: 'c', runAt: Date.now() }]),
      );
      expect(await storage.boss.fetch('onething-call')).toHaveLength(1);

      const seen: Array<{ job: Job; attempt: number; at: number }> = [];
      const due = Date.now() + 1500;
      await runner.start(async (job, attempt) => {
        seen.push({ job, attempt, at: Date.now() });
        if (job.applicationId === 'failing') throw new Error('department down');
        if (job.name === 'timer' && Date.now() < due) throw new NotDueError(due);
      });
      await storage.transaction((tx) =>
        tx.enqueue([
          { name: 'timer', applicationId: 'rearmed', timerId: 't', runAt: Date.now() },
          { name: 'call', applicationId: 'failing', callId: 'c', runAt: Date.now() },
        ]),
      );
      const of = (applicationId: string) => seen.filter((s) => s.job.applicationId === applicationId);
      await expect.poll(() => storage.deadJobs(), { timeout: 20_000, interval: 100 }).toHaveLength(1);
      await expect.poll(() => of('rearmed').length, { timeout: 20_000, interval: 100 }).toBe(2);
      await expect.poll(() => of('orphan').length, { timeout: 20_000, interval: 100 }).toBe(1);

      const dead = await storage.deadJobs();
      expect(dead[0]!.job).toMatchObject({ name: 'call', applicationId: 'failing', callId: 'c' });
      expect(JSON.stringify(dead[0]!.error)).toContain('department down');
      expect(of('failing').map((s) => s.attempt)).toEqual([1, 2]);
      const [early, onTime] = of('rearmed');
      expect(early!.at).toBeLessThan(due);
      expect(onTime!.at).toBeGreaterThanOrEqual(due); // never before its instant
      expect(of('orphan')[0]!.attempt).toBe(2); // a second attempt: the job handler reconciles first
    } finally {
      await runner.stop();
      await storage.close();
    }
  }, 60_000);

  it('a backlog of department calls does not starve polls and timers: each queue is fetched first in turn', async () => {
    const db = await fresh();
    const storage = await createPostgresStorage({ connectionString: db.url });
    const runner = createPgBossJobRunner(storage, { concurrency: 4, pollMs: 20 });
    try {
      const now = Date.now();
      await storage.transaction((tx) =>
        tx.enqueue(
          Array.from({ length: 200 }, (_, i): Job => ({
            name: 'call',
            applicationId: `a${i}`,
            callId: 'c',
            runAt: now,
          })),
        ),
      );
      await storage.transaction((tx) =>
        tx.enqueue([
          { name: 'poll', applicationId: 'polled', runAt: now },
          { name: 'timer', applicationId: 'timed', timerId: 't', runAt: now },
        ]),
      );
      const order: string[] = [];
      await runner.start(async (job) => {
        order.push(job.name);
        await sleep(10);
      });
      await expect.poll(() => order.length, { timeout: 30_000, interval: 50 }).toBe(202);
      // Fetching the calls first every time would run the other two after all 200 calls.
      expect(order.indexOf('poll')).toBeLessThan(20);
      expect(order.indexOf('timer')).toBeLessThan(20);
    } finally {
      await runner.stop();
      await storage.close();
    }
  }, 60_000);

  it('one API process and two `onething worker` processes carry 200 applications to completed, each submission applied once', async () => {
    expect(existsSync(serverDist), 'run `npm run build` first').toBe(true);
    const db = await fresh();
    const department = await startLoopbackDepartment();
    const common = [
      '--bundles',
      join(root, 'examples'),
      '--departments',
      department.url,
      '--poll-interval',
      '100',
    ];
    const env = { DATABASE_URL: db.url };
    const api = run([onethingBin, 'serve', '--port', '0', ...common], { ...env, ONETHING_WORKER: '0' });
    const workers = [1, 2].map(() => run([onethingBin, 'worker', ...common], env));
    children.push(api, ...workers);
    try {
      await expect
        .poll(() => /on (http:\/\/\S+) /.exec(api.output())?.[1], { timeout: 30_000, interval: 50 })
        .toBeDefined();
      const base = /on (http:\/\/\S+) /.exec(api.output())![1]!;
      await expect
        .poll(() => workers.every((w) => w.output().includes('worker running')), {
          timeout: 30_000,
          interval: 50,
        })
        .toBe(true);

      const total = 200;
      const started = Date.now();
      const ids: string[] = [];
      const submitOne = async () => {
        const res = await fetch(`${base}/api/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ bundleId: 'newborn', data: valid, materials }),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      };
      for (let i = 0; i < total; i += 20) await Promise.all(Array.from({ length: 20 }, submitOne));
      const accepted = Date.now();
      const completed = async () =>
        Number(
          (
            await query<{ n: string }>(
              db.url,
              "SELECT count(*) AS n FROM applications WHERE status = 'completed'",
            )
          )[0]!.n,
        );
      await expect.poll(completed, { timeout: 150_000, interval: 250 }).toBe(total);
      const done = Date.now();
      console.log(
        `PostgreSQL, 1 API + 2 worker processes: ${total} newborn applications accepted in ${accepted - started} ms, all completed after ${done - started} ms; department: ${department.submitRequests()} submit requests, ${department.effects()} effects`,
      );

      // Each (application, item) was submitted under one idempotency key, the one its state keeps,
      // and the department took effect once per key.
      const items = await query<{ id: string; item: string; key: string | null }>(
        db.url,
        "SELECT a.id, e.key AS item, e.value->>'idempotencyKey' AS key FROM applications a, jsonb_each(a.state->'items') e",
      );
      const expected = new Map(items.filter((r) => r.key).map((r) => [`${r.id}:${r.item}`, r.key!]));
      expect(expected.size).toBeGreaterThanOrEqual(total);
      const seen = department.keysByItem();
      for (const [pair, keys] of seen) expect([...keys], pair).toEqual([expected.get(pair)]);
      expect(new Set(seen.keys())).toEqual(new Set(expected.keys()));
      expect(department.effects()).toBe(expected.size);
      expect(new Set(ids).size).toBe(total);
    } finally {
      const codes = await Promise.all([api, ...workers].map(stop));
      await department.close();
      expect(codes, [api, ...workers].map((c) => c.output()).join('\n')).toEqual([0, 0, 0]);
    }
  }, 240_000);
});

/**
 * A department behind the engine's HTTP adapter endpoints, for every department id (`/<id>/…`): accepts a
 * submission once per idempotency key, then reports it in review and issued when polled. It counts the
 * keys it took effect for, across every worker process calling it.
 */
async function startLoopbackDepartment() {
  const submissions = new Map<string, { applicationId: string; item: string; receiptNo: string }>();
  const keysByItem = new Map<string, Set<string>>();
  let submitRequests = 0;
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const parts = new URL(req.url ?? '/', 'http://department').pathname
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      const key = String(req.headers['idempotency-key'] ?? '');
      const reply = (status: number, value?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(value === undefined ? '' : JSON.stringify(value));
      };
      const [, collection, submissionKey, action] = parts;
      if (collection !== 'submissions') return reply(404, { error: 'not found' });
      if (req.method === 'POST' && submissionKey === undefined) {
        submitRequests++;
        let taken = submissions.get(key);
        if (!taken) {
          const request = JSON.parse(body) as { applicationId: string; item: string };
          taken = {
            applicationId: request.applicationId,
            item: request.item,
            receiptNo: `R${submissions.size + 1}`,
          };
          submissions.set(key, taken);
          const pair = `${request.applicationId}:${request.item}`;
          keysByItem.set(pair, (keysByItem.get(pair) ?? new Set()).add(key));
        }
        return reply(200, { status: 'accepted', receiptNo: taken.receiptNo });
      }
      const taken = submissionKey === undefined ? undefined : submissions.get(submissionKey);
      if (req.method === 'GET' && action === undefined)
        return taken
          ? reply(200, { status: 'accepted', receiptNo: taken.receiptNo })
          : reply(404, { error: 'unknown key' });
      if (req.method === 'GET' && action === 'updates') {
        if (!taken) return reply(200, []);
        const envelope = (n: number, status: 'inReview' | 'issued') => ({
          eventId: `${submissionKey}:${n}`,
          applicationId: taken.applicationId,
          item: taken.item,
          update: { status },
        });
        return reply(200, [envelope(1, 'inReview'), envelope(2, 'issued')]);
      }
      if (req.method === 'POST') return reply(200, { status: 'ok' }); // supplements, withdrawal
      return reply(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    submitRequests: () => submitRequests,
    effects: () => submissions.size,
    keysByItem: () => keysByItem,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
