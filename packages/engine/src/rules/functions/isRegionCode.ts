import { isRegionCode } from '../../domain/regionCode.js';
import type { CelFunctionDescriptor } from './types.js';

/** CEL `isRegionCode(string): bool`: Whether the string is a 6-digit region code (GB/T 2260) with a real province prefix. */
export const isRegionCodeFunction: CelFunctionDescriptor = {
  signature: 'isRegionCode(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isRegionCode(value),
  description: {
    'zh-CN': '是否为 6 位行政区划代码（GB/T 2260，省级前缀有效）。',
    en: 'Whether the string is a 6-digit region code (GB/T 2260) with a real province prefix.',
  },
};
