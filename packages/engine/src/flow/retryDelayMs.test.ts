import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retryDelayMs.js';

const policy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

describe('retryDelayMs', () => {
  it('backs off exponentially with equal jitter: between half and all of base · 2^(attempt-1)', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      for (const key of ['A1:birthCert', 'A2:birthReg', 'x']) {
        const delay = retryDelayMs(policy, attempt, key);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });

  it('is capped at maxDelayMs', () => {
    expect(retryDelayMs(policy, 40, 'k')).toBeLessThanOrEqual(policy.maxDelayMs);
    expect(retryDelayMs(policy, 40, 'k')).toBeGreaterThanOrEqual(policy.maxDelayMs / 2);
  });

  it('is deterministic per key and attempt, and spreads different keys', () => {
    expect(retryDelayMs(policy, 3, 'A1:birthCert')).toBe(retryDelayMs(policy, 3, 'A1:birthCert'));
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(policy, 3, `A${i}:birthCert`)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('treats attempt 0 like attempt 1', () => {
    expect(retryDelayMs(policy, 0, 'k')).toBeLessThanOrEqual(policy.baseDelayMs);
  });
});
