import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { regionProvinceFunction, regionProvinceDescription } from './regionProvince.js';

const env = new Environment().registerFunction(
  regionProvinceFunction.signature,
  regionProvinceFunction.handler,
);
const call = regionProvinceFunction.handler as (...args: unknown[]) => unknown;

describe('regionProvince', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('regionProvince("350102")')).toBe('350000');
    expect(env.evaluate('regionProvince("35010")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[null])).toBe('');
  });

  it('is described in both languages', () => {
    expect(regionProvinceDescription['zh-CN']).not.toBe('');
    expect(regionProvinceDescription.en).not.toBe('');
    expect(env.parse('regionProvince("350102")').check().valid).toBe(true);
  });
});
