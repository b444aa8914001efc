import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { regionPrefectureFunction, regionPrefectureDescription } from './regionPrefecture.js';

const env = new Environment().registerFunction(
  regionPrefectureFunction.signature,
  regionPrefectureFunction.handler,
);
const call = regionPrefectureFunction.handler as (...args: unknown[]) => unknown;

describe('regionPrefecture', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('regionPrefecture("350102")')).toBe('350100');
    expect(env.evaluate('regionPrefecture("350000")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[undefined])).toBe('');
  });

  it('is described in both languages', () => {
    expect(regionPrefectureDescription['zh-CN']).not.toBe('');
    expect(regionPrefectureDescription.en).not.toBe('');
    expect(env.parse('regionPrefecture("350102")').check().valid).toBe(true);
  });
});
