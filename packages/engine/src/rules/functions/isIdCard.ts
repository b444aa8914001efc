import { isIdCard } from '../../domain/isIdCard.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isIdCard(string): bool`: Whether the string is a valid 18-digit resident identity number (GB 11643, check digit and birth date). */
export const isIdCardFunction: CelFunctionDescriptor = {
  signature: 'isIdCard(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isIdCard(value),
};

/** What `isIdCard` does, for editors and docs (not needed to run rules). */
export const isIdCardDescription: CelFunctionDescription = {
  'zh-CN': '是否为有效的 18 位公民身份号码（GB 11643，含校验码与出生日期）。',
  en: 'Whether the string is a valid 18-digit resident identity number (GB 11643, check digit and birth date).',
};
