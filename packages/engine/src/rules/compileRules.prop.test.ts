import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import type { Bundle, FieldDefinition } from '../bundle/types.js';
import { compileRules } from './compileRules.js';
import { toCelContext } from './toCelContext.js';

const label = { 'zh-CN': '字段' };
const fields: Record<string, FieldDefinition> = {
  name: { type: 'string', label },
  age: { type: 'integer', label },
  amount: { type: 'number', label },
  flag: { type: 'boolean', label },
  born: { type: 'date', label },
  tags: { type: 'array', label, items: { type: 'string', label } },
  people: {
    type: 'array',
    label,
    items: { type: 'object', label, properties: { amt: { type: 'number', label } } },
  },
  address: { type: 'object', label, properties: { city: { type: 'string', label } } },
  constructor: { type: 'string' as const, label },
  toString: { type: 'integer' as const, label },
};

function bundleWith(exprs: string[]): Bundle {
  return {
    id: 'p',
    version: '1.0.0',
    title: label,
    leadDepartment: 'd',
    promisedDays: 1,
    departments: { d: { name: label } },
    fields,
    items: [],
    rules: exprs.map((expr, i) => ({ id: `r${i}`, expr, message: label, fields: [] })),
  };
}

const HOSTILE = [
  '__proto__',
  'constructor',
  'this.constructor.constructor("return process")()',
  'name.constructor',
  'address.__proto__.polluted == 1',
  'address["__proto__"]["polluted"] == 1',
  '{"__proto__": {"polluted": 1}} == {}',
  'toString == 1',
  'constructor == "x"',
  '('.repeat(10_000) + '1' + ')'.repeat(10_000),
  '('.repeat(1_900) + 'true' + ')'.repeat(1_900),
  '!'.repeat(3_000) + 'true',
  '-'.repeat(3_000) + '1 > 0',
  Array.from({ length: 1_000 }, () => 'name').join(' + ') + ' != ""',
  '"a" * 1000000',
  '[' + Array.from({ length: 1_500 }, (_, i) => i).join(',') + '].size() > 0',
  '[' +
    Array.from({ length: 150 }, (_, i) => i).join(',') +
    '].all(x, [' +
    Array.from({ length: 150 }, (_, i) => i).join(',') +
    '].all(y, x + y >= 0))',
  'tags.all(a, tags.all(b, tags.all(c, tags.all(d, a + b + c + d != ""))))',
  Array.from({ length: 15 }, (_, i) => i).reduceRight(
    (inner, i) =>
      `cel.bind(v${i}, ${i === 0 ? 'name' : `v${i - 1}`} + ${i === 0 ? 'name' : `v${i - 1}`}, ${inner})`,
    'size(v14) > 0',
  ),
  'name.matches("^(a+)+$")',
  'name.matches(name)',
  'people.map(p, p.amt).size() > 0 && sum(people.map(p, p.amt)) == amount',
  'ageOn(born, today) >= 18',
  '9223372036854775807 + 1 > 0',
  'addDays(born, 9223372036854775807) == ""',
  '1 / 0 == 1',
  'age / 0 == 1',
];

/** Fragments that make random expressions likely to parse, so evaluation is exercised too. */
const fragment = fc.constantFrom(
  'name',
  'age',
  'amount',
  'flag',
  'born',
  'tags',
  'people',
  'address',
  'today',
  '1',
  '1.5',
  '"x"',
  '[]',
  '{}',
  'true',
  'null',
  ' + ',
  ' - ',
  ' * ',
  ' / ',
  ' % ',
  ' == ',
  ' != ',
  ' < ',
  ' && ',
  ' || ',
  ' ? ',
  ' : ',
  '!',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  'size(',
  'isIdCard(',
  'sum(',
  '.all(x, ',
  'x',
  'has(',
  '.city',
  '__proto__',
  'constructor',
);
const celish = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const values = fc.dictionary(
  fc.constantFrom(...Object.keys(fields), '__proto__', 'polluted', 'today'),
  jsonValue,
  { maxKeys: 10 },
);

function assertUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(typeof Object.prototype.toString).toBe('function');
}

function exercise(exprs: string[], data: Record<string, unknown>): void {
  const compiled = compileRules(bundleWith(exprs));
  const context = toCelContext(data, fields, '2025-06-01');
  for (const rule of compiled.rules) {
    const started = performance.now();
    const result = rule.evaluate(context);
    expect(typeof result.ok).toBe('boolean');
    // Bounded: one rule over small data runs far below this even on a slow CI machine.
    expect(performance.now() - started).toBeLessThan(1_000);
  }
}

describe('compileRules (property)', () => {
  afterEach(assertUnpolluted);

  it('never throws, hangs or pollutes prototypes on hostile expressions', () => {
    for (const expr of HOSTILE) {
      expect(() =>
        exercise([expr], {
          name: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
          tags: ['a', 'b'],
          people: [{ amt: 1 }],
          amount: 1,
          born: '2000-01-01',
        }),
      ).not.toThrow();
      assertUnpolluted();
    }
  });

  it('rejects the hostile expressions that could run away', () => {
    const compiled = compileRules(bundleWith(HOSTILE));
    const rejected = new Set(compiled.diagnostics.map((d) => d.path));
    const index = (expr: string): string => `/rules/${HOSTILE.indexOf(expr)}/expr`;
    for (const expr of HOSTILE.filter(
      (e) => e.startsWith('(') || e.startsWith('cel.bind') || e.includes('matches') || e.startsWith('"a" *'),
    )) {
      expect(rejected.has(index(expr))).toBe(true);
    }
  });

  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 5 }), values, (exprs, data) =>
        exercise(exprs, data),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random CEL-like expressions and random data', () => {
    fc.assert(
      fc.property(fc.array(celish, { maxLength: 5 }), values, (exprs, data) => exercise(exprs, data)),
      { numRuns: 500 },
    );
  });

  it('never throws on random bundles shapes', () => {
    const anyBundle = fc.record({
      fields: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))),
      rules: fc.jsonValue({ maxDepth: 2 }),
    });
    fc.assert(
      fc.property(anyBundle, (b) => {
        expect(() => compileRules(b as unknown as Bundle)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
