import { isUscc } from '../../domain/isUscc.js';
import type { CelFunctionDescriptor } from './types.js';

/** CEL `isUscc(string): bool`: Whether the string is a valid unified social credit code (GB 32100, check character included). */
export const isUsccFunction: CelFunctionDescriptor = {
  signature: 'isUscc(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isUscc(value),
  description: {
    'zh-CN': '是否为有效的统一社会信用代码（GB 32100，含校验码）。',
    en: 'Whether the string is a valid unified social credit code (GB 32100, check character included).',
  },
};
