import { provinceOf } from '../../domain/regionCode.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `regionProvince(string): string`: The province code (xx0000) of a region code; empty when the code is invalid. */
export const regionProvinceFunction: CelFunctionDescriptor = {
  signature: 'regionProvince(string): string',
  handler: (value: unknown): string => (typeof value === 'string' && provinceOf(value)) || '',
};

/** What `regionProvince` does, for editors and docs (not needed to run rules). */
export const regionProvinceDescription: CelFunctionDescription = {
  'zh-CN': '行政区划代码所属省级代码（xx0000）；代码无效时为空字符串。',
  en: 'The province code (xx0000) of a region code; empty when the code is invalid.',
};
