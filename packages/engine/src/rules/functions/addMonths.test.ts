import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { addMonthsFunction, addMonthsDescription } from './addMonths.js';

const env = new Environment().registerFunction(addMonthsFunction.signature, addMonthsFunction.handler);
const call = addMonthsFunction.handler as (...args: unknown[]) => unknown;

describe('addMonths', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('addMonths("2024-01-31", 1)')).toBe('2024-02-29');
    expect(env.evaluate('addMonths("2024-05-15", -12)')).toBe('2023-05-15');
    expect(env.evaluate('addMonths("2024-13-01", 1)')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...['2024-01-01', 1.5])).toBe('');
  });

  it('is described in both languages', () => {
    expect(addMonthsDescription['zh-CN']).not.toBe('');
    expect(addMonthsDescription.en).not.toBe('');
    expect(env.parse('addMonths("2024-01-31", 1)').check().valid).toBe(true);
  });
});
