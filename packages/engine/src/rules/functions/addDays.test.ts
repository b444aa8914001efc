import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { addDaysFunction, addDaysDescription } from './addDays.js';

const env = new Environment().registerFunction(addDaysFunction.signature, addDaysFunction.handler);
const call = addDaysFunction.handler as (...args: unknown[]) => unknown;

describe('addDays', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('addDays("2024-12-31", 1)')).toBe('2025-01-01');
    expect(env.evaluate('addDays("2024-03-01", -1)')).toBe('2024-02-29');
    expect(env.evaluate('addDays("x", 1)')).toBe('');
    expect(env.evaluate('addDays("2024-01-01", 9223372036854775807)')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...['2024-01-01', 1])).toBe('');
  });

  it('is described in both languages', () => {
    expect(addDaysDescription['zh-CN']).not.toBe('');
    expect(addDaysDescription.en).not.toBe('');
    expect(env.parse('addDays("2024-12-31", 1)').check().valid).toBe(true);
  });
});
