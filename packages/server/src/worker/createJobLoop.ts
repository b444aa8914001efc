/** The loop both job runners share: take what fits, run it, sleep until a job ends or a poke. */
export interface JobLoop {
  start(): void;
  /** Take jobs now (this process has just sent some). */
  poke(): void;
  /** Stop taking jobs and wait for the running ones. */
  stop(): Promise<void>;
}

/**
 * Run up to `concurrency` claimed jobs at once: `claim(free)` takes at most `free` due jobs (an empty
 * list when there are none, or when the store is away), `run` performs one; the loop sleeps `pollMs`
 * when there was nothing to take or no room, and wakes early when a job ends or `poke` is called.
 *
 * With `batch` > 1 a busy loop claims only once `batch` slots are free (or nothing runs, or `pollMs`
 * has passed since the last claim): for a store where one claim costs about as much whatever it takes
 * (pg-boss sorts the whole due backlog of a queue on every fetch), fewer, larger claims.
 */
export function createJobLoop<T>(options: {
  concurrency: number;
  pollMs: number;
  /** Free slots worth a claim while jobs are running (default 1: claim whenever a slot is free). */
  batch?: number;
  claim(free: number): Promise<T[]>;
  run(claimed: T): Promise<void>;
}): JobLoop {
  const batch = Math.min(Math.max(1, options.batch ?? 1), options.concurrency);
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const active = new Set<Promise<void>>();
  return {
    start() {
      running = true;
      loop = (async () => {
        let claimedAt = -Infinity;
        while (running) {
          const free = options.concurrency - active.size;
          const worth = free >= batch || active.size === 0 || performance.now() - claimedAt >= options.pollMs;
          let claimed: T[] = [];
          if (free > 0 && worth) {
            claimedAt = performance.now();
            claimed = await options.claim(free);
          }
          for (const item of claimed) {
            const p = options.run(item).finally(() => {
              active.delete(p);
              wake?.();
            });
            active.add(p);
          }
          if (claimed.length === 0 || active.size >= options.concurrency) {
            // Waiting for room to fill a batch, still claim once `pollMs` after the last claim.
            const free = options.concurrency - active.size;
            const ms =
              free > 0 && !worth
                ? Math.max(1, claimedAt + options.pollMs - performance.now())
                : options.pollMs;
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, ms);
              wake = () => {
                clearTimeout(t);
                resolve();
              };
            });
            wake = undefined;
          }
        }
      })();
    },
    poke() {
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await Promise.all([...active]);
    },
  };
}
