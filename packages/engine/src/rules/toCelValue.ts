import type { FieldShape } from '../bundle/types.js';

/** Marker for "no value": the rule then sees the field or property as absent. */
export const ABSENT = undefined;

/**
 * Nesting a value of unknown shape may have (as deep as a bundle may be). Deeper data is junk no
 * rule can read; treating it as absent keeps a hostile `[[[[…]]]]` from overflowing the stack.
 */
const MAX_DYN_DEPTH = 64;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A value of unknown shape: numbers stay doubles, integers-as-BigInt stay ints. */
function toDynValue(value: unknown, depth: number): unknown {
  if (isEmpty(value) || depth > MAX_DYN_DEPTH) return ABSENT;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : ABSENT;
  if (Array.isArray(value)) return toList(value, undefined, depth);
  if (typeof value === 'object') return toMap(value as Record<string, unknown>, undefined, depth);
  return ABSENT;
}

function toList(values: unknown[], items: FieldShape | undefined, depth: number): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    const converted = items ? toCelValue(v, items) : toDynValue(v, depth + 1);
    // CEL lists hold no nulls: an empty entry is skipped, as an empty field is.
    if (converted !== ABSENT) out.push(converted);
  }
  return out;
}

function toMap(
  value: Record<string, unknown>,
  shape: FieldShape | undefined,
  depth: number,
): Record<string, unknown> {
  // A null prototype: keys such as `__proto__` or `toString` are plain data, never inherited.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    const sub = shape?.properties?.[key];
    const converted =
      sub && Object.prototype.hasOwnProperty.call(shape!.properties, key)
        ? toCelValue(value[key], sub)
        : toDynValue(value[key], depth + 1);
    if (converted !== ABSENT) out[key] = converted;
  }
  return out;
}

/**
 * Convert one JSON value to the CEL value its field shape declares: `integer` → BigInt,
 * `number` → double, lists and maps recursively. Empty values (`undefined`, `null`, `''`) and
 * values of the wrong JSON type become ABSENT, so a rule reading them fails as "not filled in"
 * instead of on a type mismatch; the validator reports the type error itself.
 */
export function toCelValue(value: unknown, shape: FieldShape): unknown {
  if (isEmpty(value)) return ABSENT;
  switch (shape.type) {
    case 'integer':
      if (typeof value === 'bigint') return value;
      return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : ABSENT;
    case 'number':
      if (typeof value === 'bigint') return Number(value);
      return typeof value === 'number' && Number.isFinite(value) ? value : ABSENT;
    case 'boolean':
      return typeof value === 'boolean' ? value : ABSENT;
    case 'array':
      return Array.isArray(value) ? toList(value, shape.items, 0) : ABSENT;
    case 'object':
      return typeof value === 'object' && !Array.isArray(value)
        ? toMap(value as Record<string, unknown>, shape, 0)
        : ABSENT;
    default:
      return typeof value === 'string' ? value : ABSENT;
  }
}
