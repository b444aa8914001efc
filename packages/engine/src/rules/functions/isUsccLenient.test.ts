import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isUsccLenientFunction, isUsccLenientDescription } from './isUsccLenient.js';

const env = new Environment().registerFunction(
  isUsccLenientFunction.signature,
  isUsccLenientFunction.handler,
);
const call = isUsccLenientFunction.handler as (...args: unknown[]) => unknown;

describe('isUsccLenient', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isUsccLenient("91350100M0001TGQXM")')).toBe(true);
    expect(env.evaluate('isUsccLenient("91350100M0001TGQX")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[0])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isUsccLenientDescription['zh-CN']).not.toBe('');
    expect(isUsccLenientDescription.en).not.toBe('');
    expect(env.parse('isUsccLenient("91350100M0001TGQXM")').check().valid).toBe(true);
  });
});
