import type { ErrorObject } from 'ajv/dist/2020.js';
import type { LocalizedText } from '../bundle/types.js';

type Params = Record<string, unknown>;

/** Chinese wording of ajv's keyword errors, from the error's params, in the words of a form. */
const ZH: Record<string, (p: Params) => string> = {
  maxLength: (p) => `最多 ${String(p.limit)} 个字符`,
  minLength: (p) => `至少 ${String(p.limit)} 个字符`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  exclusiveMaximum: (p) => `应小于 ${String(p.limit)}`,
  exclusiveMinimum: (p) => `应大于 ${String(p.limit)}`,
  multipleOf: (p) => `应为 ${String(p.multipleOf)} 的整数倍`,
  pattern: () => '格式不符合要求',
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  uniqueItems: (p) => {
    const [first, second] = [Number(p.i), Number(p.j)].sort((a, b) => a - b);
    return `第 ${first! + 1} 项与第 ${second! + 1} 项重复`;
  },
  contains: () => '缺少符合要求的项',
  format: (p) => `格式应为 ${String(p.format)}`,
  not: () => '不应符合所列条件',
  anyOf: () => '不符合任何一种允许的形式',
  oneOf: () => '应恰好符合一种允许的形式',
  false: () => '此处不允许填写',
};

/**
 * The reason of an ajv keyword error in both languages: ajv's own English message, and Chinese
 * written here for the keywords a form schema uses (others name the keyword). The browser runtime
 * carries only this, not a translation table of every ajv message.
 *
 * @example
 * keywordText({ keyword: 'maxLength', params: { limit: 20 }, message: 'must NOT have more than 20 characters', … })
 * // { 'zh-CN': '最多 20 个字符', en: 'must NOT have more than 20 characters' }
 */
export function keywordText(error: ErrorObject): LocalizedText {
  const en = error.message ?? error.keyword;
  const zh = Object.hasOwn(ZH, error.keyword)
    ? ZH[error.keyword]!(error.params as Params)
    : `不符合“${error.keyword}”的要求`;
  return { 'zh-CN': zh, en };
}
