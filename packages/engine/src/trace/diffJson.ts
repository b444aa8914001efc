import { canonicalJson } from '../flow/stableHash.js';
import { toPointer } from '../diagnostics/jsonPointer.js';

export interface DiffOptions {
  /** Changed paths shown before "… and N more" (default 20). */
  maxChanges?: number;
  /** Characters of one shown value (default 200). */
  maxValueChars?: number;
}

const MAX_DEPTH = 100;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A readable diff of two JSON values: each changed path (JSON Pointer) with `- expected` and
 * `+ actual` canonical JSON, deepest differing path first-found in key order, bounded in length.
 * Returns `''` when the values are equal.
 *
 * @example
 * diffJson({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] })
 * // '/b/1\n- 2\n+ 3'
 */
export function diffJson(expected: unknown, actual: unknown, options: DiffOptions = {}): string {
  const maxChanges = options.maxChanges ?? 20;
  const maxValueChars = options.maxValueChars ?? 200;
  const show = (value: unknown) => {
    const text = value === undefined ? '(absent)' : canonicalJson(value);
    return text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text;
  };
  const out: string[] = [];
  let changes = 0;
  const change = (path: Array<string | number>, a: unknown, b: unknown) => {
    changes++;
    if (changes > maxChanges) return;
    out.push(path.length === 0 ? '(root)' : toPointer(path));
    if (a !== undefined) out.push(`- ${show(a)}`);
    if (b !== undefined) out.push(`+ ${show(b)}`);
  };
  const visit = (a: unknown, b: unknown, path: Array<string | number>) => {
    if (path.length < MAX_DEPTH && isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) visit(a[key], b[key], [...path, key]);
    } else if (path.length < MAX_DEPTH && Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) visit(a[i], b[i], [...path, i]);
    } else if (canonicalJson(a) !== canonicalJson(b) || (a === undefined) !== (b === undefined)) {
      change(path, a, b);
    }
  };
  visit(expected, actual, []);
  if (changes > maxChanges) out.push(`… and ${changes - maxChanges} more`);
  return out.join('\n');
}
