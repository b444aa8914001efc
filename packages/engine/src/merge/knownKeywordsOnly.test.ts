import { describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import { validateApplication } from '../form/validateApplication.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { knownKeywordsOnly } from './knownKeywordsOnly.js';

describe('knownKeywordsOnly', () => {
  it('keeps standard keywords and x-* extensions at every level, drops the rest', () => {
    expect(
      knownKeywordsOnly({
        type: 'object',
        '': [],
        maxLenght: 3,
        'x-dept': 'keep',
        properties: { a: { type: 'string', '': 1, minLength: 1 }, '': { type: 'string' } },
        items: [{ type: 'string', junk: true }],
        enum: [{ '': 'data is kept as it is' }],
      }),
    ).toEqual({
      type: 'object',
      'x-dept': 'keep',
      properties: { a: { type: 'string', minLength: 1 }, '': { type: 'string' } },
      items: [{ type: 'string' }],
      enum: [{ '': 'data is kept as it is' }],
    });
  });

  // Regression (found by hostileValue.prop.test.ts, seed 1912080321): an empty-named keyword inside a
  // department property schema loaded fine and then made ajv's strict mode throw at validation.
  it('a stray keyword in a department schema never makes validation throw', () => {
    const bundle = parse(
      readFileSync(new URL('../../../../examples/business-startup/bundle.yaml', import.meta.url), 'utf8'),
    );
    for (const item of bundle.items) {
      for (const property of Object.values(item.form.schema.properties ?? {}) as Array<
        Record<string, unknown>
      >) {
        property[''] = [];
        property.maxLenght = 3;
      }
    }
    const loaded = loadBundle(bundle);
    expect(loaded.ok).toBe(true);
    const compiled = compileBundle(loaded);
    const data = JSON.parse(
      readFileSync(
        new URL('../../../../examples/business-startup/data/valid-complete.json', import.meta.url),
        'utf8',
      ),
    );
    expect(() => validateApplication(compiled, data, { today: () => '2026-11-27' })).not.toThrow();
    expect(() => validateApplication(compiled, {}, { today: () => '2026-11-27' })).not.toThrow();
  });
});
