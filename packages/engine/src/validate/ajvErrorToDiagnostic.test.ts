import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { idCardCheckChar } from '../domain/isIdCard.js';
import { ajvErrorToDiagnostic, ajvErrorsToDiagnostics } from './ajvErrorToDiagnostic.js';
import { createAjv } from './createAjv.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    motherIdNumber: { type: 'string', format: 'cn-id-card' },
    babyName: { type: 'string', minLength: 2 },
    babyGender: { enum: ['1', '2'] },
    birthWeightG: { type: 'integer' },
    postcode: {
      type: 'string',
      pattern: '^\\d{6}$',
      errorMessage: { 'zh-CN': '应为6位数字', en: 'must be 6 digits' },
    },
    born: { type: 'string', format: 'date' },
    employees: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

const labels: Record<string, LocalizedText> = {
  '/motherIdNumber': { 'zh-CN': '母亲身份证号', en: "Mother's ID number" },
  '/babyName': { 'zh-CN': '新生儿姓名', en: "Baby's name" },
  '/babyGender': { 'zh-CN': '性别', en: 'Sex' },
  '/birthWeightG': { 'zh-CN': '出生体重', en: 'Birth weight' },
  '/postcode': { 'zh-CN': '邮编' },
  '/born': { 'zh-CN': '出生日期', en: 'Birth date' },
};
const labelOf = (pointer: string): LocalizedText | undefined =>
  labels[pointer] ??
  (/^\/employees\/\d+\/name$/.test(pointer) ? { 'zh-CN': '员工姓名', en: 'Employee name' } : undefined);

function run(data: unknown) {
  const validate = createAjv().compile(schema);
  expect(validate(data)).toBe(false);
  return validate.errors ?? [];
}

const body = '11010519491231002';
const goodCheck = idCardCheckChar(body);
const badId = body + (goodCheck === '0' ? '1' : '0');

describe('ajvErrorToDiagnostic', () => {
  it('explains a wrong ID check digit in Chinese and English', () => {
    const [d] = ajvErrorsToDiagnostics(run({ motherIdNumber: badId }), {
      data: { motherIdNumber: badId },
      schema,
      labelOf,
      lang: 'zh-CN',
    });
    expect(d).toMatchObject({ code: 'DATA_FORMAT', path: '/motherIdNumber', severity: 'error' });
    expect(d!.message).toBe('“母亲身份证号”格式不正确：公民身份号码校验位不正确');
    expect(d!.messages.en).toBe(
      '"Mother\'s ID number" is not valid: the check digit of the resident ID number is wrong',
    );
    expect(d!.params).toMatchObject({ format: 'cn-id-card' });
  });

  it('gives the birth-date reason for an impossible date', () => {
    const id = '11010519491332002' + idCardCheckChar('11010519491332002');
    const [d] = ajvErrorsToDiagnostics(run({ motherIdNumber: id }), {
      data: { motherIdNumber: id },
      schema,
      labelOf,
      lang: 'zh-CN',
    });
    expect(d!.message).toContain('出生日期无效');
  });

  it('maps type, enum and keyword errors, with Chinese written for each keyword', () => {
    const data = { babyName: '王', babyGender: '3', birthWeightG: 3.5, born: '2024-13-01' };
    const byPath = Object.fromEntries(
      ajvErrorsToDiagnostics(run(data), {
        data,
        schema,
        labelOf,
        lang: 'zh-CN',
        optionsOf: (p) =>
          p === '/babyGender'
            ? [
                { value: '1', label: { 'zh-CN': '男', en: 'Male' } },
                { value: '2', label: { 'zh-CN': '女', en: 'Female' } },
              ]
            : undefined,
      }).map((d) => [d.path, d]),
    );
    expect(byPath['/babyGender']).toMatchObject({
      code: 'DATA_ENUM',
      message: '“性别”的取值不在允许范围内（可选：男、女）。',
      params: { allowed: ['1', '2'] },
    });
    expect(byPath['/babyGender']!.messages.en).toBe(
      '"Sex" must be one of the allowed values (allowed: Male, Female).',
    );
    expect(byPath['/birthWeightG']).toMatchObject({ code: 'DATA_TYPE', message: '“出生体重”应为整数。' });
    expect(byPath['/birthWeightG']!.messages.en).toBe('"Birth weight" must be a whole number.');
    expect(byPath['/babyName']).toMatchObject({
      code: 'DATA_INVALID',
      message: '“新生儿姓名”至少 2 个字符',
    });
    expect(byPath['/babyName']!.messages.en).toBe('"Baby\'s name" must NOT have fewer than 2 characters');
    expect(byPath['/born']).toMatchObject({ code: 'DATA_FORMAT' });
    expect(byPath['/born']!.message).toContain('应为日期');
  });

  it('points required and unknown-property errors at the property itself', () => {
    const data = { employees: [{ name: '张三' }, { nmae: '李四' }], extra: 1 };
    const diagnostics = ajvErrorsToDiagnostics(run(data), { data, schema, labelOf, lang: 'en' });
    expect(diagnostics.map((d) => [d.code, d.path]).sort()).toEqual([
      ['DATA_REQUIRED_FIELD', '/employees/1/name'],
      ['DATA_UNKNOWN_FIELD', '/employees/1/nmae'],
      ['DATA_UNKNOWN_FIELD', '/extra'],
    ]);
    const required = diagnostics.find((d) => d.code === 'DATA_REQUIRED_FIELD')!;
    expect(required.message).toBe('Please fill in "Employee name".');
    expect(required.messages['zh-CN']).toBe('请填写“员工姓名”。');
  });

  it('escapes property names in pointers and falls back to the key as label', () => {
    const odd: JsonSchema = { type: 'object', required: ['a/b'] };
    const validate = createAjv().compile(odd);
    validate({});
    const d = ajvErrorToDiagnostic(validate.errors![0]!, {
      data: {},
      schema: odd,
      labelOf: () => undefined,
      lang: 'zh-CN',
    });
    expect(d).toMatchObject({ path: '/a~1b', message: '请填写“a/b”。' });
  });

  it('uses a schema errorMessage over ajv text, falling back to zh-CN when en is missing', () => {
    const data = { postcode: '10008' };
    const [d] = ajvErrorsToDiagnostics(run(data), { data, schema, labelOf, lang: 'zh-CN' });
    expect(d).toMatchObject({ code: 'DATA_INVALID', path: '/postcode', message: '“邮编”应为6位数字' });
    expect(d!.messages.en).toBe('"邮编" must be 6 digits');
  });

  it('does not change the ajv error objects', () => {
    const data = { babyName: '王' };
    const errors = run(data);
    const before = errors.map((e) => e.message);
    ajvErrorsToDiagnostics(errors, { data, schema, labelOf, lang: 'zh-CN' });
    expect(errors.map((e) => e.message)).toEqual(before);
    expect(before[0]).toBe('must NOT have fewer than 2 characters');
  });

  it('drops the if wrapper and duplicates', () => {
    const conditional: JsonSchema = {
      type: 'object',
      if: { properties: { a: { const: 1 } }, required: ['a'] },
      then: { required: ['b'] },
    };
    const validate = createAjv().compile(conditional);
    validate({ a: 1 });
    const errors = validate.errors!;
    expect(errors.map((e) => e.keyword)).toEqual(['required', 'if']);
    const diagnostics = ajvErrorsToDiagnostics([...errors, ...errors], {
      data: { a: 1 },
      schema: conditional,
      labelOf: () => undefined,
      lang: 'zh-CN',
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['DATA_REQUIRED_FIELD', '/b']]);
  });
});
