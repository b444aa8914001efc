/** The values a pattern of a memory script can use (see `MemoryScript`). */
export interface PatternValues {
  seq: number;
  item: string;
  department: string;
  applicationId: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = /^(seq(:\d{1,2})?|item|department|applicationId)$/;

/** The placeholders a pattern may use, for messages. */
export const PATTERN_PLACEHOLDERS = ['{seq}', '{seq:6}', '{item}', '{department}', '{applicationId}'];

/**
 * Fill a pattern such as `N350{seq:6}`: `{seq}` is the number, `{seq:N}` the number zero-padded to N
 * digits; unknown placeholders are kept as written (`checkMemoryScript` warns about them).
 *
 * @example
 * fillPattern('JY{seq:4}-{item}', { seq: 7, item: 'food', department: 'market', applicationId: 'a1' });
 * // 'JY0007-food'
 */
export function fillPattern(pattern: string, values: PatternValues): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    if (!KNOWN.test(name)) return whole;
    if (name.startsWith('seq')) return String(values.seq).padStart(Number(name.slice(4) || 0), '0');
    return values[name as 'item' | 'department' | 'applicationId'];
  });
}

/** Placeholders of a pattern that `fillPattern` does not know. */
export function unknownPlaceholders(pattern: string): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].filter((m) => !KNOWN.test(m[1]!)).map((m) => m[0]);
}
