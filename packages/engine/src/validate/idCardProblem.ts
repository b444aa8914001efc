import { idCardBirthDate, idCardCheckChar } from '../domain/isIdCard.js';
import { isProvinceCode } from '../domain/isProvinceCode.js';

/** Why a 公民身份号码 fails GB 11643, the most basic reason first. */
export type IdCardProblem = 'length' | 'characters' | 'region' | 'date' | 'checkDigit';

/**
 * Explain why an 18-character ID number is invalid, or `undefined` when nothing is wrong.
 * Uses the same parts as `isIdCard`, checked in the order an applicant would fix them.
 *
 * @example
 * idCardProblem('11010519491231002X'); // undefined
 * idCardProblem('110105194912310021'); // 'checkDigit'
 */
export function idCardProblem(value: string): IdCardProblem | undefined {
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dXx]$/.test(value)) return 'characters';
  if (!isProvinceCode(value.slice(0, 2))) return 'region';
  if (idCardBirthDate(value) === undefined) return 'date';
  if (idCardCheckChar(value) !== value[17]!.toUpperCase()) return 'checkDigit';
  return undefined;
}
