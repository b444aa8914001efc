import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isIdCardFunction, isIdCardDescription } from './isIdCard.js';

const env = new Environment().registerFunction(isIdCardFunction.signature, isIdCardFunction.handler);
const call = isIdCardFunction.handler as (...args: unknown[]) => unknown;

describe('isIdCard', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isIdCard("11010519491231002X")')).toBe(true);
    expect(env.evaluate('isIdCard("110105194912310021")')).toBe(false);
    expect(env.evaluate('isIdCard("")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[42])).toBe(false);
    expect(call(...[undefined])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isIdCardDescription['zh-CN']).not.toBe('');
    expect(isIdCardDescription.en).not.toBe('');
    expect(env.parse('isIdCard("11010519491231002X")').check().valid).toBe(true);
  });
});
