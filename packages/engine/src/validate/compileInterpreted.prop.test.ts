// compileInterpreted (issue #5: bundles compiled in the browser under a strict CSP) must give the
// diagnostics ajv gives: for every field of every example, for arbitrary near-valid and invalid
// values, and for whole applications (the example data files and random edits of them).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import type { JsonSchema } from '../compile/types.js';
import { validateApplication } from '../form/validateApplication.js';
import { compileInterpreted } from './compileInterpreted.js';

const root = new URL('../../../../examples/', import.meta.url).pathname;
const EXAMPLES = ['newborn', 'business-startup', 'home-transfer'];
const today = () => '2026-11-27';

/** Every string in the example data (ID numbers, USCCs, mobiles, dates…), to mutate slightly. */
function stringsOf(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const pad = (n: number) => String(n).padStart(2, '0');

/** 公民身份号码 with a right or wrong check digit and dates that may not exist. */
const idNumber = fc
  .tuple(
    fc.constantFrom('330106', '110105', '440305', '999999'),
    fc.integer({ min: 1890, max: 2035 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    digits(3),
    fc.boolean(),
  )
  .map(([region, year, month, day, seq, right]) => {
    const body = `${region}${year}${pad(month)}${pad(day)}${seq}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
    const check = '10X98765432'[sum % 11]!;
    return body + (right ? check : check === '0' ? '1' : '0');
  });

/** A string a little off one of `seeds`: a character changed, dropped or added. */
function nearString(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.nat(),
      fc.constantFrom('0', '9', 'X', 'a', '-', ' ', '中'),
      fc.nat(2),
    )
    .map(([seed, at, char, op]) => {
      const i = seed.length === 0 ? 0 : at % seed.length;
      if (op === 0) return seed.slice(0, i) + char + seed.slice(i + 1);
      if (op === 1) return seed.slice(0, i) + seed.slice(i + 1);
      return seed.slice(0, i) + char + seed.slice(i);
    });
}

const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

function stringFor(schema: JsonSchema, seeds: string[]): fc.Arbitrary<unknown> {
  const parts: Array<fc.Arbitrary<unknown>> = [
    fc.string({ maxLength: 24 }),
    fc.constantFrom('', ' ', '2024-02-30', '2024-02-29', '2023-13-01', '13800138000', '1380013800'),
    nearString(seeds),
    fc.constantFrom(...seeds),
    idNumber,
    fc.stringMatching(/^1[0-9]{9,11}$/),
    fc.stringMatching(/^\d{4}-[01]\d-[0-3]\d$/),
    fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
    digits(6),
  ];
  if (typeof schema.pattern === 'string') {
    try {
      parts.push(fc.stringMatching(new RegExp(schema.pattern, 'u')));
    } catch {
      // a pattern fast-check cannot generate from: the other strings still exercise it
    }
  }
  if (typeof schema.maxLength === 'number')
    parts.push(fc.string({ minLength: schema.maxLength, maxLength: schema.maxLength + 2 }));
  return fc.oneof(...parts);
}

function numberFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const bounds = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']
    .map((k) => schema[k])
    .filter((v): v is number => typeof v === 'number');
  const near = bounds.flatMap((b) => [b - 1, b - 0.5, b, b + 0.5, b + 1]);
  return fc.oneof(
    fc.integer({ min: -10, max: 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    ...(near.length ? [fc.constantFrom(...near)] : []),
  );
}

/** Values shaped like `schema` (and not): its enum, near-valid strings, bounds, items, properties. */
function valueFor(schema: unknown, seeds: string[], depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema !== 'object' || schema === null || depth > 3) return scalar;
  const s = schema as JsonSchema;
  const types = ([] as unknown[]).concat(s.type ?? []);
  const parts: Array<fc.Arbitrary<unknown>> = [scalar];
  if (Array.isArray(s.enum) && s.enum.length > 0) parts.push(fc.constantFrom(...(s.enum as unknown[])));
  if (types.includes('string') || s.format || s.pattern) parts.push(stringFor(s, seeds));
  if (types.includes('number') || types.includes('integer')) parts.push(numberFor(s));
  if (types.includes('array') || s.items) {
    const item = valueFor(s.items, seeds, depth + 1);
    parts.push(fc.array(item, { maxLength: 4 }), fc.array(item, { minLength: 9, maxLength: 12 }));
  }
  if (types.includes('object') || s.properties) {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    const record = fc.record(
      Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, valueFor(v, seeds, depth + 1)])),
      { requiredKeys: [] },
    );
    parts.push(
      record,
      fc
        .tuple(record, fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 }))
        .map(([a, b]) => ({ ...b, ...a })),
    );
  }
  return fc.oneof(...parts);
}

describe.each(EXAMPLES)('examples/%s', (name) => {
  const loaded = loadBundle(readFileSync(`${root}${name}/bundle.yaml`, 'utf8'));
  const withAjv = compileBundle(loaded);
  const interpreted = compileBundle(loaded, { compile: compileInterpreted });
  const dataDir = `${root}${name}/data/`;
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));
  const data = files.map((f) => JSON.parse(readFileSync(dataDir + f, 'utf8')) as Record<string, unknown>);
  const seeds = [...data.reduce((set, d) => stringsOf(d, set), new Set<string>())];
  const form = loaded.form!;

  it.each(Object.keys(form.fields))('field %s: the same diagnostics as ajv for arbitrary values', (key) => {
    fc.assert(
      fc.property(
        valueFor(form.fields[key]!.schema, seeds),
        fc.constantFrom('zh-CN', 'en' as const),
        (value, lang) => {
          expect(interpreted.constraints.field(key, value, lang)).toEqual(
            withAjv.constraints.field(key, value, lang),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each(files)('validateApplication on data/%s: the same result as ajv', (file) => {
    const input = data[files.indexOf(file)]!;
    const a = validateApplication(withAjv, input, { today });
    const b = validateApplication(interpreted, input, { today });
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.ok).toBe(a.ok);
  });

  it('validateApplication on random edits of the data files: the same result as ajv', () => {
    const keys = Object.keys(form.fields);
    const edit = fc.record({
      key: fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 4 })),
      remove: fc.boolean(),
      nested: fc.nat(),
    });
    fc.assert(
      fc.property(
        fc.nat(data.length - 1),
        fc
          .array(edit, { minLength: 1, maxLength: 4 })
          .chain((edits) =>
            fc.tuple(
              fc.constant(edits),
              fc.tuple(...edits.map((e) => valueFor(form.fields[e.key]?.schema ?? {}, seeds))),
            ),
          ),
        (index, [edits, values]) => {
          const input = structuredClone(data[index]!);
          edits.forEach((e, i) => {
            const current = input[e.key];
            // Edit inside a repeating group sometimes: one property of one row.
            if (Array.isArray(current) && current.length > 0 && typeof current[0] === 'object' && !e.remove) {
              const row = current[e.nested % current.length] as Record<string, unknown>;
              const names = Object.keys(row);
              if (names.length > 0) {
                row[names[e.nested % names.length]!] = values[i] === null ? 'x' : values[i];
                return;
              }
            }
            if (e.remove) delete input[e.key];
            else input[e.key] = values[i];
          });
          const a = validateApplication(withAjv, input, { today });
          const b = validateApplication(interpreted, input, { today });
          expect(b.diagnostics).toEqual(a.diagnostics);
          expect(b.ok).toBe(a.ok);
        },
      ),
      { numRuns: 200 },
    );
  });
});
