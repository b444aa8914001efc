import { describe, expect, it } from 'vitest';
import type { Bundle, FieldDefinition, ServiceItem } from '../../bundle/types.js';
import { mergeForms } from '../mergeForms.js';

const zh = (text: string) => ({ 'zh-CN': text });

function bundleWith(field: FieldDefinition, form: ServiceItem['form']): Bundle {
  return {
    id: 't',
    version: '1.0.0',
    title: zh('测试'),
    leadDepartment: 'd',
    promisedDays: 1,
    departments: { d: { name: zh('部门') } },
    fields: { settled: field },
    items: [
      { id: 'a', name: zh('a'), department: 'd', itemType: 'publicService', promisedLimitDays: 1, form },
    ],
  };
}

const settled: FieldDefinition = { type: 'boolean', label: zh('已结清费用') };

describe('narrowEnum on boolean fields', () => {
  it('reports a department that accepts only `true` as a narrowing of the two boolean values', () => {
    const { form, diagnostics } = mergeForms(
      bundleWith(settled, {
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
      bundleWith(settled, {
        schema: { properties: { fyjq: { type: 'boolean', enum: [false, true] } } },
        map: { fyjq: 'settled' },
      }),
    );
    expect(form.fields.settled!.schema.enum).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });
});
