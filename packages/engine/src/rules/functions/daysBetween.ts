import { daysBetween } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `daysBetween(string, string): int`: Days from the first date to the second (negative when earlier); 0 when a date is invalid. */
export const daysBetweenFunction: CelFunctionDescriptor = {
  signature: 'daysBetween(string, string): int',
  handler: (a: unknown, b: unknown): bigint => {
    const days = typeof a === 'string' && typeof b === 'string' ? daysBetween(a, b) : NaN;
    return Number.isFinite(days) ? BigInt(days) : 0n;
  },
};

/** What `daysBetween` does, for editors and docs (not needed to run rules). */
export const daysBetweenDescription: CelFunctionDescription = {
  'zh-CN': '从第一个日期到第二个日期的天数（可为负）；日期无效时为 0。',
  en: 'Days from the first date to the second (negative when earlier); 0 when a date is invalid.',
};
