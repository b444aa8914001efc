import { describe, expect, it } from 'vitest';
import { createAjv } from './createAjv.js';
import { keywordText } from './keywordText.js';

const errorsOf = (schema: object, data: unknown) => {
  const validate = createAjv().compile(schema);
  validate(data);
  return validate.errors ?? [];
};

describe('keywordText', () => {
  it.each([
    [{ type: 'string', maxLength: 3 }, 'abcd', '最多 3 个字符'],
    [{ type: 'string', minLength: 2 }, 'a', '至少 2 个字符'],
    [{ type: 'integer', maximum: 10 }, 11, '不能大于 10'],
    [{ type: 'integer', minimum: 1 }, 0, '不能小于 1'],
    [{ type: 'number', exclusiveMaximum: 5 }, 5, '应小于 5'],
    [{ type: 'number', multipleOf: 0.5 }, 0.3, '应为 0.5 的整数倍'],
    [{ type: 'string', pattern: '^[0-9]+$' }, 'x', '格式不符合要求'],
    [{ type: 'array', maxItems: 1 }, [1, 2], '最多 1 项'],
    [{ type: 'array', uniqueItems: true }, [1, 2, 1], '第 1 项与第 3 项重复'],
    [{ not: { const: 1 } }, 1, '不应符合所列条件'],
  ])('%j on %j: %s, with ajv’s English message', (schema, data, zh) => {
    const [error] = errorsOf(schema, data);
    expect(keywordText(error!)).toEqual({ 'zh-CN': zh, en: error!.message });
  });

  it('names a keyword it has no wording for', () => {
    const text = keywordText({ keyword: 'dependentSchemas', params: {}, instancePath: '', schemaPath: '#' });
    expect(text).toEqual({ 'zh-CN': '不符合“dependentSchemas”的要求', en: 'dependentSchemas' });
  });
});
