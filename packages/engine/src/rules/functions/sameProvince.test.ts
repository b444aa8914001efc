import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { sameProvinceFunction, sameProvinceDescription } from './sameProvince.js';

const env = new Environment().registerFunction(sameProvinceFunction.signature, sameProvinceFunction.handler);
const call = sameProvinceFunction.handler as (...args: unknown[]) => unknown;

describe('sameProvince', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('sameProvince("350102", "350203")')).toBe(true);
    expect(env.evaluate('sameProvince("350102", "110108")')).toBe(false);
    expect(env.evaluate('sameProvince("990102", "990102")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[null, null])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(sameProvinceDescription['zh-CN']).not.toBe('');
    expect(sameProvinceDescription.en).not.toBe('');
    expect(env.parse('sameProvince("350102", "350203")').check().valid).toBe(true);
  });
});
