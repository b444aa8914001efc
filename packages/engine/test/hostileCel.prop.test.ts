// Hostile CEL in every place a bundle holds an expression: prototype probes, escape attempts, memory and
// time bombs, deep nesting, catastrophic regexes. The loader answers with diagnostics quickly (the 2 s
// bound is a hang guard, not a performance target), and nothing reaches the built-in prototypes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle } from '../src/bundle/loadBundle.js';
import type { Bundle } from '../src/bundle/types.js';
import { compileBundle } from '../src/compile/compileBundle.js';
import { createFormState } from '../src/form/createFormState.js';
import { validateApplication } from '../src/form/validateApplication.js';
import { IDS, miniBundle } from './fixtures/miniBundle.js';
import {
  expectLoadContract,
  expectNoPollution,
  expectWellFormed,
  hostileCel,
  prototypeSnapshot,
  runs,
  withinMs,
} from './fixtures/hostile.js';

const today = () => '2026-11-27';

/** Where an expression can sit in the mini bundle, and how to put it there. */
const PLACES: Record<string, { pointer: string; put: (b: Bundle, expr: string) => void }> = {
  visibleIf: {
    pointer: '/fields/babyName/visibleIf',
    put: (b, e) => void (b.fields.babyName!.visibleIf = e),
  },
  requiredIf: {
    pointer: '/fields/bankAccountNo/requiredIf',
    put: (b, e) => void (b.fields.bankAccountNo!.requiredIf = e),
  },
  computed: { pointer: '/fields/babyName/computed', put: (b, e) => void (b.fields.babyName!.computed = e) },
  applicableIf: { pointer: '/items/2/applicableIf', put: (b, e) => void (b.items[2]!.applicableIf = e) },
  materialRequiredIf: {
    pointer: '/materials/m_hukouBook/requiredIf',
    put: (b, e) => void (b.materials!.m_hukouBook!.requiredIf = e),
  },
  sectionVisibleIf: {
    pointer: '/layout/sections/1/visibleIf',
    put: (b, e) => void (b.layout!.sections[1]!.visibleIf = e),
  },
  ruleExpr: { pointer: '/rules/0/expr', put: (b, e) => void (b.rules![0]!.expr = e) },
  ruleWhen: { pointer: '/rules/0/when', put: (b, e) => void (b.rules![0]!.when = e) },
};

const DATA = [
  {},
  { babyName: '王小明', settleWith: 'OTHER', applyBenefit: true, motherIdNumber: IDS.woman },
  JSON.parse('{"__proto__": {"polluted": true}, "babyName": "a"}') as Record<string, unknown>,
];

/** Load with a hostile expression placed, and when it still loads, run it against some data. */
function loadWith(place: string, expr: string) {
  const bundle = miniBundle();
  PLACES[place]!.put(bundle, expr);
  const loaded = withinMs(2_000, () => loadBundle(bundle));
  expectLoadContract(loaded);
  if (loaded.ok) {
    const compiled = compileBundle(loaded);
    for (const data of DATA) {
      const result = withinMs(2_000, () => validateApplication(compiled, data, { today }));
      expectWellFormed(result.diagnostics);
    }
    const state = createFormState(compiled, { today });
    withinMs(2_000, () => state.setValue('babyName', 'a'.repeat(10_000)));
    withinMs(2_000, () => state.setValue('applyBenefit', true));
    expectWellFormed(state.validate().diagnostics);
  }
  return loaded;
}

describe('hostile CEL', () => {
  const before = prototypeSnapshot();

  it('the unmodified mini bundle loads (so a failure below is the expression’s)', () => {
    expect(loadBundle(miniBundle()).ok).toBe(true);
  });

  describe.each(Object.keys(PLACES))('in %s', (place) => {
    it.each(hostileCel().map((e) => [e.length > 60 ? `${e.slice(0, 60)}… (${e.length} chars)` : e, e]))(
      '%s',
      (_name, expr) => {
        const loaded = loadWith(place, expr);
        // What is rejected is rejected at the expression (or its holder), so an author can find it.
        if (!loaded.ok) {
          const pointer = PLACES[place]!.pointer;
          const holder = pointer.slice(0, pointer.lastIndexOf('/'));
          const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.some((d) => d.path === pointer || d.path === holder)).toBe(true);
        }
        expectNoPollution(before);
      },
    );
  });

  it('prototype probes, escapes and bombs are rejected, not evaluated', () => {
    const rejected = [
      '__proto__',
      'constructor.constructor',
      'constructor.constructor("return process")()',
      'this',
      '"a" * 1000000',
      '('.repeat(10_000) + 'true' + ')'.repeat(10_000),
      `"${'a'.repeat(1_000_000)}" == ""`,
      '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("^(a+)+$")',
    ];
    for (const expr of rejected) expect(loadWith('ruleExpr', expr).ok, expr).toBe(false);
  });

  it('random mixtures of hostile fragments give diagnostics, quickly', () => {
    const fragment = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'this',
      '.',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"',
      "'",
      '\\',
      ' * ',
      ' + ',
      ' == ',
      ' && ',
      ' ? ',
      '!',
      '-',
      'babyName',
      'settleWith',
      'applyBenefit',
      '.matches("(a+)+")',
      '.map(x, x)',
      '.all(x, x)',
      'size(',
      'dyn(',
      'has(',
      '1',
      '9223372036854775808',
      '1e400',
      '"\\uD800"',
      'b"\\xff"',
      'r"\\d"',
      '"""',
      '\u0000',
      '\n',
    );
    const expr = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(expr, fc.constantFrom(...Object.keys(PLACES)), (e, place) => {
        loadWith(place, e);
      }),
      { numRuns: runs(150) },
    );
    expectNoPollution(before);
  });
});
