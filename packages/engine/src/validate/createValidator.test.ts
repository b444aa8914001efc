import { describe, expect, it, vi } from 'vitest';
import type { JsonSchema } from '../compile/types.js';
import { addAnnotationKeywords, createAjv } from './createAjv.js';
import { createValidator, type StandaloneValidate } from './createValidator.js';

const schema: JsonSchema = {
  type: 'object',
  'x-onething': { bundle: 'newborn' },
  properties: {
    motherMobile: { type: 'string', format: 'cn-mobile', 'x-dept-field': 'MQSJ' },
    gestationWeeks: { type: 'integer', minimum: 20, maximum: 45 },
  },
};
const labelOf = (pointer: string) =>
  pointer === '/motherMobile' ? { 'zh-CN': '母亲手机号', en: "Mother's mobile" } : undefined;

describe('createValidator', () => {
  it('returns no diagnostics for valid data', () => {
    const validate = createValidator(schema, { labelOf });
    expect(validate({ motherMobile: '13800138000', gestationWeeks: 39 })).toEqual([]);
  });

  it('reports every problem, in the language asked for', () => {
    const validate = createValidator(schema, { labelOf });
    const data = { motherMobile: '1380013800', gestationWeeks: 50 };
    const zh = validate(data);
    expect(zh.map((d) => [d.code, d.path])).toEqual([
      ['DATA_FORMAT', '/motherMobile'],
      ['DATA_INVALID', '/gestationWeeks'],
    ]);
    expect(zh[0]!.message).toBe('“母亲手机号”格式不正确：应为11位手机号码');
    const en = validate(data, 'en');
    expect(en[0]!.message).toBe('"Mother\'s mobile" is not valid: must be an 11-digit mobile number');
    expect(en[1]!.message).toBe('"gestationWeeks" must be <= 45');
  });

  it('uses a precompiled function and never compiles the schema', () => {
    // A schema ajv would refuse (misspelt keyword) proves nothing is compiled.
    const broken: JsonSchema = { type: 'object', propertiez: {} };
    const ajv = createAjv();
    addAnnotationKeywords(ajv, schema);
    const inner = ajv.compile(schema);
    const precompiled: StandaloneValidate = vi.fn((data: unknown) => {
      const ok = inner(data);
      precompiled.errors = inner.errors;
      return ok;
    });
    const validate = createValidator(broken, { labelOf, precompiled });
    expect(validate({ motherMobile: '13800138000' })).toEqual([]);
    expect(validate({ motherMobile: 'x' }).map((d) => d.path)).toEqual(['/motherMobile']);
    expect(precompiled).toHaveBeenCalledTimes(2);
    expect(() => createValidator(broken, { labelOf })).toThrow(/propertiez/);
  });
});
