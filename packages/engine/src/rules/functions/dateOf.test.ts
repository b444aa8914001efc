import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { dateOfFunction, dateOfDescription } from './dateOf.js';

const env = new Environment().registerFunction(dateOfFunction.signature, dateOfFunction.handler);
const call = dateOfFunction.handler as (...args: unknown[]) => unknown;

describe('dateOf', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('dateOf("2024-02-29T23:59")')).toBe('2024-02-29');
    expect(env.evaluate('dateOf("2024-02-29")')).toBe('2024-02-29');
    expect(env.evaluate('dateOf("2024-02-30T10:00:00Z")')).toBe('');
    expect(env.evaluate('dateOf("2024-02-29 is a date")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[null])).toBe('');
  });

  it('is described in both languages', () => {
    expect(dateOfDescription['zh-CN']).not.toBe('');
    expect(dateOfDescription.en).not.toBe('');
    expect(env.parse('dateOf("2024-02-29T23:59")').check().valid).toBe(true);
  });
});
