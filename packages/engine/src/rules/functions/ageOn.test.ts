import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { ageOnFunction, ageOnDescription } from './ageOn.js';

const env = new Environment().registerFunction(ageOnFunction.signature, ageOnFunction.handler);
const call = ageOnFunction.handler as (...args: unknown[]) => unknown;

describe('ageOn', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('ageOn("2000-06-15", "2024-06-14")')).toBe(23n);
    expect(env.evaluate('ageOn("2000-06-15", "2024-06-15")')).toBe(24n);
    expect(env.evaluate('ageOn("bad", "2024-06-15")')).toBe(0n);
    expect(env.evaluate('ageOn("2025-01-01", "2024-06-15")')).toBe(0n);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[1, 2])).toBe(0n);
  });

  it('is described in both languages', () => {
    expect(ageOnDescription['zh-CN']).not.toBe('');
    expect(ageOnDescription.en).not.toBe('');
    expect(env.parse('ageOn("2000-06-15", "2024-06-14")').check().valid).toBe(true);
  });
});
