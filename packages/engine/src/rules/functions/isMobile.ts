import { isMobile } from '../../domain/isMobile.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `isMobile(string): bool`: Whether the string is an 11-digit mainland mobile number. */
export const isMobileFunction: CelFunctionDescriptor = {
  signature: 'isMobile(string): bool',
  handler: (value: unknown): boolean => typeof value === 'string' && isMobile(value),
};

/** What `isMobile` does, for editors and docs (not needed to run rules). */
export const isMobileDescription: CelFunctionDescription = {
  'zh-CN': '是否为 11 位大陆手机号码。',
  en: 'Whether the string is an 11-digit mainland mobile number.',
};
