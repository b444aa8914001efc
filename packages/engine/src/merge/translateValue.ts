import type { FieldShape } from '../bundle/types.js';
import { isEmptyValue } from './isEmptyValue.js';
import { isPlainObject, ownValue, setOwn } from './isPlainObject.js';
import { toCanonicalValue, toDepartmentValue } from './mapValue.js';
import { normalizeMapping, subMapping, type NormalizedMapping } from './normalizeMapping.js';

/**
 * Nesting past which a value is junk (deeper than any bundle's fields): it is dropped, not walked,
 * so a hostile `[[[[…]]]]` cannot overflow the stack. The validator reports its type error.
 */
const MAX_VALUE_DEPTH = 64;

/** Which way a value is translated between the merged form and a department form. */
export type Direction = 'toDepartment' | 'toCanonical';

/**
 * Translate one value between canonical and department form, following the mapping into array
 * entries (element-wise), object sub-fields (`items` map) and scalars (`values` map). Empty
 * sub-fields are dropped; malformed mappings leave their sub-field out rather than throw.
 */
export function translateValue(
  value: unknown,
  mapping: NormalizedMapping,
  department: unknown,
  shape: FieldShape | undefined,
  direction: Direction,
  depth = 0,
): unknown {
  if (depth > MAX_VALUE_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const entrySchema = ownValue(department, 'items');
    return value.map((entry) =>
      translateValue(entry, mapping, entrySchema, shape?.items, direction, depth + 1),
    );
  }
  if (isPlainObject(value)) return translateObject(value, mapping, department, shape, direction, depth);
  return direction === 'toDepartment'
    ? toDepartmentValue(value, mapping.values)
    : toCanonicalValue(value, mapping.values, shape);
}

function translateObject(
  value: Record<string, unknown>,
  mapping: NormalizedMapping,
  department: unknown,
  shape: FieldShape | undefined,
  direction: Direction,
  depth: number,
): Record<string, unknown> {
  const departmentProps = ownValue(department, 'properties');
  const canonicalProps = isPlainObject(shape?.properties) ? shape.properties : undefined;
  const hasCanonical = (name: string) => Object.hasOwn(canonicalProps ?? value, name);
  // Department sub-field names: from its schema, else from the `items` map, else the value's own keys.
  const departmentNames =
    direction === 'toCanonical'
      ? Object.keys(value)
      : isPlainObject(departmentProps)
        ? Object.keys(departmentProps)
        : Object.keys(mapping.items ?? value);
  const out: Record<string, unknown> = {};
  for (const name of departmentNames) {
    const sub = normalizeMapping(subMapping(mapping, name, hasCanonical));
    if ('error' in sub) continue;
    const subSchema = ownValue(departmentProps, name);
    const subShape =
      canonicalProps && Object.hasOwn(canonicalProps, sub.field) ? canonicalProps[sub.field] : undefined;
    const from = direction === 'toDepartment' ? sub.field : name;
    const to = direction === 'toDepartment' ? name : sub.field;
    const entry = Object.hasOwn(value, from) ? value[from] : undefined;
    if (isEmptyValue(entry)) continue;
    const translated = translateValue(entry, sub, subSchema, subShape, direction, depth + 1);
    if (translated === undefined) continue;
    // `__proto__` would set the prototype through plain assignment; any other key is an own property.
    if (to === '__proto__') setOwn(out, to, translated);
    else out[to] = translated;
  }
  return out;
}
