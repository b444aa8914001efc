import type { CelFunctionDescription, CelFunctionDescriptor } from './types.js';

/** Decimal places written in a number's shortest representation (`0.125` → 3, `1e-7` → 7). */
function decimals(x: number): number {
  const text = String(x);
  const exp = text.indexOf('e-');
  if (exp >= 0)
    return Number(text.slice(exp + 2)) + Math.max(0, text.slice(0, exp).split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * Sum of the numeric elements of a list (int and double mixed; other elements ignored).
 * Money is entered in decimals, so the sum is computed on scaled integers where that is exact:
 * `0.1 + 0.2` gives `0.3`, and `sum(amounts) == regCapital` behaves as a person expects.
 */
export function sumNumbers(list: unknown): number {
  if (!Array.isArray(list)) return 0;
  const values: number[] = [];
  let places = 0;
  for (const x of list) {
    const n = typeof x === 'bigint' ? Number(x) : typeof x === 'number' ? x : NaN;
    if (!Number.isFinite(n)) continue;
    values.push(n);
    places = Math.max(places, decimals(n));
  }
  let plain = 0;
  for (const n of values) plain += n;
  if (places === 0 || places > 12) return plain;
  const scale = 10 ** places;
  let scaled = 0;
  for (const n of values) scaled += Math.round(n * scale);
  return Number.isSafeInteger(scaled) ? scaled / scale : plain;
}

/**
 * CEL `sum(list<dyn>): double`. One overload taking any list keeps `sum(xs.map(s, s.amount))`
 * type-checking (a macro over `map<string, dyn>` entries yields `list<dyn>`); the result is a
 * double, so compare with `double` fields or wrap it in `int(...)`.
 */
export const sumFunction: CelFunctionDescriptor = {
  signature: 'sum(list<dyn>): double',
  handler: sumNumbers,
};

/** What `sum` does, for editors and docs (not needed to run rules). */
export const sumDescription: CelFunctionDescription = {
  'zh-CN': '列表中数值之和（整数与小数均可，按小数位精确相加），结果为 double；非数值元素忽略。',
  en: 'Sum of the numbers in a list (ints and doubles, added exactly to their decimal places) as a double; other elements are ignored.',
};
