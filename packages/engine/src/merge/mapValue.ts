import type { FieldShape } from '../bundle/types.js';
import { isPlainObject } from './isPlainObject.js';
import { valueKey } from './valueKey.js';

/**
 * A canonical scalar in the department's value space. `values` is keyed by the canonical value's
 * text (`{ "1": "M" }`); values it does not list pass through unchanged.
 */
export function toDepartmentValue(value: unknown, values: Record<string, unknown> | undefined): unknown {
  if (!values || (value !== null && typeof value === 'object')) return value;
  const key = String(value);
  return Object.hasOwn(values, key) ? values[key] : value;
}

/**
 * A department scalar back in canonical value space: the inverse of `toDepartmentValue`. The
 * canonical key text is turned back into the field's own value (an option value, a number, a
 * boolean). When two canonical values map to the same department value, the first one wins.
 */
export function toCanonicalValue(
  value: unknown,
  values: Record<string, unknown> | undefined,
  shape: FieldShape | undefined,
): unknown {
  if (!values) return value;
  const wanted = valueKey(value);
  for (const [key, mapped] of Object.entries(values)) {
    if (valueKey(mapped) === wanted) return canonicalFromKey(key, shape);
  }
  return value;
}

/** The canonical value whose text is `key`, typed as the field expects. */
export function canonicalFromKey(key: string, shape: FieldShape | undefined): unknown {
  const choices = Array.isArray(shape?.enum)
    ? shape.enum
    : Array.isArray(shape?.options)
      ? shape.options.filter(isPlainObject).map((o) => o.value)
      : [];
  for (const choice of choices) if (String(choice) === key) return choice;
  if (shape?.type === 'integer' || shape?.type === 'number') {
    const n = Number(key);
    if (key.trim() !== '' && Number.isFinite(n)) return n;
  }
  if (shape?.type === 'boolean' && (key === 'true' || key === 'false')) return key === 'true';
  return key;
}
