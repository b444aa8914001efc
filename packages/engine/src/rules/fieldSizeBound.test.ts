import { describe, it, expect } from 'vitest';
import { fieldSizeBound } from './fieldSizeBound.js';

const label = { 'zh-CN': 'x' };

describe('fieldSizeBound', () => {
  it('uses declared bounds and falls back to defaults', () => {
    const size = fieldSizeBound({
      list: { type: 'array', label, maxItems: 7 },
      open: { type: 'array', label },
      name: { type: 'string', label, maxLength: 50 },
      n: { type: 'integer', label },
    });
    expect(size('list')).toBe(7);
    expect(size('open')).toBeGreaterThan(7);
    expect(size('name')).toBe(50);
    expect(size('n')).toBe(1);
    expect(size('today')).toBe(10);
    expect(size('toString')).toBeGreaterThan(1);
  });
});
