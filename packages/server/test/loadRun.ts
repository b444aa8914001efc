// One load run, shared by the load tests and `npm run bench:server`: the server as child processes
// (SQLite: one process; PostgreSQL: one API process and `workers` worker-only processes on a fresh
// database), every newborn department behind the fake department (some calling back, the others
// polled), `applications` newborn applications POSTed over keep-alive HTTP with bounded concurrency,
// then waiting until every application is final. Reports throughput, latencies, end-to-end time and
// what the fake department counted.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  FINAL,
  newbornApplication,
  newbornOutputs,
  startServerProcess,
  writeAdapterFile,
  type ServerProcess,
  type StorageMode,
} from './crashHarness.js';
import { createFakeDepartment, type FakeBehaviour } from './fakeDepartment.js';
import { createLoadClient, runPool } from './loadClient.js';
import { createTestDatabase } from './postgresTestDatabase.js';

export interface LoadOptions {
  storage: StorageMode;
  /** A fresh folder for the database (SQLite) and the adapter file. */
  dir: string;
  /**
   * PostgreSQL (storage `postgres`): a server whose user may CREATE DATABASE, e.g.
   * postgres://postgres@127.0.0.1:5432/postgres. The run gets a fresh database, dropped after it.
   */
  databaseUrl?: string;
  /** PostgreSQL: worker-only processes next to the API process (default 2; 0: the API process works). */
  workers?: number;
  applications: number;
  /** Requests in flight at once (default 64). */
  concurrency?: number;
  /** How long to wait for every application to be final (default 10 min). */
  timeoutMs?: number;
  onProgress?: (text: string) => void;
}

export interface LoadResult {
  /** 201 answers, and every other status seen with its count. */
  accepted: number;
  rejected: Record<string, number>;
  submitMs: number;
  /** Milliseconds of each POST /api/applications. */
  latencies: number[];
  /** From the first POST until every application is final. */
  endToEndMs: number;
  /** Applications stored, by status. */
  statuses: Record<string, number>;
  /** Idempotency keys that took effect more than once, and items submitted under more than one key. */
  duplicates: string[];
  /** Items of accepted applications the department never received. */
  unsent: number;
  /** Jobs that gave up (dead letters). */
  deadJobs: number;
  departmentRequests: number;
  /** Callback deliveries the fake department attempted, and how many the server took or refused (409 too early…). */
  callbacks: { attempts: number; delivered: number; rejected: number; failed: number };
}

const SECRETS = { health: 'health-callback-secret-0001', hrss: 'hrss-callback-secret-00000001' };
const behaviour = (department: string): FakeBehaviour => (department === 'tax' ? { failFirst: 1 } : {});

/** Every item of the newborn bundle applies to the complete application. */
const ITEMS = [
  'birthCert',
  'vaccineCert',
  'birthReg',
  'medInsReg',
  'medInsPay',
  'ssCard',
  'maternityBenefit',
  'birthRegistration',
  'parentingGuide',
];

/** The server processes of one run, and how many applications they hold by status. */
interface Cluster {
  url: string;
  statuses(): Promise<Record<string, number>>;
  /** Jobs that gave up (dead letters). */
  deadJobs(): Promise<number>;
  stderr(): string;
  stop(): Promise<void>;
}

/** Department polling interval of the server processes. */
const POLL_MS = 500;

/** One process on a SQLite file in `dir`, API and worker; statuses read from the file. */
async function startSqlite(dir: string, adaptersFile: string): Promise<Cluster> {
  const db = join(dir, 'onething.db');
  const server = await startServerProcess({ storage: 'sqlite', db, adaptersFile, pollMs: POLL_MS });
  const counts = new Database(db, { readonly: true });
  const byStatus = counts.prepare<[], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM applications GROUP BY status',
  );
  const dead = counts.prepare<[], { n: number }>('SELECT count(*) AS n FROM jobs WHERE dead = 1');
  return {
    url: server.url,
    statuses: async () => Object.fromEntries(byStatus.all().map((r) => [r.status, r.n])),
    deadJobs: async () => dead.get()!.n,
    stderr: server.stderr,
    async stop() {
      counts.close();
      await server.stop();
    },
  };
}

/**
 * On a fresh PostgreSQL database: one API process (its worker off unless `workers` is 0) started
 * first, so it migrates, then the worker-only processes. Dropped again by `stop`.
 */
async function startPostgres(adminUrl: string, workers: number, adaptersFile: string): Promise<Cluster> {
  const db = await createTestDatabase(adminUrl);
  const processes: ServerProcess[] = [];
  const counts = new pg.Client({ connectionString: db.url });
  try {
    const common = { storage: 'postgres', databaseUrl: db.url, adaptersFile, pollMs: POLL_MS } as const;
    processes.push(await startServerProcess({ ...common, worker: workers === 0 }));
    processes.push(
      ...(await Promise.all(
        Array.from({ length: workers }, () => startServerProcess({ ...common, api: false })),
      )),
    );
    await counts.connect();
  } catch (error) {
    await Promise.all(processes.map((p) => p.kill()));
    await counts.end().catch(() => undefined);
    await db.drop();
    throw error;
  }
  const names = ['api', ...Array.from({ length: workers }, (_, i) => `worker ${i + 1}`)];
  return {
    url: processes[0]!.url,
    async statuses() {
      const { rows } = await counts.query<{ status: string; n: string }>(
        'SELECT status, count(*) AS n FROM applications GROUP BY status',
      );
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async deadJobs() {
      const { rows } = await counts.query<{ n: string }>(
        "SELECT count(*) AS n FROM pgboss.job WHERE name = 'onething-dead'",
      );
      return Number(rows[0]!.n);
    },
    stderr: () => processes.map((p, i) => `--- ${names[i]} ---\n${p.stderr().slice(-2000)}`).join('\n'),
    async stop() {
      await counts.end();
      await Promise.all(processes.map((p) => p.stop()));
      await db.drop();
    },
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.storage === 'postgres' && !options.databaseUrl)
    throw new Error('runLoad: storage postgres needs databaseUrl (a server whose user may CREATE DATABASE)');
  const progress = options.onProgress ?? (() => undefined);
  const fake = await createFakeDepartment({ behaviour, outputs: newbornOutputs, callbackSecrets: SECRETS });
  const adaptersFile = writeAdapterFile(join(options.dir, 'adapters.json'), fake, SECRETS, {
    timeoutMs: 10_000,
    retries: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
  });
  const server = await (
    options.storage === 'postgres'
      ? startPostgres(options.databaseUrl!, options.workers ?? 2, adaptersFile)
      : startSqlite(options.dir, adaptersFile)
  ).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  fake.setServer(server.url);
  const client = createLoadClient(server.url, options.concurrency ?? 64);
  const application = newbornApplication();
  const statuses = () => server.statuses();
  try {
    const ids: string[] = [];
    const latencies: number[] = [];
    const rejected: Record<string, number> = {};
    const started = performance.now();
    await runPool(options.applications, options.concurrency ?? 64, async () => {
      const reply = await client.send('POST', '/api/applications', application);
      if (reply.status === 201) {
        ids.push((reply.body as { id: string }).id);
        latencies.push(reply.ms);
      } else rejected[reply.status] = (rejected[reply.status] ?? 0) + 1;
    });
    const submitMs = performance.now() - started;
    progress(`${ids.length} accepted in ${(submitMs / 1000).toFixed(1)} s`);
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let last = '';
    for (;;) {
      const now = await statuses();
      const open = Object.entries(now)
        .filter(([s]) => !FINAL.has(s))
        .reduce((sum, [, n]) => sum + n, 0);
      if (open === 0) break;
      if (Date.now() > deadline)
        throw new Error(`not final in time: ${JSON.stringify(now)}\n${server.stderr()}`);
      const text = JSON.stringify(now);
      if (text !== last) progress(`${((performance.now() - started) / 1000).toFixed(1)} s ${text}`);
      last = text;
      await new Promise((r) => setTimeout(r, 250));
    }
    const endToEndMs = performance.now() - started;
    const duplicates = [...fake.effects].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
    let unsent = 0;
    for (const id of ids)
      for (const item of ITEMS) {
        const seen = fake.submissionsOf(id, item).length;
        if (seen === 0) unsent++;
        if (seen > 1) duplicates.push(`${id}:${item} submitted ${seen} times`);
      }
    return {
      accepted: ids.length,
      rejected,
      submitMs,
      latencies,
      endToEndMs,
      statuses: await statuses(),
      duplicates,
      unsent,
      deadJobs: await server.deadJobs(),
      departmentRequests: fake.requests.length,
      callbacks: { ...fake.pushStats },
    };
  } finally {
    client.close();
    fake.setServer(undefined);
    await server.stop();
    await fake.close();
  }
}
