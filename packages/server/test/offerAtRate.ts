// Open-loop load for the server benchmark: requests are sent on a fixed schedule (`rate` per second),
// whether or not earlier ones have been answered, as applicants arrive at a portal. Each latency is
// counted from the moment its request was due, so a server that falls behind is charged for the wait
// (no coordinated omission); a closed loop of N clients would instead slow down with the server.

export interface OpenLoopResult {
  /** Requests due in the window, and those answered with the expected status. */
  offered: number;
  ok: number;
  /** Other answers by status (or `error`). */
  failed: Record<string, number>;
  /** Milliseconds from due time to the last byte of the answer, per successful request. */
  latencies: number[];
  /** From the first due time until the last answer. */
  tookMs: number;
}

/** Send `rate` requests per second for `seconds`; `send` resolves with the HTTP status. */
export async function offerAtRate(options: {
  rate: number;
  seconds: number;
  send: () => Promise<number>;
  expect?: number;
}): Promise<OpenLoopResult> {
  const { rate, seconds, send } = options;
  const expected = options.expect ?? 201;
  const offered = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  const answers: Array<Promise<void>> = [];
  const start = performance.now();
  let sent = 0;
  // Timers fire late and coarsely: each tick sends every request that is due by now.
  while (sent < offered) {
    const now = performance.now();
    while (sent < offered && start + sent * interval <= now) {
      const due = start + sent * interval;
      sent++;
      answers.push(
        send().then(
          (status) => {
            if (status === expected) latencies.push(performance.now() - due);
            else failed[status] = (failed[status] ?? 0) + 1;
          },
          () => void (failed.error = (failed.error ?? 0) + 1),
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(answers);
  return { offered, ok: latencies.length, failed, latencies, tookMs: performance.now() - start };
}
