import { stableHash } from './stableHash.js';
import type { RetryPolicy } from './types.js';

/**
 * Backoff before retrying a failed submission: exponential from `baseDelayMs`, capped at
 * `maxDelayMs`, with jitter so that applications failing together do not retry together. The
 * jitter comes from a hash of the idempotency key and the attempt, not from a random source, so
 * a replay decides the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, key: string): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const unit = parseInt(stableHash(`${key}#${attempt}`).slice(0, 8), 16) / 0x100000000;
  // "Equal jitter": at least half the backoff, so retries never bunch up at zero.
  return Math.round(exponential / 2 + unit * (exponential / 2));
}
