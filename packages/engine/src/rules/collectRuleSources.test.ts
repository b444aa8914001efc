import { describe, it, expect } from 'vitest';
import type { Bundle } from '../bundle/types.js';
import { collectRuleSources } from './collectRuleSources.js';

const label = { 'zh-CN': 'x' };

describe('collectRuleSources', () => {
  it('finds expressions with JSON Pointers and expected result types', () => {
    const bundle = {
      fields: {
        'a/b': { type: 'integer', label, computed: '1', visibleIf: 42 },
        list: { type: 'array', label, items: { type: 'string', label }, requiredIf: 'true' },
      },
      items: [{ id: 'i', applicableIf: 'true' }, null],
      materials: { m: { requiredIf: 'false' }, n: {} },
      layout: { sections: [{ id: 's', visibleIf: 'true' }] },
      rules: [{ id: 'r', expr: 'true', when: 'false' }, { id: 'bad' }],
    } as unknown as Bundle;
    expect(collectRuleSources(bundle)).toEqual([
      {
        id: 'computed:a/b',
        kind: 'computed',
        target: 'a/b',
        expr: '1',
        path: '/fields/a~1b/computed',
        resultType: 'int',
      },
      {
        id: 'required:list',
        kind: 'required',
        target: 'list',
        expr: 'true',
        path: '/fields/list/requiredIf',
        resultType: 'bool',
      },
      {
        id: 'applicable:i',
        kind: 'applicable',
        target: 'i',
        expr: 'true',
        path: '/items/0/applicableIf',
        resultType: 'bool',
      },
      {
        id: 'materialRequired:m',
        kind: 'materialRequired',
        target: 'm',
        expr: 'false',
        path: '/materials/m/requiredIf',
        resultType: 'bool',
      },
      {
        id: 'sectionVisible:s',
        kind: 'sectionVisible',
        target: 's',
        expr: 'true',
        path: '/layout/sections/0/visibleIf',
        resultType: 'bool',
      },
      {
        id: 'validate:r',
        kind: 'validate',
        target: 'r',
        expr: 'true',
        path: '/rules/0/expr',
        resultType: 'bool',
        when: { expr: 'false', path: '/rules/0/when' },
      },
    ]);
  });
});
