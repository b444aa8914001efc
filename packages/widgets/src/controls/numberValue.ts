/**
 * The engine's value for a number input's text: empty → undefined, a finite number → that number.
 * Anything else is passed on as typed, so the engine (not the widget) reports it as not a number.
 */
export function numberValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // Number('') and Number(' ') are 0 and Number('0x10') is 16: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return text;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}
