import type { PersonalDataKind } from '../bundle/types.js';
import { idCardCheckChar } from '../domain/isIdCard.js';

/**
 * Common characters of names and place names, all inside U+4E00–U+9FA5, so a pseudonym still
 * matches patterns like `^[\u4e00-\u9fa5·]{1,50}$`.
 */
export const COMMON_HANZI = [
  ...'安白柏邦宝北贝本碧彬斌冰波博才彩灿昌长超晨成承诚澄春纯聪翠丹德东冬栋芳飞菲丰峰凤福富刚高歌光广桂国海涵寒浩和荷红宏鸿华桦欢辉慧佳家嘉建剑江金锦晶景静君俊凯康可兰蓝岚乐雷蕾磊丽利莲良亮林琳玲凌龙露路伦梅美萌梦敏明鸣娜楠宁鹏萍琪启千倩强琴青清庆秋群然仁荣蓉瑞若森山珊善尚绍晟诗石书淑舒顺思松素涛腾天婷彤伟文武曦霞祥翔欣新馨星兴雄秀旭轩雪雅岩妍阳瑶叶一怡义艺益逸毅英莹颖永勇友宇雨玉元远月云韵泽哲珍振正之志智中忠舟竹卓子宗',
];

/** `draw(n)`: a keyed pseudo-random integer in `[0, n)`. */
export type Draw = (n: number) => number;

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const CHECK_CHARS = '0123456789X';
const ADDRESS_PREFIX = '某地址';
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;

const pick = (alphabet: string | readonly string[], draw: Draw) => alphabet[draw(alphabet.length)]!;

/**
 * Replace each character by a drawn one of its class (Han → common Han, Latin letters keep their
 * case, digits stay digits, a leading non-zero digit stays non-zero), keeping separators such as
 * `·`, `-` or spaces. Length in code points is kept, so `minLength`/`maxLength` still hold.
 */
export function genericToken(value: string, draw: Draw): string {
  let out = '';
  let first = true;
  for (const char of value) {
    if (/[0-9]/.test(char)) out += first && char !== '0' ? pick('123456789', draw) : pick(DIGITS, draw);
    else if (HAN.test(char)) out += pick(COMMON_HANZI, draw);
    else if (/\p{Lu}/u.test(char)) out += pick(UPPER, draw);
    else if (/\p{L}/u.test(char)) out += pick(LOWER, draw);
    else if (/\p{N}/u.test(char)) out += pick(DIGITS, draw);
    else out += char;
    first = false;
  }
  return out;
}

const digits = (count: number, draw: Draw) =>
  Array.from({ length: count }, () => pick(DIGITS, draw)).join('');

/**
 * A 公民身份号码 keeps its province (digits 1–2), birth date and the parity of the sequence digit
 * (gender); the other digits are drawn. The check character is recomputed (GB 11643), or, when the
 * original's was wrong, replaced by another wrong one: a replayed trace meets the same validation.
 */
function idNumberToken(value: string, draw: Draw): string {
  if (/^\d{15}$/.test(value)) {
    const parity = (2 * draw(5) + (Number(value[14]) % 2)).toString();
    return value.slice(0, 2) + digits(4, draw) + value.slice(6, 12) + digits(2, draw) + parity;
  }
  if (!/^\d{17}[\dXx]$/.test(value)) return genericToken(value, draw);
  const parity = (2 * draw(5) + (Number(value[16]) % 2)).toString();
  const first17 = value.slice(0, 2) + digits(4, draw) + value.slice(6, 14) + digits(2, draw) + parity;
  const wasValid = idCardCheckChar(value.slice(0, 17)) === value[17]!.toUpperCase();
  const valid = idCardCheckChar(first17);
  let check = valid;
  if (!wasValid) {
    const wrong = CHECK_CHARS.replace(valid, '');
    check = pick(wrong, draw);
  }
  return first17 + (value[17] === 'x' ? check.toLowerCase() : check);
}

/** A mainland mobile keeps its first three digits (carrier prefix), so `1[3-9]\d{9}` still holds. */
function phoneToken(value: string, draw: Draw): string {
  if (/^1\d{10}$/.test(value)) return value.slice(0, 3) + digits(8, draw);
  return genericToken(value, draw);
}

/** `某地址` and drawn Han characters, the same length as the original (so any `minLength` holds). */
function addressToken(value: string, draw: Draw): string {
  const length = [...value].length;
  if (length <= ADDRESS_PREFIX.length + 1) return genericToken(value, draw);
  let out = ADDRESS_PREFIX;
  for (let i = ADDRESS_PREFIX.length; i < length; i++) out += pick(COMMON_HANZI, draw);
  return out;
}

/**
 * A format-preserving pseudonym of one personal value, drawn from `draw`. Deterministic for a given
 * draw sequence; uniqueness across values is the caller's (`tokenisePersonalData` re-draws on a clash).
 *
 * @example personalToken('13859201234', 'phone', draw) // '138' + 8 drawn digits
 */
export function personalToken(value: string, kind: PersonalDataKind, draw: Draw): string {
  switch (kind) {
    case 'idNumber':
      return idNumberToken(value, draw);
    case 'phone':
      return phoneToken(value, draw);
    case 'address':
      return addressToken(value, draw);
    default:
      // Names, accounts and other data: same length, same character classes.
      return genericToken(value, draw);
  }
}
