const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface UsccOptions {
  /**
   * Accept a wrong check character when the shape is right: early Fujian pilot codes
   * (e.g. 91350100M0001TGQXM) fail the check yet are legally valid.
   */
  lenient?: boolean;
}

/** The GB 32100-2015 check character of the first 17 characters (weights 3^i mod 31). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += CHARSET.indexOf(first17[i]!) * weight;
    weight = (weight * 3) % 31;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Whether a string is a valid 统一社会信用代码 (GB 32100-2015).
 *
 * @example isUscc('91350100M000100Y43') // true
 */
export function isUscc(value: string, options: UsccOptions = {}): boolean {
  if (typeof value !== 'string' || !SHAPE.test(value)) return false;
  return options.lenient === true || usccCheckChar(value) === value[17];
}
