import type PgBoss from 'pg-boss';
import type { PostgresStorage } from '../storage/createPostgresStorage.js';
import { PG_QUEUES, sendPgJobs } from '../storage/pgBossQueues.js';
import type { Job, JobRunner } from '../storage/types.js';
import { NotDueError } from './createJobHandler.js';
import { createJobLoop, type JobLoop } from './createJobLoop.js';

export interface PgBossJobRunnerOptions {
  /** Jobs run at once in this process (default 16). */
  concurrency?: number;
  /** Idle interval between fetches when the queues were empty (default 250 ms). */
  pollMs?: number;
  /**
   * While jobs run, fetch again only once this many slots are free (default half the concurrency).
   * A pg-boss fetch sorts the whole due backlog of its queue (70 ms at 40,000 waiting jobs) whatever
   * it takes, so fetching for every slot that frees makes a backlog cost quadratic time.
   */
  batch?: number;
  /** A job not due yet waits at least this long before it is fetched again (default 250 ms). */
  minDelayMs?: number;
  onError?: (job: Job, error: unknown) => void;
}

const QUEUES = [PG_QUEUES.call, PG_QUEUES.timer, PG_QUEUES.poll];

/**
 * `complete(queue, id)` resolves once the job is completed in pg-boss. Jobs that end while a
 * completion is under way are completed together in the next one (one statement per queue): under
 * load one statement completes many jobs, when idle each completes at once.
 */
function batchedCompletion(boss: PgBoss): (queue: string, id: string) => Promise<void> {
  let waiting = new Map<string, string[]>();
  let current: Promise<unknown> = Promise.resolve();
  let upcoming: Promise<void> | undefined;
  return (queue, id) => {
    const ids = waiting.get(queue);
    if (ids) ids.push(id);
    else waiting.set(queue, [id]);
    if (!upcoming) {
      upcoming = current.then(async () => {
        const batch = waiting;
        waiting = new Map();
        upcoming = undefined;
        await Promise.all([...batch].map(([name, ids]) => boss.complete(name, ids)));
      });
      current = upcoming.catch(() => undefined);
    }
    return upcoming;
  };
}

/**
 * The job loop of the PostgreSQL mode: fetches due jobs from the pg-boss queues (`FOR UPDATE SKIP
 * LOCKED`, so any number of worker processes share them), runs each with its attempt number, and
 * completes it or fails it one by one. pg-boss owns retries (backoff, then the dead-letter queue) and
 * takes back the jobs of a worker that died once they expire. A job not due yet (a timer re-armed
 * later) is sent again for its new instant and completed, in one transaction.
 *
 * @example
 * const runner = createPgBossJobRunner(storage, { concurrency: 32 });
 * await runner.start(createJobHandler({ service, bundles, adapters }));
 */
export function createPgBossJobRunner(
  storage: PostgresStorage,
  options: PgBossJobRunnerOptions = {},
): JobRunner {
  const { boss, pool } = storage;
  const concurrency = options.concurrency ?? 16;
  const pollMs = options.pollMs ?? 250;
  const minDelayMs = options.minDelayMs ?? 250;
  const batch = options.batch ?? Math.ceil(concurrency / 2);
  const complete = batchedCompletion(boss);

  async function reschedule(queue: string, id: string, job: Job, runAt: number): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) };
      await sendPgJobs(boss, db, [job], Math.max(runAt, Date.now() + minDelayMs));
      await boss.complete(queue, id, {}, { db });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function runOne(
    queue: string,
    fetched: PgBoss.JobWithMetadata<Job>,
    handler: (job: Job, attempt: number) => Promise<void>,
  ): Promise<void> {
    const job = fetched.data;
    try {
      await handler(job, fetched.retryCount + 1);
      await complete(queue, fetched.id);
    } catch (error) {
      try {
        if (error instanceof NotDueError) return await reschedule(queue, fetched.id, job, error.runAt);
        options.onError?.(job, error);
        const message = error instanceof Error ? error.message : String(error);
        await boss.fail(queue, fetched.id, { message: message.slice(0, 500) });
      } catch (bookkeeping) {
        // The job stays active and comes back when it expires.
        options.onError?.(job, bookkeeping);
      }
    }
  }

  /** Which queue the next fetch asks first: each in turn, so no backlog starves the others. */
  let turn = 0;
  async function fetchSome(free: number): Promise<Array<[string, PgBoss.JobWithMetadata<Job>]>> {
    const taken: Array<[string, PgBoss.JobWithMetadata<Job>]> = [];
    const first = turn++ % QUEUES.length;
    for (const queue of [...QUEUES.slice(first), ...QUEUES.slice(0, first)]) {
      const room = free - taken.length;
      if (room <= 0) break;
      // No job has a priority: ordering by it would only make pg-boss's sort of the backlog dearer.
      const jobs = await boss.fetch<Job>(queue, { batchSize: room, includeMetadata: true, priority: false });
      for (const job of jobs) taken.push([queue, job]);
    }
    return taken;
  }

  let loop: JobLoop | undefined;
  return {
    async start(handler: (job: Job, attempt: number) => Promise<void>): Promise<void> {
      loop = createJobLoop({
        concurrency,
        pollMs,
        batch,
        // The database is away: nothing taken, try again after the idle interval.
        claim: (free) => fetchSome(free).catch(() => []),
        run: ([queue, fetched]) => runOne(queue, fetched, handler),
      });
      loop.start();
    },
    /** Fetch now (a job was sent by this process). */
    poke(): void {
      loop?.poke();
    },
    async stop(): Promise<void> {
      await loop?.stop();
    },
  };
}
