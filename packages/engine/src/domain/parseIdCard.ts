import { idCardBirthDate, isIdCard } from './isIdCard.js';

/** What a 公民身份号码 says about its holder. */
export interface IdCardInfo {
  /** The six-digit GB/T 2260 code of the issuing place (may be a retired code). */
  regionCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** GB/T 2261.1: `'1'` 男 (odd sequence digit), `'2'` 女 (even). */
  gender: '1' | '2';
  /** A 15-digit number (GB 11643-1989). */
  legacy: boolean;
}

/**
 * Region, birth date and gender of a valid identity number (18 digits, or legacy 15), or
 * undefined when the number is invalid.
 *
 * @example parseIdCard('11010519491231002X') // { regionCode: '110105', birthDate: '1949-12-31', gender: '2', legacy: false }
 */
export function parseIdCard(value: string): IdCardInfo | undefined {
  if (!isIdCard(value, { allowLegacy15: true })) return undefined;
  const legacy = value.length === 15;
  const sequenceDigit = Number(value[legacy ? 14 : 16]);
  return {
    regionCode: value.slice(0, 6),
    birthDate: idCardBirthDate(value)!,
    gender: sequenceDigit % 2 === 1 ? '1' : '2',
    legacy,
  };
}
