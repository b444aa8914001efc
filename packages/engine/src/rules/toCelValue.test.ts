import { describe, it, expect } from 'vitest';
import { toCelValue } from './toCelValue.js';

const label = { 'zh-CN': 'x' };

describe('toCelValue', () => {
  it('converts by shape', () => {
    expect(toCelValue(5, { type: 'integer', label })).toBe(5n);
    expect(toCelValue(5n, { type: 'number', label })).toBe(5);
    expect(toCelValue(true, { type: 'boolean', label })).toBe(true);
    expect(toCelValue('2024-01-01', { type: 'date', label })).toBe('2024-01-01');
    expect(
      toCelValue([[1]], {
        type: 'array',
        label,
        items: { type: 'array', label, items: { type: 'integer', label } },
      }),
    ).toEqual([[1n]]);
  });

  it('treats empty and mistyped values as absent', () => {
    expect(toCelValue('', { type: 'string', label })).toBeUndefined();
    expect(toCelValue(null, { type: 'object', label })).toBeUndefined();
    expect(toCelValue([1], { type: 'object', label })).toBeUndefined();
    expect(toCelValue(Number.NaN, { type: 'number', label })).toBeUndefined();
    expect(toCelValue(2 ** 60, { type: 'integer', label })).toBeUndefined();
    expect(toCelValue(1, { type: 'string', label })).toBeUndefined();
  });

  it('converts unknown object properties by their JSON type', () => {
    const out = toCelValue({ a: 1, b: [null, 'x'], c: { d: '' } }, { type: 'object', label }) as Record<
      string,
      unknown
    >;
    expect({ ...out, c: { ...(out.c as object) } }).toEqual({ a: 1, b: ['x'], c: {} });
  });
});
