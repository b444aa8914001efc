import { describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/loadBundle.js';
import { summarizeBundle } from './summarizeBundle.js';

const source = `
id: t
version: 1.0.0
title: { zh-CN: 测试 }
leadDepartment: d
promisedDays: 1
departments: { d: { name: { zh-CN: 部门 } } }
fields:
  price: { type: number, label: { zh-CN: 总价（万元） } }
  priceYuan: { type: number, label: { zh-CN: 总价（元） }, computed: price * 10000.0 }
  holder: { type: string, label: { zh-CN: 户主 }, computed: '"张三"', editable: true }
  certNo: { type: string, label: { zh-CN: 证书号 }, readOnly: true }
items:
  - id: a
    name: { zh-CN: a }
    department: d
    itemType: confirmation
    promisedLimitDays: 1
    outputs: [certNo]
    form:
      schema: { properties: { zj: { type: number }, zjy: { type: number }, hz: { type: string }, zsh: { type: string } } }
      map: { zj: price, zjy: priceYuan, hz: holder, zsh: certNo }
layout:
  sections: [{ id: s, title: { zh-CN: 分组 }, fields: [price, holder] }]
`;

describe('summarizeBundle', () => {
  it('counts neither outputs nor non-editable computed fields as entered by the applicant', () => {
    const loaded = loadBundle(source, { fileName: 'bundle.yaml' });
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(summarizeBundle(loaded, 'en')).toContain('One form of 4 fields (2 entered by the applicant)');
  });
});
