import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { daysBetweenFunction, daysBetweenDescription } from './daysBetween.js';

const env = new Environment().registerFunction(daysBetweenFunction.signature, daysBetweenFunction.handler);
const call = daysBetweenFunction.handler as (...args: unknown[]) => unknown;

describe('daysBetween', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('daysBetween("2024-02-28", "2024-03-01")')).toBe(2n);
    expect(env.evaluate('daysBetween("2024-03-01", "2024-02-28")')).toBe(-2n);
    expect(env.evaluate('daysBetween("", "2024-02-28")')).toBe(0n);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[{}, []])).toBe(0n);
  });

  it('is described in both languages', () => {
    expect(daysBetweenDescription['zh-CN']).not.toBe('');
    expect(daysBetweenDescription.en).not.toBe('');
    expect(env.parse('daysBetween("2024-02-28", "2024-03-01")').check().valid).toBe(true);
  });
});
