import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { collectIdentifiers, collectReads } from './collectReads.js';

const env = new Environment({ unlistedVariablesAreDyn: true });
const reads = (expr: string): string[] => collectReads(env.parse(expr).ast);

describe('collectReads', () => {
  it('lists free identifiers, sorted and unique', () => {
    expect(reads('b > 1 && a == b || has(c.d) && e[f] == -g')).toEqual(['a', 'b', 'c', 'e', 'f', 'g']);
  });

  it('ignores comprehension variables but not what they range over', () => {
    expect(reads('xs.all(x, x.a > lim) && ys.map(y, y > 0, y * k).size() > 0')).toEqual([
      'k',
      'lim',
      'xs',
      'ys',
    ]);
    expect(reads('zs.exists(z, zs.exists_one(w, w == z)) && vs.filter(v, v != u).size() > 0')).toEqual([
      'u',
      'vs',
      'zs',
    ]);
  });

  it('scopes a comprehension variable to its own body', () => {
    expect(reads('xs.all(x, x > 0) && x == 1')).toEqual(['x', 'xs']);
  });

  it('handles cel.bind, lists, maps and the ternary operator', () => {
    expect(reads('cel.bind(t, a + 1, t * t) > 0 ? [b, {"k": c}] : []')).toEqual(['a', 'b', 'c']);
  });

  it('reports offsets for diagnostics', () => {
    expect(collectIdentifiers(env.parse('1 + abc').ast)).toEqual([{ name: 'abc', start: 4 }]);
  });
});
