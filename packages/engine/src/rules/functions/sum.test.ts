import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { sumFunction, sumDescription } from './sum.js';

const env = new Environment().registerFunction(sumFunction.signature, sumFunction.handler);
const call = sumFunction.handler as (...args: unknown[]) => unknown;

describe('sum', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('sum([1, 2, 3])')).toBe(6);
    expect(env.evaluate('sum([0.1, 0.2]) == 0.3')).toBe(true);
    expect(env.evaluate('sum([])')).toBe(0);
    expect(env.evaluate('sum([1.5, 2.25])')).toBe(3.75);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[null])).toBe(0);
    expect(call(...[[1, 'x', 2n, null, NaN]])).toBe(3);
  });

  it('is described in both languages', () => {
    expect(sumDescription['zh-CN']).not.toBe('');
    expect(sumDescription.en).not.toBe('');
    expect(env.parse('sum([1, 2, 3])').check().valid).toBe(true);
  });
});
