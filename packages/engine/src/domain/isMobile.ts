const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Whether a string is a mainland mobile number (11 digits, 13x–19x), without `+86` or spaces.
 *
 * @example isMobile('13800138000') // true
 */
export function isMobile(value: string): boolean {
  return typeof value === 'string' && MOBILE.test(value);
}
