import { idCardProblem, type IdCardProblem } from './idCardProblem.js';

type Texts = { 'zh-CN': string; en: string };

const ID_CARD_TEXTS: Record<IdCardProblem, Texts> = {
  length: { 'zh-CN': '公民身份号码应为18位', en: 'a resident ID number has 18 characters' },
  characters: {
    'zh-CN': '公民身份号码只能由数字和末位的X组成',
    en: 'a resident ID number has 17 digits followed by a digit or X',
  },
  region: {
    'zh-CN': '公民身份号码的地址码（省份）无效',
    en: 'the resident ID number starts with an unknown province code',
  },
  date: {
    'zh-CN': '公民身份号码中的出生日期无效',
    en: 'the birth date in the resident ID number is invalid',
  },
  checkDigit: {
    'zh-CN': '公民身份号码校验位不正确',
    en: 'the check digit of the resident ID number is wrong',
  },
};

/** Fixed texts per format; written out rather than built with Intl so Node and browsers agree. */
const FORMAT_TEXTS: Record<string, Texts> = {
  'cn-id-card': { 'zh-CN': '不是有效的公民身份号码', en: 'not a valid resident ID number' },
  'cn-uscc': {
    'zh-CN': '统一社会信用代码应为18位且校验位正确',
    en: 'a unified social credit code has 18 characters and a valid check character',
  },
  'cn-mobile': { 'zh-CN': '应为11位手机号码', en: 'must be an 11-digit mobile number' },
  'cn-region-code': { 'zh-CN': '应为6位行政区划代码', en: 'must be a 6-digit administrative division code' },
  date: { 'zh-CN': '应为日期，如 2024-01-31', en: 'must be a date such as 2024-01-31' },
  'date-time': {
    'zh-CN': '应为日期时间，如 2024-01-31T08:30:00+08:00',
    en: 'must be a date and time such as 2024-01-31T08:30:00+08:00',
  },
  time: { 'zh-CN': '应为时间，如 08:30:00+08:00', en: 'must be a time such as 08:30:00+08:00' },
  email: { 'zh-CN': '应为电子邮箱地址', en: 'must be an email address' },
  uri: { 'zh-CN': '应为网址（URI）', en: 'must be a URI' },
};

/**
 * A friendly zh-CN/en explanation of a failed `format`, or `undefined` for formats without one.
 * For `cn-id-card` the text names the failing part (length, address code, date, check digit).
 */
export function describeFormatError(format: string, value: unknown): Texts | undefined {
  if (format === 'cn-id-card' && typeof value === 'string') {
    const problem = idCardProblem(value);
    if (problem) return ID_CARD_TEXTS[problem];
  }
  return FORMAT_TEXTS[format];
}
