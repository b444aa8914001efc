import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { isMobileFunction, isMobileDescription } from './isMobile.js';

const env = new Environment().registerFunction(isMobileFunction.signature, isMobileFunction.handler);
const call = isMobileFunction.handler as (...args: unknown[]) => unknown;

describe('isMobile', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('isMobile("13800138000")')).toBe(true);
    expect(env.evaluate('isMobile("23800138000")')).toBe(false);
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[13800138000])).toBe(false);
  });

  it('is described in both languages', () => {
    expect(isMobileDescription['zh-CN']).not.toBe('');
    expect(isMobileDescription.en).not.toBe('');
    expect(env.parse('isMobile("13800138000")').check().valid).toBe(true);
  });
});
