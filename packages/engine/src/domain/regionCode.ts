import { isProvinceCode } from './isProvinceCode.js';

/** Administrative level of a GB/T 2260 code. */
export type RegionLevel = 'province' | 'prefecture' | 'county';

const SIX_DIGITS = /^\d{6}$/;

/**
 * Whether a string is shaped like a GB/T 2260 行政区划代码: six digits with a real province
 * prefix. Prefecture and county digits are not looked up: codes are retired yearly and old
 * records keep them.
 *
 * @example isRegionCode('110108') // true (海淀区)
 */
export function isRegionCode(value: string): boolean {
  return typeof value === 'string' && SIX_DIGITS.test(value) && isProvinceCode(value.slice(0, 2));
}

/**
 * Level of a region code by its trailing zeros (`xx0000` province, `xxxx00` prefecture),
 * or undefined when the code is invalid.
 *
 * @example regionLevel('350100') // 'prefecture'
 */
export function regionLevel(code: string): RegionLevel | undefined {
  if (!isRegionCode(code)) return undefined;
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'prefecture' : 'county';
}

/**
 * The province code (`xx0000`) a region belongs to, or undefined when the code is invalid.
 *
 * @example provinceOf('110108') // '110000'
 */
export function provinceOf(code: string): string | undefined {
  return isRegionCode(code) ? `${code.slice(0, 2)}0000` : undefined;
}

/**
 * The prefecture code (`xxxx00`) a region belongs to, or undefined for an invalid code or a
 * province (which has no prefecture).
 *
 * @example prefectureOf('350102') // '350100'
 */
export function prefectureOf(code: string): string | undefined {
  const level = regionLevel(code);
  return level === undefined || level === 'province' ? undefined : `${code.slice(0, 4)}00`;
}
