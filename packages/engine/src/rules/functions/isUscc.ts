import { isUscc } from '../../domain/isUscc.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isUscc(string): bool`: Whether the string is a valid unified social credit code (GB 32100, check character included). */
export const isUsccFunction: CelFunctionDescriptor = {
  signature: 'isUscc(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isUscc(value),
};

/** What `isUscc` does, for editors and docs (not needed to run rules). */
export const isUsccDescription: CelFunctionDescription = {
  'zh-CN': '是否为有效的统一社会信用代码（GB 32100，含校验码）。',
  en: 'Whether the string is a valid unified social credit code (GB 32100, check character included).',
};
