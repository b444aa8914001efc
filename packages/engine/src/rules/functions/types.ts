/**
 * One overload of a CEL function in the domain library. The handler receives CEL values
 * (strings, BigInt for `int`, numbers for `double`, arrays for lists) and must never throw:
 * bad input yields `false`, `''` or `0`.
 */
export interface CelFunctionDescriptor {
  /** cel-js signature, e.g. `isIdCard(string): bool`. */
  signature: string;
  handler: (...args: never[]) => unknown;
}

/** What a domain function does, in both languages (kept apart: the browser runtime does not need it). */
export interface CelFunctionDescription {
  'zh-CN': string;
  en: string;
}
