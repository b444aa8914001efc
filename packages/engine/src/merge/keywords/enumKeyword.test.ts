import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../bundle/types.js';
import { oneFieldBundle } from '../../../test/fixtures/oneFieldBundle.js';
import { mergeForms } from '../mergeForms.js';

const zh = (text: string) => ({ 'zh-CN': text });

const settled: FieldDefinition = { type: 'boolean', label: zh('已结清费用') };

describe('narrowEnum on boolean fields', () => {
  it('reports a department that accepts only `true` as a narrowing of the two boolean values', () => {
    const { form, diagnostics } = mergeForms(
      oneFieldBundle('settled', settled, {
        schema: { properties: { fyjq: { type: 'boolean', const: true } } },
        map: { fyjq: 'settled' },
      }),
    );
    expect(form.fields.settled!.schema.enum).toEqual([true]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'MERGE_ENUM_NARROWED',
        path: '/items/0/form/schema/properties/fyjq/const',
        params: expect.objectContaining({ item: 'a', values: [true] }),
      }),
    ]);
  });

  it('adds no enum and says nothing when the department accepts both values', () => {
    const { form, diagnostics } = mergeForms(
      oneFieldBundle('settled', settled, {
        schema: { properties: { fyjq: { type: 'boolean', enum: [false, true] } } },
        map: { fyjq: 'settled' },
      }),
    );
    expect(form.fields.settled!.schema.enum).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });
});
