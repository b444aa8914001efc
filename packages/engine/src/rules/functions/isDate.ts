import { isIsoDate } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isDate(string): bool`: Whether the string is a real calendar date written YYYY-MM-DD. */
export const isDateFunction: CelFunctionDescriptor = {
  signature: 'isDate(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isIsoDate(value),
};

/** What `isDate` does, for editors and docs (not needed to run rules). */
export const isDateDescription: CelFunctionDescription = {
  'zh-CN': '是否为有效的 YYYY-MM-DD 日期。',
  en: 'Whether the string is a real calendar date written YYYY-MM-DD.',
};
