/** A gate in front of work that holds a database connection (see {@link createAdmission}). */
export interface Admission {
  /**
   * Wait for a slot and get its release function, or `undefined` at once when `concurrency` pieces
   * of work run and `queue` more already wait: the caller answers 503 instead of waiting.
   */
  enter(): Promise<(() => void) | undefined>;
  /** Work running, and waiting for a slot. */
  readonly running: number;
  readonly waiting: number;
}

/**
 * At most `concurrency` pieces of work at once, at most `queue` more waiting (first come, first
 * served); beyond that, refused without waiting. The callback route sits behind one: a department
 * gateway that pushes thousands of updates at once would otherwise queue them all on the connection
 * pool, every request waiting longer than the gateway's timeout, each timed-out delivery sent again
 * and processed twice — a congestion collapse that also starves the applicants' requests. Refused
 * deliveries cost nothing and come back later (a department redelivers until it gets a 2xx).
 *
 * @example
 * const gate = createAdmission({ concurrency: 16, queue: 256 });
 * const release = await gate.enter();
 * if (!release) return reply.status(503).header('retry-after', '1').send(busy);
 * try { await work(); } finally { release(); }
 */
export function createAdmission(options: { concurrency: number; queue: number }): Admission {
  const concurrency = Math.max(1, options.concurrency);
  const queue = Math.max(0, options.queue);
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes to the next in line
    else running--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    enter() {
      if (running < concurrency) {
        running++;
        return Promise.resolve(once());
      }
      if (waiting.length >= queue) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(() => resolve(once())));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
