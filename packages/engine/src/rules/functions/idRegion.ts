import { parseIdCard } from '../../domain/parseIdCard.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `idRegion(string): string`: The region code (first 6 digits) of an identity number; empty when the number is invalid. */
export const idRegionFunction: CelFunctionDescriptor = {
  signature: 'idRegion(string): string',
  handler: (value: unknown): string => (typeof value === 'string' && parseIdCard(value)?.regionCode) || '',
};

/** What `idRegion` does, for editors and docs (not needed to run rules). */
export const idRegionDescription: CelFunctionDescription = {
  'zh-CN': '身份证号码前 6 位的行政区划代码；号码无效时为空字符串。',
  en: 'The region code (first 6 digits) of an identity number; empty when the number is invalid.',
};
