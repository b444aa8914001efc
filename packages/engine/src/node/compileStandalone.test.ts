import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../compile/types.js';
import { idCardCheckChar } from '../domain/isIdCard.js';
import { usccCheckChar } from '../domain/isUscc.js';
import { addAnnotationKeywords, createAjv } from '../validate/createAjv.js';
import { createValidator, type StandaloneValidate } from '../validate/createValidator.js';
import { compileStandalone } from './compileStandalone.js';

const here = dirname(fileURLToPath(import.meta.url));
// Inside the package so that `ajv/dist/runtime/*` imports resolve from its node_modules.
const tmpDir = resolve(here, '../../.tmp-standalone');
const formatsModule = pathToFileURL(resolve(here, '../validate/standaloneFormats.ts')).href;

const person: JsonSchema = {
  type: 'object',
  'x-onething': { kind: 'person' },
  properties: {
    name: { type: 'string', title: '姓名', minLength: 2, maxLength: 4 },
    idNumber: { type: 'string', format: 'cn-id-card', 'x-dept-field': 'SFZH' },
    born: { type: 'string', format: 'date' },
    mobile: { type: 'string', format: 'cn-mobile' },
    tags: { type: 'array', uniqueItems: true, items: { enum: [{ a: 1 }, { a: 2 }] } },
  },
  required: ['name'],
  additionalProperties: false,
};
const company: JsonSchema = { type: 'object', properties: { uscc: { type: 'string', format: 'cn-uscc' } } };

const body = '11010519491231002';
const validId = body + idCardCheckChar(body);
const samples: unknown[] = [
  { name: '王小明', idNumber: validId, born: '2024-02-29', mobile: '13800138000', tags: [{ a: 1 }] },
  { name: '王', idNumber: body + (idCardCheckChar(body) === '0' ? '1' : '0'), born: '2023-02-29' },
  { name: '𠮷野家', mobile: '1380013800' }, // 3 code points, 4 UTF-16 units: needs ucs2length
  { name: '𠮷𠮷𠮷𠮷𠮷' },
  { idNumber: 12, tags: [{ a: 1 }, { a: 1 }], extra: true },
  { name: '张三', tags: [{ a: 3 }] },
  'not an object',
];

let source: string;
let generated: Record<string, StandaloneValidate>;

beforeAll(async () => {
  source = compileStandalone({ person, company }, { formatsModule });
  mkdirSync(tmpDir, { recursive: true });
  const file = join(tmpDir, `validators-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, source);
  generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<
    string,
    StandaloneValidate
  >;
});

afterAll(() => {
  rmSync(tmpDir, { recursive: true, force: true });
});

function runtime(schema: JsonSchema) {
  const ajv = createAjv();
  addAnnotationKeywords(ajv, schema);
  return ajv.compile(schema);
}

describe('compileStandalone', () => {
  it('exports one validator per name and generates no code at run time', () => {
    expect(typeof generated.person).toBe('function');
    expect(typeof generated.company).toBe('function');
    expect(source).not.toMatch(/new Function|eval\(/);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('imports the formats instead of inlining them', () => {
    expect(source).toContain(`from ${JSON.stringify(formatsModule)}`);
    expect(source).toContain('__onethingFormats["cn-id-card"]');
    expect(source).not.toContain('isProvinceCode');
    expect(compileStandalone({ company })).toContain('from "@onething/engine/formats"');
  });

  it('accepts and rejects exactly what the runtime validator does', () => {
    const check = runtime(person);
    for (const data of samples) {
      const expected = check(data);
      expect(generated.person!(data), JSON.stringify(data)).toBe(expected);
      expect(generated.person!.errors ?? null).toEqual(check.errors ?? null);
    }
    const usccBody = '91350100M000100Y4';
    expect(generated.company!({ uscc: 'abc' })).toBe(false);
    expect(generated.company!({ uscc: usccBody })).toBe(false);
    expect(generated.company!({ uscc: usccBody + usccCheckChar(usccBody) })).toBe(true);
  });

  it('gives the same diagnostics as the runtime validator', () => {
    const labelOf = (pointer: string) =>
      pointer === '/idNumber' ? { 'zh-CN': '身份证号', en: 'ID number' } : undefined;
    const viaRuntime = createValidator(person, { labelOf });
    const viaStandalone = createValidator(person, { labelOf, precompiled: generated.person! });
    for (const data of samples) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(viaStandalone(data, lang)).toEqual(viaRuntime(data, lang));
      }
    }
    expect(viaStandalone(samples[1]).some((d) => d.message.includes('校验位不正确'))).toBe(true);
  });

  it('rejects names that are not identifiers', () => {
    expect(() => compileStandalone({ 'item_med-ins': company })).toThrow(/"item_medIns"/);
  });
});
