import { isUscc } from '../../domain/isUscc.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isUsccLenient(string): bool`: Whether the string has the shape of a unified social credit code, without checking the check character (early pilot codes). */
export const isUsccLenientFunction: CelFunctionDescriptor = {
  signature: 'isUsccLenient(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isUscc(value, { lenient: true }),
};

/** What `isUsccLenient` does, for editors and docs (not needed to run rules). */
export const isUsccLenientDescription: CelFunctionDescription = {
  'zh-CN': '统一社会信用代码格式正确即可，不核对校验码（兼容早期试点代码）。',
  en: 'Whether the string has the shape of a unified social credit code, without checking the check character (early pilot codes).',
};
