import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { estimateCost } from './estimateCost.js';

const env = new Environment({ unlistedVariablesAreDyn: true, limits: { maxAstNodes: 5000 } });
const cost = (expr: string, size = 100): string | undefined => estimateCost(env.parse(expr).ast, () => size);

describe('estimateCost', () => {
  it('accepts ordinary form rules', () => {
    expect(cost('sum(shareholders.map(s, s.subscribedAmt)) == regCapital')).toBeUndefined();
    expect(cost('a.exists(x, b.exists(y, x.id == y.id))')).toBeUndefined();
    expect(cost('name.matches("^[A-Z]\\\\d{9}$")')).toBeUndefined();
  });

  it('rejects deeply nested comprehensions over large lists', () => {
    expect(cost('a.all(x, b.all(y, c.all(z, x == y && y == z)))', 1000)).toBe('cost');
  });

  it('rejects values that double in size', () => {
    let expr = 's';
    for (let i = 0; i < 25; i++) expr = `cel.bind(v${i}, ${expr}, v${i} + v${i})`;
    expect(cost(expr)).toBe('size');
  });

  it('rejects dynamic and backtracking regular expressions', () => {
    expect(cost('name.matches(pattern)')).toBe('regex');
    expect(cost('name.matches("(a+)+$")')).toBe('regex');
  });
});

describe('regular expressions that do not compile', () => {
  it('are reported at load time, not as a rule that silently never holds', async () => {
    const { compileRules } = await import('./compileRules.js');
    const { miniBundle } = await import('../../test/fixtures/miniBundle.js');
    const bundle = miniBundle();
    bundle.fields.householderName!.visibleIf = 'settleWith.matches("(")';
    const codes = compileRules(bundle).diagnostics.map((d) => d.code);
    expect(codes).toContain('PATTERN_INVALID');
  });
});
