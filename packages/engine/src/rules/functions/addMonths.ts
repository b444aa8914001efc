import { addMonths } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `addMonths(string, int): string`: The date n months later, clamped to the month end (Jan 31 + 1 → end of Feb); empty when the input is invalid. */
export const addMonthsFunction: CelFunctionDescriptor = {
  signature: 'addMonths(string, int): string',
  handler: (date: unknown, n: unknown): string =>
    typeof date === 'string' && typeof n === 'bigint' ? addMonths(date, Number(n)) : '',
};

/** What `addMonths` does, for editors and docs (not needed to run rules). */
export const addMonthsDescription: CelFunctionDescription = {
  'zh-CN': '日期加减月数后的日期，月末对齐（1 月 31 日加 1 个月为 2 月末）；输入无效时为空字符串。',
  en: 'The date n months later, clamped to the month end (Jan 31 + 1 → end of Feb); empty when the input is invalid.',
};
