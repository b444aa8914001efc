import { ageOn } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `ageOn(string, string): int`: Age in full years from a birth date to a date; 0 when a date is invalid. */
export const ageOnFunction: CelFunctionDescriptor = {
  signature: 'ageOn(string, string): int',
  handler: (birth: unknown, on: unknown): bigint => {
    const age = typeof birth === 'string' && typeof on === 'string' ? ageOn(birth, on) : NaN;
    return Number.isFinite(age) ? BigInt(age) : 0n;
  },
};

/** What `ageOn` does, for editors and docs (not needed to run rules). */
export const ageOnDescription: CelFunctionDescription = {
  'zh-CN': '出生日期到指定日期的周岁；日期无效时为 0。',
  en: 'Age in full years from a birth date to a date; 0 when a date is invalid.',
};
