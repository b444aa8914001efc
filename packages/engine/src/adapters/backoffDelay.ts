import type { RetryPolicy } from '../flow/types.js';

/**
 * Delay before the next attempt after attempt number `attempt` (1-based) failed: exponential
 * (`baseDelayMs · 2^(attempt−1)`), capped at `maxDelayMs`, with full jitter — a uniform draw in
 * `[0, cap)` from `random`, so that clients retrying after one outage do not all come back at once.
 * Pure: the random source is passed in (`Math.random` for real timing, a constant in tests).
 *
 * @example
 * backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 5_000 }, () => 0.5); // 200: half of the 400 ms cap
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const base = Math.max(0, finite(policy.baseDelayMs));
  const max = Math.max(0, finite(policy.maxDelayMs));
  const exponent = Math.max(0, Math.floor(finite(attempt)) - 1);
  // The exponent is bounded so that 2^exponent stays finite (0 · Infinity would be NaN); a product
  // that overflows is Infinity, and min() then picks the cap.
  const cap = Math.min(max, base * 2 ** Math.min(exponent, 1023));
  const draw = finite(random());
  return Math.floor(cap * Math.min(Math.max(draw, 0), 1 - Number.EPSILON));
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}
