import { prefectureOf } from '../../domain/regionCode.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `regionPrefecture(string): string`: The prefecture code (xxxx00) of a region code; empty for a province or an invalid code. */
export const regionPrefectureFunction: CelFunctionDescriptor = {
  signature: 'regionPrefecture(string): string',
  handler: (value: unknown): string => (typeof value === 'string' && prefectureOf(value)) || '',
};

/** What `regionPrefecture` does, for editors and docs (not needed to run rules). */
export const regionPrefectureDescription: CelFunctionDescription = {
  'zh-CN': '行政区划代码所属地级代码（xxxx00）；省级代码或无效代码时为空字符串。',
  en: 'The prefecture code (xxxx00) of a region code; empty for a province or an invalid code.',
};
