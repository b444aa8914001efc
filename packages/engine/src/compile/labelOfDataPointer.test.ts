import { describe, expect, it } from 'vitest';
import { labelOfDataPointer } from './labelOfDataPointer.js';
import type { MergedForm } from './types.js';

const form = {
  schema: {},
  order: ['employees'],
  fields: {
    employees: {
      key: 'employees',
      path: '/fields/employees',
      schema: {},
      sources: [],
      requiredBy: [],
      definition: {
        type: 'array',
        label: { 'zh-CN': '参保员工', en: 'Employees' },
        items: {
          type: 'object',
          label: { 'zh-CN': '员工', en: 'Employee' },
          properties: { idNumber: { type: 'string', label: { 'zh-CN': '身份证号', en: 'ID number' } } },
        },
      },
    },
  },
} satisfies MergedForm;

describe('labelOfDataPointer', () => {
  it('names the list entry and the sub-field', () => {
    expect(labelOfDataPointer(form, '/employees/1/idNumber')).toEqual({
      'zh-CN': '参保员工第2项·身份证号',
      en: 'Employees #2 · ID number',
    });
  });
  it('falls back to the field label, then to the key', () => {
    expect(labelOfDataPointer(form, '/employees').en).toBe('Employees');
    expect(labelOfDataPointer(form, '/employees/x/y').en).toBe('Employees');
    expect(labelOfDataPointer(form, '/nope')).toEqual({ 'zh-CN': 'nope', en: 'nope' });
  });
});
