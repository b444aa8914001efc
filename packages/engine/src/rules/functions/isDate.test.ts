import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isDateFunction, isDateDescription } from './isDate.js';

const env = new Environment().registerFunction(isDateFunction.signature, isDateFunction.handler);
const call = isDateFunction.handler as (...args: unknown[]) => unknown;

describe('isDate', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isDate("2024-02-29")')).toBe(true);
    expect(env.evaluate('isDate("2023-02-29")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[20240229])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isDateDescription['zh-CN']).not.toBe('');
    expect(isDateDescription.en).not.toBe('');
    expect(env.parse('isDate("2024-02-29")').check().valid).toBe(true);
  });
});
