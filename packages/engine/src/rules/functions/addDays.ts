import { addDays } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `addDays(string, int): string`: The date n days later (earlier when negative), YYYY-MM-DD; empty when the input is invalid. */
export const addDaysFunction: CelFunctionDescriptor = {
  signature: 'addDays(string, int): string',
  handler: (date: unknown, n: unknown): string =>
    typeof date === 'string' && typeof n === 'bigint' ? addDays(date, Number(n)) : '',
};

/** What `addDays` does, for editors and docs (not needed to run rules). */
export const addDaysDescription: CelFunctionDescription = {
  'zh-CN': '日期加减天数后的日期（YYYY-MM-DD）；输入无效时为空字符串。',
  en: 'The date n days later (earlier when negative), YYYY-MM-DD; empty when the input is invalid.',
};
