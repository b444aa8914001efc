import type PgBoss from 'pg-boss';
import type { Job } from './types.js';

/** The pg-boss queues of the PostgreSQL mode, one per job kind, and the dead letters of all three. */
export const PG_QUEUES = {
  call: 'onething-call',
  timer: 'onething-timer',
  poll: 'onething-poll',
  dead: 'onething-dead',
} as const;

/** How jobs are retried and when a silent worker's job is taken back. */
export interface PgQueuePolicy {
  /** Retries after the first attempt before a job becomes a dead letter (default 11: 12 attempts). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled (with jitter) on each retry (default 1). */
  retryDelaySeconds?: number;
  /**
   * A job active this long is taken to belong to a dead worker and retried (default 120 s; keep it
   * above the department call timeout). pg-boss checks at each maintenance run.
   */
  expireInSeconds?: number;
}

/**
 * Create the queues (idempotent: pg-boss's `create_queue` does nothing for a queue that exists; the
 * policy of an existing queue is updated). `call` and `poll` are `short` queues keyed by application
 * and call: a second identical job while one is still waiting is dropped. Timers are `standard`: a
 * timer re-armed to an earlier instant must get its own job (the stale one finds the timer changed).
 */
export async function ensurePgQueues(boss: PgBoss, policy: PgQueuePolicy = {}): Promise<void> {
  const common = {
    retryLimit: policy.retryLimit ?? 11,
    retryDelay: policy.retryDelaySeconds ?? 1,
    retryBackoff: true,
    expireInSeconds: policy.expireInSeconds ?? 120,
    deadLetter: PG_QUEUES.dead,
  };
  const queues: Array<[string, PgBoss.Queue]> = [
    [PG_QUEUES.dead, { name: PG_QUEUES.dead, policy: 'standard', retryLimit: 0 }],
    [PG_QUEUES.call, { name: PG_QUEUES.call, policy: 'short', ...common }],
    [PG_QUEUES.timer, { name: PG_QUEUES.timer, policy: 'standard', ...common }],
    [PG_QUEUES.poll, { name: PG_QUEUES.poll, policy: 'short', ...common }],
  ];
  for (const [name, options] of queues) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}

/** The queue of a job. */
export const queueOf = (job: Job): string => PG_QUEUES[job.name];

/** The singleton key that folds duplicates of a waiting call or poll job into one. */
const singletonKeyOf = (job: Job): string | undefined =>
  job.name === 'call'
    ? `${job.applicationId}:${job.callId}`
    : job.name === 'poll'
      ? job.applicationId
      : undefined;

/**
 * Send `jobs` through `db` (a transaction's client, so they commit with the caller's state, or the pool)
 * in one statement. Each job's data is the job itself: the dead-letter queue keeps it whole.
 * `runAt` overrides the jobs' own instants (a job re-sent for later).
 */
export async function sendPgJobs(boss: PgBoss, db: PgBoss.Db, jobs: Job[], runAt?: number): Promise<void> {
  if (jobs.length === 0) return;
  await boss.insert(
    jobs.map((job): PgBoss.JobInsert => {
      const key = singletonKeyOf(job);
      return {
        name: queueOf(job),
        data: job as unknown as object,
        startAfter: new Date(runAt ?? job.runAt),
        ...(key !== undefined ? { singletonKey: key } : {}),
      };
    }),
    { db },
  );
}
