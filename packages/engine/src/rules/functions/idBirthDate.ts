import { parseIdCard } from '../../domain/parseIdCard.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `idBirthDate(string): string`: Birth date (YYYY-MM-DD) in an identity number; empty when the number is invalid. */
export const idBirthDateFunction: CelFunctionDescriptor = {
  signature: 'idBirthDate(string): string',
  handler: (value: unknown): string => (typeof value === 'string' && parseIdCard(value)?.birthDate) || '',
};

/** What `idBirthDate` does, for editors and docs (not needed to run rules). */
export const idBirthDateDescription: CelFunctionDescription = {
  'zh-CN': '身份证号码中的出生日期（YYYY-MM-DD）；号码无效时为空字符串。',
  en: 'Birth date (YYYY-MM-DD) in an identity number; empty when the number is invalid.',
};
