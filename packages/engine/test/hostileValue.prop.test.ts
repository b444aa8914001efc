// Bad-input robustness at the value level: random mutations of real bundles (deleted keys, wrong types,
// unknown and prototype keys, duplicated items, renamed ids, dependency cycles, random CEL, junk
// department schemas) never make the loader throw, and whatever still loads compiles, fills in and
// validates random data without throwing either.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle, type LoadedBundle } from '../src/bundle/loadBundle.js';
import type { Bundle } from '../src/bundle/types.js';
import { compileBundle } from '../src/compile/compileBundle.js';
import { createFormState } from '../src/form/createFormState.js';
import { validateApplication } from '../src/form/validateApplication.js';
import {
  expectLoadContract,
  expectNoPollution,
  expectWellFormed,
  hostileCel,
  prototypeSnapshot,
  runs,
  seeds,
  withinMs,
} from './fixtures/hostile.js';
import {
  applyMutation,
  celExpression,
  HOSTILE_KEYS,
  mutation,
  typedCondition,
} from './fixtures/mutateJson.js';

const today = () => '2026-11-27';

/** Compile a loaded bundle, then validate, fill in and split `input`; every step must not throw. */
function exercise(loaded: LoadedBundle, input: Record<string, unknown>): void {
  const compiled = compileBundle(loaded);
  const result = withinMs(2_000, () => validateApplication(compiled, input, { today }));
  expectWellFormed(result.diagnostics);
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
  expect(typeof result.payloads).toBe('object');
  const state = createFormState(compiled, { today });
  for (const key of Object.keys(input)) state.setValue(key, input[key]);
  expectWellFormed(state.validate().diagnostics);
  expect(Array.isArray(state.notice().entries)).toBe(true);
}

describe.each(seeds())('hostile mutations of $name', ({ value }) => {
  const before = prototypeSnapshot();
  const bundle = value as Bundle;
  const fieldKeys = Object.keys(bundle.fields);
  const data = fc.dictionary(
    fc.oneof(fc.constantFrom(...fieldKeys), fc.string(), fc.constantFrom(...HOSTILE_KEYS)),
    fc.jsonValue({ maxDepth: 3 }),
    { maxKeys: 12 },
  );

  it('random structural mutations never make a stage throw', () => {
    const cel = fc.oneof(celExpression(fieldKeys), fc.string(), fc.constantFrom(...hostileCel()));
    fc.assert(
      fc.property(fc.array(mutation(cel), { minLength: 1, maxLength: 3 }), data, (mutations, input) => {
        const mutated = structuredClone(value);
        for (const m of mutations) applyMutation(mutated, m);
        const loaded = withinMs(2_000, () => loadBundle(mutated));
        expectLoadContract(loaded);
        if (loaded.ok) exercise(loaded, input);
      }),
      { numRuns: runs(30) },
    );
    expectNoPollution(before);
  });

  it('random well-typed conditions on fields, items and rules evaluate without throwing', () => {
    const types = Object.fromEntries(Object.entries(bundle.fields).map(([k, f]) => [k, f.type]));
    const cond = typedCondition(types);
    const keys = fc.constantFrom(...fieldKeys);
    const edits = fc.record({
      visibleIf: fc.dictionary(keys, cond, { maxKeys: 4 }),
      requiredIf: fc.dictionary(keys, cond, { maxKeys: 4 }),
      applicableIf: fc.array(fc.option(cond), { maxLength: bundle.items.length }),
      rules: fc.array(
        fc.record({
          expr: cond,
          when: fc.option(cond),
          fields: fc.array(keys, { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 3 },
      ),
    });
    let loadedOk = 0;
    fc.assert(
      fc.property(edits, data, (e, input) => {
        const mutated = structuredClone(bundle);
        for (const [k, c] of Object.entries(e.visibleIf)) mutated.fields[k]!.visibleIf = c;
        for (const [k, c] of Object.entries(e.requiredIf)) mutated.fields[k]!.requiredIf = c;
        e.applicableIf.forEach((c, i) => {
          if (c !== null) mutated.items[i]!.applicableIf = c;
        });
        mutated.rules = [
          ...(mutated.rules ?? []),
          ...e.rules.map((r, i) => ({
            id: `hostile${i}`,
            expr: r.expr,
            ...(r.when === null ? {} : { when: r.when }),
            message: { 'zh-CN': '随机规则' },
            fields: r.fields,
          })),
        ];
        const loaded = withinMs(2_000, () => loadBundle(mutated));
        expectLoadContract(loaded);
        if (!loaded.ok) return;
        loadedOk++;
        exercise(loaded, input);
      }),
      { numRuns: runs(25) },
    );
    // Without bundles that load, the later stages would never run and the property would be vacuous.
    expect(loadedOk).toBeGreaterThan(0);
    expectNoPollution(before);
  });
});

describe('exotic objects passed to loadBundle', () => {
  const before = prototypeSnapshot();
  const throwing = () => {
    throw new Error('boom');
  };
  const cyclic: Record<string, unknown> = { ...structuredClone(seeds()[2]!.value as object) };
  cyclic.self = cyclic;
  const sparse = structuredClone(seeds()[2]!.value as Bundle);
  (sparse as unknown as { items: unknown[] }).items.length = 6;
  const cases: Array<[string, unknown]> = [
    [
      'a throwing getter',
      Object.defineProperty({ ...(seeds()[2]!.value as object) }, 'id', { get: throwing, enumerable: true }),
    ],
    [
      'a proxy whose traps throw',
      new Proxy({}, { ownKeys: throwing, get: throwing, getPrototypeOf: throwing }),
    ],
    [
      'a revoked proxy',
      (() => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      })(),
    ],
    ['a cycle', cyclic],
    ['a sparse items array', sparse],
    ['symbol keys and values', { [Symbol('s')]: 1, id: Symbol('id') }],
    ['bigint, NaN, Infinity, -0', { id: 10n, version: NaN, promisedDays: Infinity, title: -0 }],
    ['class instances', { id: new Date(0), version: new Map(), title: new Uint8Array(4), items: new Set() }],
    ['a function', () => 1],
    ['a frozen bundle', Object.freeze(structuredClone(seeds()[2]!.value))],
    [
      'a null-prototype bundle',
      Object.assign(Object.create(null) as object, structuredClone(seeds()[2]!.value)),
    ],
  ];
  it.each(cases)('%s gives diagnostics, never an exception', (_name, input) => {
    const loaded = withinMs(2_000, () => loadBundle(input));
    expectLoadContract(loaded);
    expectNoPollution(before);
  });
});
