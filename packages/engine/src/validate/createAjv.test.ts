import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../domain/isIdCard.js';
import { addAnnotationKeywords, createAjv } from './createAjv.js';

const body = '11010519491231002';
const validId = body + idCardCheckChar(body);

describe('createAjv', () => {
  it('knows ajv-formats and the cn-* formats', () => {
    const ajv = createAjv();
    const validate = ajv.compile({
      type: 'object',
      properties: {
        id: { type: 'string', format: 'cn-id-card' },
        mobile: { type: 'string', format: 'cn-mobile' },
        born: { type: 'string', format: 'date' },
        email: { type: 'string', format: 'email' },
      },
    });
    expect(validate({ id: validId, mobile: '13800138000', born: '2024-02-29', email: 'a@b.cn' })).toBe(true);
    expect(validate({ id: body + 'Z', mobile: '12800138000', born: '2023-02-29', email: 'nope' })).toBe(
      false,
    );
    // allErrors: every failing field is reported, not just the first.
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual(['/born', '/email', '/id', '/mobile']);
  });

  it('accepts the built-in annotation keywords and registered x-* keywords', () => {
    const ajv = createAjv();
    const schema = {
      type: 'object',
      'x-onething': { field: 'a' },
      properties: {
        a: { type: 'string', errorMessage: '只能填写文字', 'x-dept-code': 'A01', items: { 'x-deep': 1 } },
      },
    };
    expect(() => ajv.compile(schema)).toThrow(/x-dept-code/);
    addAnnotationKeywords(ajv, schema);
    expect(ajv.compile(schema)({ a: 'x' })).toBe(true);
  });

  it('stays strict about misspelt keywords and unknown formats', () => {
    expect(() => createAjv().compile({ type: 'string', minLenght: 2 })).toThrow(/minLenght/);
    expect(() => createAjv().compile({ type: 'string', format: 'cn-passport' })).toThrow(/cn-passport/);
  });

  it('does not register x-* keys found inside data keywords', () => {
    const ajv = createAjv();
    addAnnotationKeywords(ajv, { enum: [{ 'x-value': 1 }], default: { 'x-default': 2 } });
    expect(ajv.RULES.keywords['x-value']).toBeUndefined();
    expect(ajv.RULES.keywords['x-default']).toBeUndefined();
  });

  it('passes code options through for standalone generation', () => {
    const ajv = createAjv({ code: { source: true } });
    const validate = ajv.compile({ type: 'string' });
    expect(validate.source?.validateCode).toContain('typeof data');
  });
});
