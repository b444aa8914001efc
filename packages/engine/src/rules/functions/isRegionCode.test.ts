import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isRegionCodeFunction, isRegionCodeDescription } from './isRegionCode.js';

const env = new Environment().registerFunction(isRegionCodeFunction.signature, isRegionCodeFunction.handler);
const call = isRegionCodeFunction.handler as (...args: unknown[]) => unknown;

describe('isRegionCode', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isRegionCode("350102")')).toBe(true);
    expect(env.evaluate('isRegionCode("990102")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[350102])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isRegionCodeDescription['zh-CN']).not.toBe('');
    expect(isRegionCodeDescription.en).not.toBe('');
    expect(env.parse('isRegionCode("350102")').check().valid).toBe(true);
  });
});
