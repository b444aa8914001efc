import { describe, it, expect } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { createCompiledRule } from './createCompiledRule.js';
import type { RuleSource } from './collectRuleSources.js';

const env = new Environment().registerVariable('n', 'int');
const source: RuleSource = {
  id: 'validate:r',
  kind: 'validate',
  target: 'r',
  expr: '10 / n > 1',
  path: '/rules/0/expr',
  resultType: 'bool',
};

describe('createCompiledRule', () => {
  it('returns values and turns run-time errors into data', () => {
    const rule = createCompiledRule(source, env.parse(source.expr), ['n']);
    expect(rule).toMatchObject({ id: 'validate:r', kind: 'validate', target: 'r', reads: ['n'] });
    expect(rule.evaluate({ n: 2n })).toEqual({ ok: true, value: true });
    expect(rule.evaluate({ n: 0n }).ok).toBe(false);
    expect(rule.evaluate({}).ok).toBe(false);
    expect(rule.evaluate({ n: 'x' }).ok).toBe(false);
  });

  it('checks the main expression only when the guard holds', () => {
    const rule = createCompiledRule(source, env.parse(source.expr), ['n'], env.parse('n != 0'));
    expect(rule.evaluate({ n: 0n })).toEqual({ ok: true, value: true });
    expect(rule.evaluate({ n: 20n })).toEqual({ ok: true, value: false });
    expect(rule.evaluate({}).ok).toBe(false);
  });
});
