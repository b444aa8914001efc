import { parseIdCard } from '../../domain/parseIdCard.js';
import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** CEL `idGender(string): string`: Gender code of an identity number (GB/T 2261.1: 1 male, 2 female); empty when the number is invalid. */
export const idGenderFunction: CelFunctionDescriptor = {
  signature: 'idGender(string): string',
  handler: (value: unknown): string => (typeof value === 'string' && parseIdCard(value)?.gender) || '',
};

/** What `idGender` does, for editors and docs (not needed to run rules). */
export const idGenderDescription: CelFunctionDescription = {
  'zh-CN': '身份证号码对应的性别代码（GB/T 2261.1：1 男，2 女）；号码无效时为空字符串。',
  en: 'Gender code of an identity number (GB/T 2261.1: 1 male, 2 female); empty when the number is invalid.',
};
