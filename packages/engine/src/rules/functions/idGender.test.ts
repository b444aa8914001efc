import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { idGenderFunction, idGenderDescription } from './idGender.js';

const env = new Environment().registerFunction(idGenderFunction.signature, idGenderFunction.handler);
const call = idGenderFunction.handler as (...args: unknown[]) => unknown;

describe('idGender', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('idGender("11010519491231002X")')).toBe('2');
    expect(env.evaluate('idGender("110105491231003")')).toBe('1');
    expect(env.evaluate('idGender("x")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[{}])).toBe('');
  });

  it('is described in both languages', () => {
    expect(idGenderDescription['zh-CN']).not.toBe('');
    expect(idGenderDescription.en).not.toBe('');
    expect(env.parse('idGender("11010519491231002X")').check().valid).toBe(true);
  });
});
