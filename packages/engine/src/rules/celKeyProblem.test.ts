import { describe, it, expect } from 'vitest';
import { celKeyProblem } from './celKeyProblem.js';

describe('celKeyProblem', () => {
  it('accepts identifiers', () => {
    for (const key of ['babyName', '_x', 'a1', 'size', 'has']) expect(celKeyProblem(key)).toBeUndefined();
  });

  it('names the problem', () => {
    expect(celKeyProblem('mother-name')).toBe('notIdentifier');
    expect(celKeyProblem('1a')).toBe('notIdentifier');
    expect(celKeyProblem('姓名')).toBe('notIdentifier');
    expect(celKeyProblem('')).toBe('notIdentifier');
    for (const key of ['in', 'null', 'true', '__proto__', 'int', 'cel', 'while'])
      expect(celKeyProblem(key)).toBe('reserved');
    expect(celKeyProblem('today')).toBe('today');
  });
});
