import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isUsccFunction, isUsccDescription } from './isUscc.js';

const env = new Environment().registerFunction(isUsccFunction.signature, isUsccFunction.handler);
const call = isUsccFunction.handler as (...args: unknown[]) => unknown;

describe('isUscc', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isUscc("91350100M000100Y43")')).toBe(true);
    expect(env.evaluate('isUscc("91350100M0001TGQXM")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[[]])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isUsccDescription['zh-CN']).not.toBe('');
    expect(isUsccDescription.en).not.toBe('');
    expect(env.parse('isUscc("91350100M000100Y43")').check().valid).toBe(true);
  });
});
