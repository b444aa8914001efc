import { describe, it, expect } from 'vitest';
import { celTypeOf } from './celTypeOf.js';

describe('celTypeOf', () => {
  it('maps field types to CEL types', () => {
    expect(celTypeOf({ type: 'string' })).toBe('string');
    expect(celTypeOf({ type: 'date' })).toBe('string');
    expect(celTypeOf({ type: 'datetime' })).toBe('string');
    expect(celTypeOf({ type: 'integer' })).toBe('int');
    expect(celTypeOf({ type: 'number' })).toBe('double');
    expect(celTypeOf({ type: 'boolean' })).toBe('bool');
    expect(celTypeOf({ type: 'object' })).toBe('map<string, dyn>');
  });

  it('maps arrays by their entries', () => {
    expect(celTypeOf({ type: 'array' })).toBe('list<dyn>');
    expect(celTypeOf({ type: 'array', items: { type: 'integer', label: { 'zh-CN': 'x' } } })).toBe(
      'list<int>',
    );
    expect(celTypeOf({ type: 'array', items: { type: 'object', label: { 'zh-CN': 'x' } } })).toBe(
      'list<map<string, dyn>>',
    );
  });
});
