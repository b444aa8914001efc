import { describe, expect, it } from 'vitest';
import type { Bundle } from '../bundle/types.js';
import { mergeForms } from './mergeForms.js';
import { joinPayload, splitPayloads } from './splitPayloads.js';

const zh = (text: string) => ({ 'zh-CN': text });

const bundle: Bundle = {
  id: 't',
  version: '1.0.0',
  title: zh('测试'),
  leadDepartment: 'ga',
  promisedDays: 5,
  departments: { ga: { name: zh('公安') }, ss: { name: zh('社保') } },
  fields: {
    name: { type: 'string', label: zh('姓名') },
    gender: { type: 'string', label: zh('性别'), enum: ['1', '2'] },
    married: { type: 'boolean', label: zh('已婚') },
    note: { type: 'string', label: zh('备注') },
    kids: {
      type: 'array',
      label: zh('子女'),
      items: {
        type: 'object',
        label: zh('子女'),
        properties: {
          name: { type: 'string', label: zh('姓名') },
          gender: { type: 'string', label: zh('性别') },
        },
      },
    },
  },
  items: [
    {
      id: 'reg',
      name: zh('登记'),
      department: 'ga',
      itemType: 'confirmation',
      promisedLimitDays: 1,
      form: {
        schema: { properties: { xm: {}, xb: {}, hy: {}, zn: {} } },
        map: {
          xm: 'name',
          xb: { field: 'gender', values: { '1': 'M', '2': 'F' } },
          hy: { field: 'married', values: { true: 'Y', false: 'N' } },
          zn: {
            field: 'kids',
            items: { xm: 'name', xb: { field: 'gender', values: { '1': 'M', '2': 'F' } } },
          },
        },
      },
    },
    {
      id: 'card',
      name: zh('卡'),
      department: 'ss',
      itemType: 'publicService',
      promisedLimitDays: 1,
      form: {
        schema: { properties: { name: {}, note: {}, gender: {} } },
        map: { name: 'name', note: 'note', gender: 'gender' },
      },
    },
  ],
};

const { form } = mergeForms(bundle);

describe('splitPayloads', () => {
  const data = {
    name: '王小明',
    gender: '2',
    married: false,
    note: '',
    kids: [{ name: '王一', gender: '1' }, { name: '王二' }],
  };

  it('renames fields and translates values for each department, dropping empty ones', () => {
    expect(splitPayloads(bundle, form, data)).toEqual({
      reg: { xm: '王小明', xb: 'F', hy: 'N', zn: [{ xm: '王一', xb: 'M' }, { xm: '王二' }] },
      card: { name: '王小明', gender: '2' },
    });
  });

  it('builds only the listed items and leaves hidden fields out', () => {
    const payloads = splitPayloads(bundle, form, data, {
      items: ['card'],
      isVisible: (key) => key !== 'gender',
    });
    expect(payloads).toEqual({ card: { name: '王小明' } });
  });
});

describe('joinPayload', () => {
  it('is the inverse of the split for one item', () => {
    const data = { name: '李四', gender: '1', married: true, kids: [{ name: '李一', gender: '2' }] };
    const { reg } = splitPayloads(bundle, form, data);
    expect(joinPayload(bundle, 'reg', reg!)).toEqual(data);
  });

  it('drops unmapped properties and returns nothing for an unknown item', () => {
    expect(joinPayload(bundle, 'card', { name: '张三', extra: 1 })).toEqual({ name: '张三' });
    expect(joinPayload(bundle, 'nope', { name: '张三' })).toEqual({});
  });
});
