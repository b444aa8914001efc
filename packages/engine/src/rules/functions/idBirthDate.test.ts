import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { idBirthDateFunction, idBirthDateDescription } from './idBirthDate.js';

const env = new Environment().registerFunction(idBirthDateFunction.signature, idBirthDateFunction.handler);
const call = idBirthDateFunction.handler as (...args: unknown[]) => unknown;

describe('idBirthDate', () => {
  it('type-checks and evaluates in CEL', () => {
    expect(env.evaluate('idBirthDate("11010519491231002X")')).toBe('1949-12-31');
    expect(env.evaluate('idBirthDate("110105491231002")')).toBe('1949-12-31');
    expect(env.evaluate('idBirthDate("bad")')).toBe('');
  });

  it('never throws on values of the wrong type', () => {
    expect(call(...[null])).toBe('');
  });

  it('is described in both languages', () => {
    expect(idBirthDateDescription['zh-CN']).not.toBe('');
    expect(idBirthDateDescription.en).not.toBe('');
    expect(env.parse('idBirthDate("11010519491231002X")').check().valid).toBe(true);
  });
});
