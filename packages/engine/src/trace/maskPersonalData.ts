/** An 18-character ID number (or a legacy 15-digit one) not inside a longer run of digits. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{5})(\d{3}[\dXx]|\d{4})(?![0-9A-Za-z])/g;
/** A mainland mobile number not inside a longer run of digits. */
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const MAX_DEPTH = 200;

function maskText(text: string): string {
  return text
    .replace(
      ID_NUMBER,
      (_m, head: string, middle: string, tail: string) => `${head}${'*'.repeat(middle.length)}${tail}`,
    )
    .replace(MOBILE, (_m, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}

function maskNode(node: unknown, depth: number): unknown {
  if (typeof node === 'string') return maskText(node);
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return node;
  if (Array.isArray(node)) return node.map((entry) => maskNode(entry, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    Object.defineProperty(out, key, {
      value: maskNode(value, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Mask identity numbers and mobile numbers for logs, found by pattern anywhere in a string or in the
 * strings of a JSON value (no bundle needed): an ID number keeps its first 6 and last 4 characters
 * (`350203********0248`), a mobile its first 3 and last 4 digits (`138****1234`). Unlike trace tokens,
 * masks are one-way and not meant to be replayed.
 *
 * @example maskPersonalData('母亲 350203199405120248 电话 13859201234') // '母亲 350203********0248 电话 138****1234'
 */
export function maskPersonalData<T>(value: T): T {
  return maskNode(value, 0) as T;
}
