import { describe, it, expect } from 'vitest';
import type { Bundle, FieldDefinition } from '../bundle/types.js';
import { compileRules } from './compileRules.js';
import { toCelContext } from './toCelContext.js';

const label = { 'zh-CN': '字段' };
const form = { schema: {}, map: {} };

function bundleWith(fields: Record<string, FieldDefinition>, extra: Partial<Bundle> = {}): Bundle {
  return {
    id: 't',
    version: '1.0.0',
    title: label,
    leadDepartment: 'd',
    promisedDays: 5,
    departments: { d: { name: label } },
    fields,
    items: [],
    ...extra,
  };
}

const newborn = bundleWith(
  {
    motherEthnicity: { type: 'string', label },
    fatherEthnicity: { type: 'string', label },
    babyEthnicity: { type: 'string', label, visibleIf: 'motherEthnicity != fatherEthnicity' },
    motherIdNumber: { type: 'string', label },
    motherBirthDate: { type: 'date', label, computed: 'idBirthDate(motherIdNumber)' },
    motherAge: { type: 'integer', label, computed: 'ageOn(motherBirthDate, today)' },
    settleWith: { type: 'string', label },
  },
  {
    items: [
      {
        id: 'birthReg',
        name: label,
        department: 'd',
        itemType: 'confirmation',
        promisedLimitDays: 1,
        form,
        applicableIf: 'settleWith == "MOTHER"',
      },
    ],
    materials: { m_ethnicity: { name: label, requiredIf: 'motherEthnicity != fatherEthnicity' } },
    layout: {
      sections: [{ id: 'baby', title: label, fields: ['babyEthnicity'], visibleIf: 'motherAge >= 18' }],
    },
    rules: [
      {
        id: 'adult',
        expr: 'motherAge >= 18',
        when: 'isIdCard(motherIdNumber)',
        message: label,
        fields: ['motherIdNumber'],
      },
    ],
  },
);

describe('compileRules', () => {
  it('compiles every kind of expression with ids, paths and reads', () => {
    const compiled = compileRules(newborn);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.rules.map((r) => [r.id, r.path, r.reads])).toEqual([
      ['visible:babyEthnicity', '/fields/babyEthnicity/visibleIf', ['fatherEthnicity', 'motherEthnicity']],
      ['computed:motherBirthDate', '/fields/motherBirthDate/computed', ['motherIdNumber']],
      ['computed:motherAge', '/fields/motherAge/computed', ['motherBirthDate', 'today']],
      ['applicable:birthReg', '/items/0/applicableIf', ['settleWith']],
      [
        'materialRequired:m_ethnicity',
        '/materials/m_ethnicity/requiredIf',
        ['fatherEthnicity', 'motherEthnicity'],
      ],
      ['sectionVisible:baby', '/layout/sections/0/visibleIf', ['motherAge']],
      ['validate:adult', '/rules/0/expr', ['motherAge', 'motherIdNumber']],
    ]);
    expect(compiled.computedOrder).toEqual(['motherBirthDate', 'motherAge']);
    expect(compiled.readersOf.motherAge).toEqual(['sectionVisible:baby', 'validate:adult']);
  });

  it('evaluates rules against a CEL context', () => {
    const compiled = compileRules(newborn);
    const rule = (id: string) => compiled.rules.find((r) => r.id === id)!;
    const ctx = toCelContext(
      { motherEthnicity: '01', fatherEthnicity: '03', motherIdNumber: '11010519491231002X' },
      newborn.fields,
      '2025-01-01',
    );
    expect(rule('visible:babyEthnicity').evaluate(ctx)).toEqual({ ok: true, value: true });
    expect(rule('computed:motherBirthDate').evaluate(ctx)).toEqual({ ok: true, value: '1949-12-31' });
    ctx.motherBirthDate = '1949-12-31';
    expect(rule('computed:motherAge').evaluate(ctx)).toEqual({ ok: true, value: 75n });
  });

  it('reports an empty field as not evaluable instead of throwing', () => {
    const compiled = compileRules(newborn);
    const result = compiled.rules
      .find((r) => r.id === 'applicable:birthReg')!
      .evaluate({ today: '2025-01-01' });
    expect(result.ok).toBe(false);
  });

  it('passes a validation rule whose when guard is false', () => {
    const b = bundleWith(
      { n: { type: 'integer', label } },
      { rules: [{ id: 'r', expr: 'n > 10', when: 'n > 5', message: label, fields: ['n'] }] },
    );
    const rule = compileRules(b).rules[0]!;
    expect(rule.evaluate({ n: 3n })).toEqual({ ok: true, value: true });
    expect(rule.evaluate({ n: 7n })).toEqual({ ok: true, value: false });
    expect(rule.evaluate({ n: 11n })).toEqual({ ok: true, value: true });
  });

  it('reports syntax errors with the offset inside the expression', () => {
    const b = bundleWith({ a: { type: 'string', label, visibleIf: 'a == "x" &&' } });
    const [d] = compileRules(b).diagnostics;
    expect(d).toMatchObject({ code: 'CEL_SYNTAX', path: '/fields/a/visibleIf', params: { offset: 11 } });
  });

  it('reports unknown fields with a suggestion', () => {
    const b = bundleWith({
      motherName: { type: 'string', label },
      x: { type: 'string', label, requiredIf: 'motherNmae != ""' },
    });
    const [d] = compileRules(b).diagnostics;
    expect(d).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      path: '/fields/x/requiredIf',
      params: { ref: 'motherNmae', offset: 0 },
    });
    expect(d!.messages['zh-CN']).toContain('motherName');
    expect(d!.messages.en).toContain('Unknown field "motherNmae"');
  });

  it('reports type errors and wrong result types', () => {
    const b = bundleWith({
      n: { type: 'integer', label, visibleIf: 'n == "3"' },
      s: { type: 'string', label, requiredIf: 'n + 1' },
      c: { type: 'integer', label, computed: 'string(n)' },
    });
    const codes = compileRules(b).diagnostics.map((d) => [d.code, d.path, d.params.expected]);
    expect(codes).toEqual([
      ['CEL_TYPE', '/fields/n/visibleIf', undefined],
      ['CEL_WRONG_RESULT_TYPE', '/fields/s/requiredIf', 'bool'],
      ['CEL_WRONG_RESULT_TYPE', '/fields/c/computed', 'int'],
    ]);
  });

  it('reports computed cycles and leaves those fields out', () => {
    const b = bundleWith({
      a: { type: 'integer', label, computed: 'b + 1' },
      b: { type: 'integer', label, computed: 'c + 1' },
      c: { type: 'integer', label, computed: 'a + 1' },
      d: { type: 'integer', label, computed: 'd' },
      e: { type: 'integer', label, computed: 'a * 2' },
    });
    const compiled = compileRules(b);
    expect(compiled.diagnostics.map((d) => [d.code, d.path, d.params.cycle])).toEqual([
      ['COMPUTED_CYCLE', '/fields/a/computed', 'a → b → c → a'],
      ['COMPUTED_CYCLE', '/fields/d/computed', 'd → d'],
    ]);
    expect(compiled.computedOrder).toEqual(['e']);
    expect(compiled.rules.map((r) => r.id)).toEqual(['computed:e']);
  });

  it('diagnoses field keys that CEL cannot name', () => {
    const b = bundleWith({
      'a-b': { type: 'string', label },
      today: { type: 'string', label },
      ok: { type: 'string', label, visibleIf: 'today > "2024"' },
    });
    const compiled = compileRules(b);
    expect(compiled.diagnostics.map((d) => [d.code, d.path, d.params.problem])).toEqual([
      ['CEL_FIELD_KEY_INVALID', '/fields/a-b', 'notIdentifier'],
      ['CEL_FIELD_KEY_INVALID', '/fields/today', 'today'],
    ]);
    expect(compiled.rules[0]!.reads).toEqual(['today']);
  });

  it('rejects over-long and too expensive expressions', () => {
    const b = bundleWith({
      a: { type: 'string', label, visibleIf: `a == "${'x'.repeat(5000)}"` },
      l: {
        type: 'array',
        label,
        items: { type: 'integer', label },
        maxItems: 1000,
        visibleIf: 'l.all(x, l.all(y, l.all(z, x + y + z > 0)))',
      },
    });
    expect(compileRules(b).diagnostics.map((d) => [d.code, d.params.reason])).toEqual([
      ['CEL_TOO_COMPLEX', 'length'],
      ['CEL_TOO_COMPLEX', 'cost'],
    ]);
  });
});
