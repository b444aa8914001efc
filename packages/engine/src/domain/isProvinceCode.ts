/**
 * Two-digit province-level prefixes of GB/T 2260 (省级行政区划), including 台湾 (71)
 * and the two SARs (81, 82) that appear in identity numbers issued to their residents.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * Whether two characters are a real province prefix. Prefecture and county digits are
 * not checked anywhere: retired codes stay valid in old identity numbers.
 *
 * @example isProvinceCode('35') // true (福建)
 */
export function isProvinceCode(prefix: string): boolean {
  return PROVINCES.has(prefix);
}
