import { describe, it, expect } from 'vitest';
import type { CompiledRule } from '../compile/types.js';
import { cyclePath } from './cyclePath.js';
import { orderComputed } from './orderComputed.js';

const rule = (target: string, reads: string[]): CompiledRule => ({
  id: `computed:${target}`,
  kind: 'computed',
  target,
  path: `/fields/${target}/computed`,
  expr: '',
  reads,
  evaluate: () => ({ ok: false, error: 'unused' }),
});

describe('orderComputed', () => {
  it('puts each computed field after the computed fields it reads', () => {
    const { order, cycles } = orderComputed([
      rule('c', ['b', 'x']),
      rule('a', ['x']),
      rule('b', ['a', 'today']),
    ]);
    expect(cycles).toEqual([]);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order).toHaveLength(3);
  });

  it('reports cycles in document order and leaves them out', () => {
    const { order, cycles } = orderComputed([
      rule('p', ['q']),
      rule('q', ['p']),
      rule('r', ['r']),
      rule('s', ['p']),
    ]);
    expect(cycles).toEqual([['p', 'q'], ['r']]);
    expect(order).toEqual(['s']);
  });
});

describe('cyclePath', () => {
  it('walks the cycle along its edges', () => {
    const reads = new Map([
      ['a', ['c']],
      ['b', ['a']],
      ['c', ['b']],
    ]);
    expect(cyclePath(['a', 'b', 'c'], reads)).toEqual(['a', 'c', 'b', 'a']);
  });
});
