import { isIdCard } from '../domain/isIdCard.js';
import { isMobile } from '../domain/isMobile.js';
import { isRegionCode } from '../domain/regionCode.js';
import { isUscc } from '../domain/isUscc.js';

/** Names of the GB-standard formats the engine adds to ajv. */
export type CnFormatName = 'cn-id-card' | 'cn-uscc' | 'cn-mobile' | 'cn-region-code';

/** An ajv `FormatDefinition` for strings with a plain check function. */
export interface StringFormat {
  type: 'string';
  validate: (value: string) => boolean;
}

/**
 * The `cn-*` ajv formats (公民身份号码, 统一社会信用代码, 手机号, 行政区划代码).
 *
 * Exported from the package root because precompiled (standalone) validators import
 * them at run time instead of inlining the check functions.
 *
 * @example
 * ajv.addFormat('cn-id-card', formats['cn-id-card']);
 */
export const formats: Record<CnFormatName, StringFormat> = {
  // Wrapped so ajv never passes its own second argument into the checkers' options.
  'cn-id-card': { type: 'string', validate: (value: string) => isIdCard(value) },
  'cn-uscc': { type: 'string', validate: (value: string) => isUscc(value) },
  'cn-mobile': { type: 'string', validate: (value: string) => isMobile(value) },
  'cn-region-code': { type: 'string', validate: (value: string) => isRegionCode(value) },
};
