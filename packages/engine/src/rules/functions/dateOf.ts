import { isIsoDate } from '../../domain/dates.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The `YYYY-MM-DD` part of an ISO date or date-time, as written (no time-zone shift). */
function dateOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = DATE_TIME.exec(value)?.[1];
  return date !== undefined && isIsoDate(date) ? date : '';
}

/** CEL `dateOf(string): string`: the date part of a date or date-time field, so date functions apply to both. */
export const dateOfFunction: CelFunctionDescriptor = {
  signature: 'dateOf(string): string',
  handler: dateOf,
};

/** What `dateOf` does, for editors and docs (not needed to run rules). */
export const dateOfDescription: CelFunctionDescription = {
  'zh-CN': '日期或日期时间字符串中的日期部分（YYYY-MM-DD，按原文，不换算时区）；无效时为空字符串。',
  en: 'The YYYY-MM-DD part of a date or date-time string, as written (no time-zone shift); empty when invalid.',
};
