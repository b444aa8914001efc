import { parseIsoDate } from './dates.js';
import { isProvinceCode } from './isProvinceCode.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID18 = /^\d{17}[\dXx]$/;
const ID15 = /^\d{15}$/;

export interface IdCardOptions {
  /** Also accept 15-digit numbers issued under GB 11643-1989 (no check digit). */
  allowLegacy15?: boolean;
  /** `YYYY-MM-DD`; birth dates after it are rejected. Without it only the calendar is checked. */
  today?: string;
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** `YYYY-MM-DD` of the embedded birth date when it is real, ≥ 1900 and not after `today`. */
export function idCardBirthDate(value: string, today?: string): string | undefined {
  const digits = value.length === 18 ? value.slice(6, 14) : `19${value.slice(6, 12)}`;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const parsed = parseIsoDate(date);
  if (!parsed || parsed[0] < 1900) return undefined;
  if (today !== undefined && date > today) return undefined;
  return date;
}

/**
 * Whether a string is a valid 公民身份号码 (GB 11643-1999): 18 characters, a real province
 * prefix, a real birth date from 1900 on, and a correct check character (`x` accepted for `X`).
 *
 * @example isIdCard('11010519491231002X') // true
 */
export function isIdCard(value: string, options: IdCardOptions = {}): boolean {
  if (typeof value !== 'string') return false;
  const legacy = options.allowLegacy15 === true && ID15.test(value);
  if (!legacy && !ID18.test(value)) return false;
  if (!isProvinceCode(value.slice(0, 2))) return false;
  if (idCardBirthDate(value, options.today) === undefined) return false;
  return legacy || idCardCheckChar(value) === value[17]!.toUpperCase();
}
