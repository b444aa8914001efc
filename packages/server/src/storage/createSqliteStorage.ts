import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FlowState } from '@onething/engine';
import { SQLITE_MIGRATIONS } from './sqliteSchema.js';
import type { ApplicationEvent, ClaimedJob, Job, Storage, StoredApplication, Tx } from './types.js';

/** The SQLite storage, plus its own job table (one machine: no queue server needed). */
export interface SqliteStorage extends Storage {
  readonly kind: 'sqlite';
  /** Claim up to `limit` due jobs for `leaseMs` (a crashed worker's jobs come back after it). */
  claimJobs(now: number, limit: number, leaseMs: number): Promise<ClaimedJob[]>;
  completeJob(id: string): Promise<void>;
  /** Mark a job done inside a transaction being run (`transaction(work)` → `work` calls this). */
  completeJobIn(tx: Tx, id: string): Promise<void>;
  /** Give a job back: retried at `runAt`, or kept as a dead letter after too many attempts. */
  failJob(id: string, error: string, runAt: number, dead: boolean): Promise<void>;
  /** Jobs that gave up (dead letters), newest first. */
  deadJobs(): Promise<Array<{ id: string; job: Job; attempts: number; error: string | null }>>;
  /** Applications still in progress, least recently changed first (operators' overdue list). */
  openApplications(limit: number): Promise<StoredApplication[]>;
  /** The earliest time a waiting job may run, for the worker's sleep. */
  nextJobAt(): Promise<number | undefined>;
  /**
   * Free the jobs claimed by a process that is gone. SQLite is served by one process, so at its start
   * every claim is a dead one's: its jobs run again at once instead of after their lease.
   */
  releaseLeases(): Promise<void>;
}

interface AppRow {
  id: string;
  bundle_id: string;
  revision: number;
  token_hash: string;
  state: string;
}
interface JobRow {
  id: number;
  name: Job['name'];
  application_id: string;
  target: string;
  run_at: number;
  attempts: number;
  last_error: string | null;
}

const toApplication = (row: AppRow | undefined): StoredApplication | undefined =>
  row && {
    id: row.id,
    bundleId: row.bundle_id,
    revision: row.revision,
    tokenHash: row.token_hash,
    state: JSON.parse(row.state) as FlowState,
  };

const toJob = (row: JobRow): Job =>
  row.name === 'call'
    ? { name: 'call', applicationId: row.application_id, callId: row.target, runAt: row.run_at }
    : row.name === 'timer'
      ? { name: 'timer', applicationId: row.application_id, timerId: row.target, runAt: row.run_at }
      : { name: 'poll', applicationId: row.application_id, runAt: row.run_at };

/** The job's key within its application: call id, timer id, or `poll`. */
export const jobTarget = (job: Job): string =>
  job.name === 'call' ? job.callId : job.name === 'timer' ? job.timerId : 'poll';

/**
 * Applications in one SQLite file (better-sqlite3, WAL): created with its directory on first use,
 * migrations applied. Transactions run one at a time in this process (SQLite has one writer), each
 * `BEGIN IMMEDIATE … COMMIT`, so a state, its events and its jobs are saved together or not at all.
 *
 * @example
 * const storage = createSqliteStorage('./data/onething.db');
 */
export function createSqliteStorage(file: string): SqliteStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < SQLITE_MIGRATIONS.length; i++) {
    db.exec('BEGIN');
    db.exec(SQLITE_MIGRATIONS[i]!);
    db.pragma(`user_version = ${i + 1}`);
    db.exec('COMMIT');
  }

  const q = {
    getApp: db.prepare<[string], AppRow>(
      'SELECT id, bundle_id, revision, token_hash, state FROM applications WHERE id = ?',
    ),
    insertApp: db.prepare(
      `INSERT OR IGNORE INTO applications (id, bundle_id, revision, status, token_hash, state, created_at, updated_at)
       VALUES (@id, @bundleId, @revision, @status, @tokenHash, @state, @at, @at)`,
    ),
    updateApp: db.prepare(
      `UPDATE applications SET revision = @revision, status = @status, state = @state, updated_at = @at
       WHERE id = @id AND revision = @revision - 1`,
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (application_id, revision, at, kind, data) VALUES (?, ?, ?, ?, ?)',
    ),
    eventsSince: db.prepare<
      [string, number],
      { application_id: string; revision: number; at: string; kind: string; data: string }
    >(
      'SELECT application_id, revision, at, kind, data FROM events WHERE application_id = ? AND revision > ? ORDER BY seq',
    ),
    insertJob: db.prepare(
      `INSERT INTO jobs (name, application_id, target, run_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name, application_id, target)
       DO UPDATE SET run_at = excluded.run_at, dead = 0, attempts = 0, locked_until = 0`,
    ),
    inbox: db.prepare('INSERT OR IGNORE INTO inbox (source, event_id, received_at) VALUES (?, ?, ?)'),
    getForCallback: db.prepare<[string, string, string], AppRow & { received: number }>(
      `SELECT id, bundle_id, revision, token_hash, state,
         EXISTS (SELECT 1 FROM inbox WHERE source = ? AND event_id = ?) AS received
       FROM applications WHERE id = ?`,
    ),
    getIdem: db.prepare<[string, string], { request_hash: string; status: number; body: string }>(
      'SELECT request_hash, status, body FROM idempotency WHERE key = ? AND created_at >= ?',
    ),
    purgeIdem: db.prepare<[string]>('DELETE FROM idempotency WHERE created_at < ?'),
    saveIdem: db.prepare(
      'INSERT OR REPLACE INTO idempotency (key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM applications'),
    open: db.prepare<[number], AppRow>(
      `SELECT id, bundle_id, revision, token_hash, state FROM applications
       WHERE status = 'inProgress' ORDER BY updated_at LIMIT ?`,
    ),
    due: db.prepare<[number, number, number], JobRow>(
      `SELECT id, name, application_id, target, run_at, attempts, last_error FROM jobs
       WHERE dead = 0 AND run_at <= ? AND locked_until <= ? ORDER BY run_at, id LIMIT ?`,
    ),
    lock: db.prepare('UPDATE jobs SET locked_until = ?, attempts = attempts + 1 WHERE id = ?'),
    // A job enqueued again while it ran (a timer re-armed) has locked_until reset: it stays, to run again.
    done: db.prepare('DELETE FROM jobs WHERE id = ? AND locked_until != 0'),
    fail: db.prepare(
      'UPDATE jobs SET run_at = ?, locked_until = 0, last_error = ?, dead = ? WHERE id = ? AND locked_until != 0',
    ),
    dead: db.prepare<[], JobRow>(
      'SELECT id, name, application_id, target, run_at, attempts, last_error FROM jobs WHERE dead = 1 ORDER BY id DESC',
    ),
    next: db.prepare<[], { at: number | null }>(
      'SELECT min(max(run_at, locked_until)) AS at FROM jobs WHERE dead = 0',
    ),
  };
  const appendEvents = (events: ApplicationEvent[]) => {
    for (const e of events)
      q.insertEvent.run(e.applicationId, e.revision, e.at, e.kind, JSON.stringify(e.data ?? null));
  };

  const tx: Tx = {
    getApplication: async (id) => toApplication(q.getApp.get(id)),
    async insertApplication(app) {
      const at = app.state.updatedAt;
      const result = q.insertApp.run({
        id: app.id,
        bundleId: app.bundleId,
        revision: app.revision,
        status: app.state.status,
        tokenHash: app.tokenHash,
        state: JSON.stringify(app.state),
        at,
      });
      return result.changes === 1;
    },
    async updateApplication(id, revision, state, events) {
      const result = q.updateApp.run({
        id,
        revision,
        status: state.status,
        state: JSON.stringify(state),
        at: state.updatedAt,
      });
      if (result.changes !== 1) return false;
      appendEvents(events);
      return true;
    },
    async appendEvents(events) {
      appendEvents(events);
    },
    async enqueue(jobs) {
      for (const job of jobs) q.insertJob.run(job.name, job.applicationId, jobTarget(job), job.runAt);
    },
    async acceptInbox(source, eventId) {
      return q.inbox.run(source, eventId, new Date().toISOString()).changes === 1;
    },
    async getIdempotent(key, notBefore) {
      const row = q.getIdem.get(key, new Date(notBefore).toISOString());
      return (
        row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) as unknown }
      );
    },
    async saveIdempotent(key, requestHash, status, body, at) {
      q.saveIdem.run(key, requestHash, status, JSON.stringify(body), new Date(at).toISOString());
    },
  };

  // One writer: transactions of this process run one after another, and those that queue up while
  // one commits are grouped into the next commit (each in its own savepoint, so one that fails rolls
  // back alone). A caller hears of its transaction only after the commit that holds it.
  interface Pending {
    work: (t: Tx) => Promise<unknown>;
    resolve(value: unknown): void;
    reject(error: unknown): void;
  }
  const queue: Pending[] = [];
  let draining: Promise<void> | undefined;
  const MAX_GROUP = 64;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      const done: Array<{ p: Pending; ok: boolean; value: unknown }> = [];
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        for (const p of group) p.reject(error);
        continue;
      }
      for (const p of group) {
        db.exec('SAVEPOINT work');
        try {
          const value = await p.work(tx);
          db.exec('RELEASE work');
          done.push({ p, ok: true, value });
        } catch (error) {
          db.exec('ROLLBACK TO work');
          db.exec('RELEASE work');
          done.push({ p, ok: false, value: error });
        }
      }
      try {
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        for (const { p } of done) p.reject(error);
        continue;
      }
      for (const { p, ok, value } of done) (ok ? p.resolve : p.reject)(value);
    }
    draining = undefined;
  }

  function transaction<T>(work: (t: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Start after the current turn of the event loop: the requests that arrived together (one I/O
      // poll) then share one commit instead of each paying for its own.
      draining ??= new Promise<void>((go) => setImmediate(go)).then(drain);
    });
  }
  const settled = async () => {
    while (draining) await draining;
  };

  return {
    kind: 'sqlite',
    transaction,
    getApplication: async (id) => toApplication(q.getApp.get(id)),
    async eventsSince(applicationId, revision) {
      return q.eventsSince.all(applicationId, revision).map((r): ApplicationEvent => ({
        applicationId: r.application_id,
        revision: r.revision,
        at: r.at,
        kind: r.kind,
        data: JSON.parse(r.data) as unknown,
      }));
    },
    countApplications: async () => q.count.get()!.n,
    getForCallback: async (applicationId, source, eventId) => {
      const row = q.getForCallback.get(source, eventId, applicationId);
      return { application: toApplication(row), received: row?.received === 1 };
    },
    purgeIdempotency: (before) =>
      transaction(async () => q.purgeIdem.run(new Date(before).toISOString()).changes),
    claimJobs: (now, limit, leaseMs) =>
      transaction(async () => {
        const rows = q.due.all(now, now, limit);
        for (const row of rows) q.lock.run(now + leaseMs, row.id);
        return rows.map((row) => ({ id: String(row.id), job: toJob(row), attempts: row.attempts + 1 }));
      }),
    completeJob: (id) =>
      transaction(async () => {
        q.done.run(Number(id));
      }),
    async completeJobIn(t, id) {
      if (t !== tx) throw new Error('completeJobIn: not a transaction of this storage');
      q.done.run(Number(id));
    },
    failJob: (id, error, runAt, dead) =>
      transaction(async () => {
        q.fail.run(runAt, error.slice(0, 500), dead ? 1 : 0, Number(id));
      }),
    deadJobs: async () =>
      q.dead.all().map((row) => ({
        id: String(row.id),
        job: toJob(row),
        attempts: row.attempts,
        error: row.last_error,
      })),
    openApplications: async (limit) => q.open.all(limit).map((row) => toApplication(row)!),
    nextJobAt: async () => q.next.get()?.at ?? undefined,
    async close() {
      await settled();
      db.close();
    },
    releaseLeases: () =>
      transaction(async () => {
        db.prepare('UPDATE jobs SET locked_until = 0 WHERE locked_until != 0').run();
      }),
  };
}
