import { isRegionCode } from '../../domain/regionCode.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isRegionCode(string): bool`: Whether the string is a 6-digit region code (GB/T 2260) with a real province prefix. */
export const isRegionCodeFunction: CelFunctionDescriptor = {
  signature: 'isRegionCode(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isRegionCode(value),
};

/** What `isRegionCode` does, for editors and docs (not needed to run rules). */
export const isRegionCodeDescription: CelFunctionDescription = {
  'zh-CN': '是否为 6 位行政区划代码（GB/T 2260，省级前缀有效）。',
  en: 'Whether the string is a 6-digit region code (GB/T 2260) with a real province prefix.',
};
