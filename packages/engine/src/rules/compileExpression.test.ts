import { describe, it, expect } from 'vitest';
import { compileExpression, type ExpressionScope } from './compileExpression.js';
import { buildCelEnvironment } from './createCelEnvironment.js';

const label = { 'zh-CN': 'x' };
const fields = { age: { type: 'integer', label }, name: { type: 'string', label } } as const;
const { env } = buildCelEnvironment(fields);
const scope: ExpressionScope = { env, fieldKeys: new Set(['age', 'name']), fields, sizeOf: () => 100 };
const codes = (expr: string, type = 'bool'): string[] =>
  compileExpression(scope, expr, '/p', type).diagnostics.map((d) => d.code);

describe('compileExpression', () => {
  it('returns a runnable expression and its reads', () => {
    const result = compileExpression(
      scope,
      'age >= 18 && today > "2024" && [1].all(age2, age2 > 0)',
      '/p',
      'bool',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.reads).toEqual(['age', 'today']);
    expect(result.run?.({ age: 20n, today: '2025-01-01' })).toBe(true);
  });

  it('classifies each kind of error', () => {
    expect(codes('age >=')).toEqual(['CEL_SYNTAX']);
    expect(codes('agee > 1 || nmae == ""')).toEqual(['UNKNOWN_REFERENCE', 'UNKNOWN_REFERENCE']);
    expect(codes('age > "1"')).toEqual(['CEL_TYPE']);
    expect(codes('age + 1')).toEqual(['CEL_WRONG_RESULT_TYPE']);
    expect(codes('age + 1', 'int')).toEqual([]);
    expect(codes('name.matches("(a*)*b")')).toEqual(['CEL_TOO_COMPLEX']);
  });

  it('never throws on hostile input', () => {
    expect(codes('('.repeat(10_000) + '1' + ')'.repeat(10_000))).toEqual(['CEL_TOO_COMPLEX']);
    expect(codes('[' + '1,'.repeat(1500) + '1]')).toEqual(['CEL_SYNTAX']);
    expect(codes('this.constructor.constructor("return 1")()')).not.toEqual([]);
  });
});
