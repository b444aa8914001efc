import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.js';

const policy = fc.record({
  baseDelayMs: fc.integer({ min: 0, max: 100_000 }),
  maxDelayMs: fc.integer({ min: 0, max: 10_000_000 }),
});
const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoffDelay (properties)', () => {
  it('stays within [0, min(max, base·2^(attempt−1))) and is an integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), policy, draw, (attempt, p, r) => {
        const delay = backoffDelay(attempt, p, () => r);
        const cap = p.baseDelayMs === 0 ? 0 : Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1));
        return Number.isInteger(delay) && delay >= 0 && delay <= cap && (cap === 0 || delay < cap);
      }),
    );
  });

  it('grows monotonically with the attempt for a fixed draw, up to the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), policy, draw, (attempt, p, r) => {
        const a = backoffDelay(attempt, p, () => r);
        const b = backoffDelay(attempt + 1, p, () => r);
        return a <= b && b <= p.maxDelayMs;
      }),
    );
  });

  it('never returns NaN or a negative delay, whatever the inputs', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -1));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (attempt, base, max, r) => {
        const delay = backoffDelay(attempt, { baseDelayMs: base, maxDelayMs: max }, () => r);
        return Number.isFinite(delay) && delay >= 0;
      }),
    );
  });

  it('is full jitter: the draw scales the capped exponential', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, p, () => 0.5))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect(backoffDelay(3, p, () => 0)).toBe(0);
    expect(backoffDelay(3, p, () => 0.999999)).toBe(399);
  });
});
