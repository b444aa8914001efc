import { provinceOf } from '../../domain/regionCode.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

function province(value: unknown): string | undefined {
  return typeof value === 'string' ? provinceOf(value) : undefined;
}

/** CEL `sameProvince(string, string): bool`: Whether two region codes are in the same province; false when either is invalid. */
export const sameProvinceFunction: CelFunctionDescriptor = {
  signature: 'sameProvince(string, string): bool',
  handler: (a: unknown, b: unknown): boolean => {
    const pa = province(a);
    return pa !== undefined && pa === province(b);
  },
};

/** What `sameProvince` does, for editors and docs (not needed to run rules). */
export const sameProvinceDescription: CelFunctionDescription = {
  'zh-CN': '两个行政区划代码是否属于同一省级行政区；任一无效时为 false。',
  en: 'Whether two region codes are in the same province; false when either is invalid.',
};
