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
 */
export function createJobLoop<T>(options: {
  concurrency: number;
  pollMs: number;
  claim(free: number): Promise<T[]>;
  run(claimed: T): Promise<void>;
}): JobLoop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const active = new Set<Promise<void>>();
  return {
    start() {
      running = true;
      loop = (async () => {
        while (running) {
          const free = options.concurrency - active.size;
          const claimed = free > 0 ? await options.claim(free) : [];
          for (const item of claimed) {
            const p = options.run(item).finally(() => {
              active.delete(p);
              wake?.();
            });
            active.add(p);
          }
          if (claimed.length === 0 || active.size >= options.concurrency) {
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, options.pollMs);
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
