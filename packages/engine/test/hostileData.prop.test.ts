// Bad-input robustness at the data level: whatever an applicant (or an attacker) posts, validation of
// a compiled example answers with diagnostics that point into the data, and never throws, hangs or
// touches the built-in prototypes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle } from '../src/bundle/loadBundle.js';
import { compileBundle, type CompiledBundle } from '../src/compile/compileBundle.js';
import { createFormState } from '../src/form/createFormState.js';
import { validateApplication } from '../src/form/validateApplication.js';
import {
  exampleText,
  expectNoPollution,
  expectWellFormed,
  prototypeSnapshot,
  runs,
  withinMs,
} from './fixtures/hostile.js';
import { HOSTILE_KEYS } from './fixtures/mutateJson.js';

const today = () => '2026-11-27';
const examplesRoot = new URL('../../../examples/', import.meta.url).pathname;

function compileExample(name: 'newborn' | 'business-startup'): CompiledBundle {
  const loaded = loadBundle(exampleText(name), { fileName: 'bundle.yaml' });
  expect(loaded.ok).toBe(true);
  return compileBundle(loaded);
}

/** An array nested `depth` levels deep, built without recursion. */
function deepArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object nested `depth` levels deep under `key`. */
function deepObject(depth: number, key: string): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

/** Values that break careless code: huge, deep, prototype-shaped, not JSON at all. */
const NASTY: unknown[] = [
  'x'.repeat(1_000_000),
  '\u0000\uD800\uFFFF',
  deepArray(10_000),
  deepObject(10_000, 'a'),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  Array.from({ length: 100_000 }, (_, i) => i),
  Number.MAX_VALUE,
  -0,
  1e21,
  NaN,
  Infinity,
  10n ** 30n,
  Symbol('s'),
  () => 1,
  new Date(0),
  new Map([['a', 1]]),
  Object.create(null),
  undefined,
];

/**
 * A NASTY value by index. fast-check prints the inputs of a failing property, and printing a
 * 10,000-deep array would itself overflow the stack, so properties draw indices and resolve them.
 */
type Drawn = { json: unknown } | { nasty: number };
const drawn: fc.Arbitrary<Drawn> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })),
  fc.nat(NASTY.length - 1).map((nasty) => ({ nasty })),
);
const resolve = (d: Drawn): unknown => ('nasty' in d ? NASTY[d.nasty] : d.json);

/** Entries for a data object: the example's own keys, random and prototype keys; JSON or nasty values. */
function entriesArbitrary(fieldKeys: string[]): fc.Arbitrary<Array<[string, Drawn]>> {
  const key = fc.oneof(fc.constantFrom(...fieldKeys), fc.string(), fc.constantFrom(...HOSTILE_KEYS));
  return fc.array(fc.tuple(key, drawn), { maxLength: 10 });
}

/** Build the data object; `__proto__` becomes an own property (as JSON.parse makes it), not a prototype. */
function toData(entries: Array<[string, Drawn]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, {
      value: resolve(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

const isPointer = (p: string) => p === '' || p.startsWith('/');

describe.each(['newborn', 'business-startup'] as const)('hostile data for examples/%s', (name) => {
  const before = prototypeSnapshot();
  const compiled = compileExample(name);
  const fieldKeys = Object.keys(compiled.form.fields);

  it('random and nasty data give data-pointer diagnostics, never an exception', () => {
    fc.assert(
      fc.property(entriesArbitrary(fieldKeys), (entries) => {
        const data = toData(entries);
        const result = withinMs(2_000, () => validateApplication(compiled, data, { today }));
        expectWellFormed(result.diagnostics);
        for (const d of result.diagnostics) expect(isPointer(d.path)).toBe(true);
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        // Every key the data sends that is not a field is rejected by name.
        for (const key of Object.keys(data))
          if (!Object.prototype.hasOwnProperty.call(compiled.form.fields, key))
            expect(
              result.diagnostics.some((d) => d.code === 'DATA_UNKNOWN_FIELD' && d.params.field === key),
            ).toBe(true);
        expect(typeof result.payloads).toBe('object');
        expect(typeof result.values).toBe('object');
      }),
      { numRuns: runs(40) },
    );
    expectNoPollution(before);
  });

  it('non-object data is one DATA_NOT_OBJECT at the root', () => {
    for (const data of [null, undefined, 1, 'x', true, [], [{}], deepArray(10_000), 10n, Symbol('s')]) {
      const result = validateApplication(compiled, data);
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toMatchObject([{ code: 'DATA_NOT_OBJECT', path: '' }]);
    }
  });

  it('every field at once holding each nasty value validates without throwing', () => {
    for (const value of NASTY) {
      const data = Object.fromEntries(fieldKeys.map((key) => [key, value]));
      const result = withinMs(2_000, () => validateApplication(compiled, data, { today }));
      expectWellFormed(result.diagnostics);
      expect(result.ok).toBe(false);
      expect(typeof result.payloads).toBe('object');
    }
    expectNoPollution(before);
  });

  it('createFormState().setValue takes random keys and junk', () => {
    const state = createFormState(compiled, { today });
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...fieldKeys), fc.string(), fc.constantFrom(...HOSTILE_KEYS)),
        drawn,
        (key, value) => {
          withinMs(2_000, () => state.setValue(key, resolve(value)));
          state.getValue(key);
          if (Object.prototype.hasOwnProperty.call(compiled.form.fields, key)) state.getField(key);
        },
      ),
      { numRuns: runs(150) },
    );
    const checked = withinMs(2_000, () => state.validate());
    expectWellFormed(checked.diagnostics);
    state.notice();
    state.payloads();
    expectNoPollution(before);
  });

  it('the example data files with every value replaced by junk still validate', () => {
    const file = `${examplesRoot}${name}/data/valid-complete.json`;
    const sample = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(validateApplication(compiled, sample, { today, checkMaterials: false }).ok).toBe(true);
    const keys = Object.keys(sample);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), drawn), { maxLength: 5 }), (edits) => {
        const data = { ...sample };
        for (const [i, junk] of edits) data[keys[i % keys.length]!] = resolve(junk);
        const result = withinMs(2_000, () => validateApplication(compiled, data, { today }));
        expectWellFormed(result.diagnostics);
      }),
      { numRuns: runs(30) },
    );
    expectNoPollution(before);
  });
});
