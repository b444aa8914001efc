import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { idRegionFunction, idRegionDescription } from './idRegion.js';

const env = new Environment().registerFunction(idRegionFunction.signature, idRegionFunction.handler);
const call = idRegionFunction.handler as (...args: unknown[]) => unknown;

describe('idRegion', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('idRegion("11010519491231002X")')).toBe('110105');
    expect(env.evaluate('idRegion("11010519491231002Y")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[1n])).toBe('');
  });

  it('is described in both languages', () => {
    expect(idRegionDescription['zh-CN']).not.toBe('');
    expect(idRegionDescription.en).not.toBe('');
    expect(env.parse('idRegion("11010519491231002X")').check().valid).toBe(true);
  });
});
