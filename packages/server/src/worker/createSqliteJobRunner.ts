import type { SqliteStorage } from '../storage/createSqliteStorage.js';
import type { Job, JobHandler, JobRunner } from '../storage/types.js';
import { NotDueError } from './createJobHandler.js';
import { createJobLoop, type JobLoop } from './createJobLoop.js';

export interface SqliteJobRunnerOptions {
  /** Jobs run at once (default 16). */
  concurrency?: number;
  /** A claimed job comes back to others after this long if its worker died (default 60 s). */
  leaseMs?: number;
  /** Attempts before a job becomes a dead letter (default 12). */
  maxAttempts?: number;
  /** Idle poll interval (default 100 ms). */
  pollMs?: number;
  clock?: { now(): number };
  onError?: (job: Job, error: unknown) => void;
  /**
   * How many jobs may run now, given `concurrency` (default: all of them): the server passes its
   * load governor here, so the worker backs off while applicants' requests saturate the process.
   */
  limit?: (max: number) => number;
}

/** Backoff of a failed job: 1 s, 2 s, 4 s … capped at 5 min. */
export const jobBackoffMs = (attempt: number): number =>
  Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));

/**
 * The job loop of the SQLite mode (one machine): claims due jobs with a lease, runs them, deletes them
 * when done and retries them with backoff (dead letters after `maxAttempts`). A job claimed by a
 * process that crashed comes back when its lease ends.
 */
export function createSqliteJobRunner(
  storage: SqliteStorage,
  options: SqliteJobRunnerOptions = {},
): JobRunner {
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const pollMs = options.pollMs ?? 100;
  const clock = options.clock ?? { now: () => Date.now() };

  async function runOne(id: string, job: Job, attempts: number, handler: JobHandler): Promise<void> {
    try {
      let finished = false;
      // The handler may end the job in the transaction that saves its effect (then nothing is left to do).
      await handler(job, attempts, async (tx) => {
        await storage.completeJobIn(tx, id);
        finished = true;
      });
      if (!finished) await storage.completeJob(id);
    } catch (error) {
      if (error instanceof NotDueError)
        return void (await storage.failJob(id, 'not due', error.runAt, false));
      options.onError?.(job, error);
      const message = error instanceof Error ? error.message : String(error);
      await storage.failJob(id, message, clock.now() + jobBackoffMs(attempts), attempts >= maxAttempts);
    }
  }

  let loop: JobLoop | undefined;
  return {
    async start(handler: JobHandler): Promise<void> {
      loop = createJobLoop({
        concurrency,
        pollMs,
        claim: (free) => {
          const room = options.limit ? options.limit(concurrency) - (concurrency - free) : free;
          return room > 0 ? storage.claimJobs(clock.now(), room, leaseMs) : Promise.resolve([]);
        },
        run: ({ id, job, attempts }) => runOne(id, job, attempts, handler),
      });
      loop.start();
    },
    /** Wake the loop now (a new job was enqueued in this process). */
    poke(): void {
      loop?.poke();
    },
    async stop(): Promise<void> {
      await loop?.stop();
    },
  };
}
