import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../bundle/types.js';
import { oneFieldBundle } from '../../test/fixtures/oneFieldBundle.js';
import { mergeForms } from './mergeForms.js';

const zh = (text: string) => ({ 'zh-CN': text });

const reason: FieldDefinition = { type: 'string', label: zh('登记原因') };

describe('mergeValueMapped without a dictionary enum', () => {
  it('lets untranslated department values pass through but not the images of mapped keys', () => {
    const { form } = mergeForms(
      oneFieldBundle('reason', reason, {
        schema: { properties: { djyy: { type: 'string', enum: ['买卖', '继承'] } } },
        map: { djyy: { field: 'reason', values: { SALE: '买卖' } } },
      }),
    );
    // '买卖' is what SALE becomes; as a canonical value it would read back as SALE, so only the
    // key and the value the map leaves alone are canonical values.
    expect(form.fields.reason!.schema.enum).toEqual(['SALE', '继承']);
  });

  it('narrows to the mapped key alone when the department accepts only its image', () => {
    const { form } = mergeForms(
      oneFieldBundle('reason', reason, {
        schema: { properties: { djlx: { type: 'string', const: '200' } } },
        map: { djlx: { field: 'reason', values: { TRANSFER: '200' } } },
      }),
    );
    expect(form.fields.reason!.schema.enum).toEqual(['TRANSFER']);
  });
});
